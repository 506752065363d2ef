import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { it } from 'vitest';
import { cleanArticle } from '../../src/core/extract/clean';
it('debug2', () => {
  const html = readFileSync('/tmp/lb/preclean.html', 'utf8');
  const { document } = new JSDOM(`<body>${html}</body>`).window;
  const root = document.body.firstElementChild!;
  const r = cleanArticle(root, JSON.parse(process.env.CTX ?? '{"title":"","authors":[],"descriptions":[]}'));
  console.log(r, root.textContent!.replace(/\s+/g, ' ').slice(0, 300));
});
