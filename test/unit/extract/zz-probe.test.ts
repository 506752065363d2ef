import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../../src/core/extract/index';
import { storyRegion } from '../../../src/core/extract/region';
it('probe', () => {
  const dir = '/work/shared/corpus/dev/html';
  const gt = JSON.parse(readFileSync('/work/shared/corpus/dev/ground-truth.json', 'utf8'));
  for (const pre of (process.env.IDS ?? '').split(',')) {
    const f = readdirSync(dir).find((n) => n.startsWith(pre))!;
    const id = f.slice(0, -8);
    const html = gunzipSync(readFileSync(`${dir}/${f}`)).toString('utf8');
    const doc = new JSDOM(html, { url: gt[id]?.url ?? 'https://example.com/', virtualConsole: new VirtualConsole() }).window.document;
    const a = extractArticle(doc, { region: storyRegion(doc) })!;
    const figs = a.contentHtml.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
    console.log('=====', pre, figs.length, 'byline:', a.byline, 'date:', a.published);
    for (const fg of figs) console.log(fg.replace(/\s+/g, ' ').replace(/(src|srcset|sizes)="[^"]*"/g, '$1=…').slice(0, 500));
    if (process.env.GREP) for (const g of process.env.GREP.split('|')) { const i = a.contentHtml.indexOf(g); console.log('GREP', g, i >= 0 ? a.contentHtml.slice(Math.max(0, i - 300), i + 300).replace(/\s+/g, ' ') : 'absent'); }
  }
});
