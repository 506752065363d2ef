import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { it } from 'vitest';
import { extractArticle } from '../../src/core/extract/index';
it('debug', () => {
  const dir = '/work/shared/corpus/dev';
  const gt = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
  const id = Object.keys(gt).find((k) => k.startsWith(process.env.ID!))!;
  const html = gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)).toString('utf8');
  const { document } = new JSDOM(html, { url: gt[id].url, virtualConsole: new VirtualConsole() }).window;
  const a = extractArticle(document)!;
  const { contentHtml, textContent, ...rest } = a;
  console.log(JSON.stringify(rest, null, 1));
  require('fs').writeFileSync('/tmp/lb/debug.html', contentHtml);
  require('fs').writeFileSync('/tmp/lb/debug.txt', textContent);
});
