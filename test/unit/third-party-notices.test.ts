import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTICED_PACKAGES, thirdPartyNotices } from '../../scripts/third-party-notices.mjs';

describe("the bundled code's notices", () => {
  it('cover every runtime dependency, so a new one cannot ship without its licence', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect([...NOTICED_PACKAGES].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('carry each licence in full, and say what Lectern changed', () => {
    const text = thirdPartyNotices();
    for (const name of NOTICED_PACKAGES) expect(text).toContain(`${name} `);
    expect(text).toContain('Apache License');
    expect(text).toContain('Mozilla Public License');
    expect(text.match(/SIL OPEN FONT LICENSE Version 1\.1/g)?.length).toBe(2);
    expect(text.match(/Modified: /g)?.length).toBe(2);
  });
});
