import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NOTICED_PACKAGES, thirdPartyNotices } from '../../scripts/third-party-notices.mjs';

describe("the bundled code's notices", () => {
  it('cover every runtime dependency, so a new one cannot ship without its licence', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect([...NOTICED_PACKAGES].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it("carry each package's own licence and notice, and say what Lectern changed", () => {
    // One section per package, each starting with its name and version.
    const sections = new Map(thirdPartyNotices().split(/\n={78}\n/).slice(1).map((section) => [section.trim().split(' ')[0], section]));
    expect([...sections.keys()].sort()).toEqual([...NOTICED_PACKAGES].sort());
    const own: Record<string, RegExp[]> = {
      '@mozilla/readability': [/Copyright \(c\) 2010 Arc90 Inc/, /Apache License, Version 2\.0/, /Modified: /],
      dompurify: [/Cure53/, /TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION/, /Modified: /],
      'webextension-polyfill': [/Mozilla Public License/],
      '@fontsource/atkinson-hyperlegible': [/SIL OPEN FONT LICENSE Version 1\.1/],
      '@fontsource/opendyslexic': [/Abbie Gonzalez/, /SIL OPEN FONT LICENSE Version 1\.1/],
    };
    for (const [name, marks] of Object.entries(own)) for (const mark of marks) expect(sections.get(name), `${name}: ${mark}`).toMatch(mark);
  });
});
