import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { it } from 'vitest';
import { readJsonLd } from '../../src/core/extract/jsonld';
import { readPageMeta } from '../../src/core/extract/metadata';
import { prepareDocument } from '../../src/core/extract/prepare';
import { cleanArticle } from '../../src/core/extract/clean';
import { blockText } from '../../src/core/extract/text';
it('prof', () => {
  const dir = '/work/shared/corpus/dev';
  const gt = JSON.parse(readFileSync(`${dir}/ground-truth.json`, 'utf8'));
  const tot: Record<string, number[]> = {};
  const add = (k: string, v: number) => ((tot[k] ??= []).push(v));
  for (const id of Object.keys(gt)) {
    const html = gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)).toString('utf8');
    const { document } = new JSDOM(html, { url: gt[id].url, virtualConsole: new VirtualConsole() }).window;
    for (let r = 0; r < 2; r++) {
      let t = performance.now();
      const c0 = document.cloneNode(true) as Document; add('clone', performance.now() - t); t = performance.now();
      new Readability(c0).parse(); add('readability', performance.now() - t); t = performance.now();
      readJsonLd(document); add('jsonld', performance.now() - t); t = performance.now();
      readPageMeta(document); add('pagemeta', performance.now() - t); t = performance.now();
      const c = document.cloneNode(true) as Document; t = performance.now();
      prepareDocument(c); add('prepare', performance.now() - t); t = performance.now();
      const p = new Readability<Element>(c, { keepClasses: true, serializer: (e) => e as Element }).parse(); add('readability2', performance.now() - t); t = performance.now();
      if (p?.content) { const b = p.content.cloneNode(true); add('backup', performance.now() - t); t = performance.now(); cleanArticle(p.content, { title: p.title ?? '', authors: [], descriptions: [] }); add('clean', performance.now() - t); t = performance.now(); blockText(p.content); add('blocktext', performance.now() - t); }
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  for (const [k, v] of Object.entries(tot)) console.log(k.padEnd(14), 'median', med(v).toFixed(2), 'total', sum(v).toFixed(0));
}, 900000);
