import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { storyRegion } from '../../../src/core/extract/region';
it('probe', () => {
  for (const id of (process.env.IDS ?? '').split(',')) {
    const file = readFileSync(`../shared/corpus/dev/html/${id}.html.gz`);
    const gt = JSON.parse(readFileSync('../shared/corpus/dev/ground-truth.json', 'utf8'));
    const key = Object.keys(gt).find((k) => k.startsWith(id))!;
    const win = new JSDOM(gunzipSync(file).toString('utf8'), { url: gt[key]?.url ?? 'https://example.com/', virtualConsole: new VirtualConsole() }).window;
    const a = extractArticle(win.document, { region: storyRegion(win.document) });
    console.log(id, JSON.stringify({ title: a?.title, byline: a?.byline, standfirst: a?.standfirst }));
    console.log((a?.contentHtml ?? '').slice(0, Number(process.env.N ?? 1500)));
  }
});
