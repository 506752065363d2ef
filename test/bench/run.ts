/**
 * npm run bench -- --corpus DIR [--out FILE] [--limit N] [--skip-reader]
 *
 * Loads each page of a corpus folder from a localhost server into headless
 * Chromium with the built extension (pages' own scripts removed), measures
 * what Lectern does there, writes FILE (default bench-results.json) and
 * prints a table. A benchmark, not a test: it asserts nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../support/browsers';
import { corpusIds, serveCorpus } from './corpus-server';
import { measureCaptions, type CaptionsResult } from './measure-captions';
import { measurePrefs, openOptionsPage, type PrefsResult } from './measure-prefs';
import { extensionWorker, measureReader, readerHeapGrowth, type ReaderResult } from './measure-reader';
import { measureSkipLink, waitForLectern, type SkipLinkResult } from './measure-skip-link';
import { goalTable } from './goals';
import { extractionScore, firstSentenceOffset, LANDING_WINDOW_CHARS, percentile, scoreExtraction } from './stats';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus/dev' },
    out: { type: 'string', default: 'bench-results.json' },
    limit: { type: 'string' },
    // Skip the reader view's measures (they take most of the run's time).
    'skip-reader': { type: 'boolean', default: false },
  },
});

const corpus = resolve(values.corpus as string);
const truthFile = join(corpus, 'ground-truth.json');
const truth: Record<string, { articleBody?: string }> = existsSync(truthFile)
  ? JSON.parse(readFileSync(truthFile, 'utf8'))
  : {};
let ids = corpusIds(corpus);
if (values.limit) ids = ids.slice(0, Number(values.limit));

type PageResult = SkipLinkResult &
  Partial<CaptionsResult> &
  Partial<ReaderResult> &
  Partial<PrefsResult> & {
    /** The whole always-on content script: detection, skip link and captions. */
    contentScriptMs?: number;
    /** The same with the script's start-up (scriptWorkMs) in place of detection alone. */
    scriptWholeMs?: number;
    landed?: boolean;
    landingOffset?: number;
    error?: string;
    readerError?: string;
    prefsError?: string;
    /** openMs through the popup, in a fresh load of the page: the popup's opening puts the reader up hidden. */
    openFromPopupMs?: number;
    /** Whether the reader shown that way has the same text as the one opened at once. */
    fromPopupSameText?: boolean;
    fromPopupError?: string;
  };
const pages: Record<string, PageResult> = {};
const READER_AXE_PAGES = 24;

const server = await serveCorpus(corpus);
const { browser, extensionOrigin } = await launchChromium();
const worker = await extensionWorker(browser, extensionOrigin);
// Lectern's always-on module loads from the address Chrome makes for each session (use_dynamic_url), not its id's.
const isAllowed = (url: string): boolean =>
  url.startsWith(server.origin) || url.startsWith(extensionOrigin) || /^chrome-extension:\/\/[0-9a-f-]{36}\/src\/content\/main\.js$/.test(url);
let heapGrowthBytes = NaN;
// Preference changes are made here, as a person makes them, and timed to the tab and the reader.
const options = await openOptionsPage(browser, extensionOrigin);
/** A new tab on the corpus page, loaded, Lectern's first verdict given. */
async function openCorpusPage(id: string): Promise<Page> {
  const page = await browser.newPage();
  // Lets the bench add Readability to pages that carry a Content-Security-Policy.
  await page.setBypassCSP(true);
  await page.setRequestInterception(true);
  // Only our localhost server and Lectern's own pages: the corpus pages point at the whole web.
  page.on('request', (req) => (isAllowed(req.url()) ? req.continue() : req.abort()));
  try {
    // A load that ends on the browser's own error page (a connection dropped on a loaded machine) is retried:
    // it says nothing about Lectern.
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.goto(server.url(id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
      if (!(await page.evaluate(() => document.body?.classList.contains('neterror') ?? false))) break;
    }
    await waitForLectern(page);
  } catch (error) {
    await page.close();
    throw error;
  }
  return page;
}

try {
  for (const id of ids) {
    let page: Page | null = null;
    try {
      page = await openCorpusPage(id);
      const found = await page.evaluate(() => performance.getEntriesByName('lectern:article-found').length > 0);
      const captions = await measureCaptions(page, found);
      const result: PageResult = { ...(await measureSkipLink(page)), ...captions };
      result.contentScriptMs = result.detectMs + captions.captionsMs;
      result.scriptWholeMs = result.scriptWorkMs + captions.captionsMs;
      const body = truth[id]?.articleBody;
      if (body) {
        result.landingOffset = firstSentenceOffset(body, result.skipTargetText);
        result.landed = result.landingOffset >= 0 && result.landingOffset <= LANDING_WINDOW_CHARS;
      }
      pages[id] = result;
      if (!values['skip-reader']) {
        try {
          // axe in the reader on the first pages: a sample, since it takes about a second a page.
          Object.assign(result, await measureReader(page, worker, extensionOrigin, { axe: ids.indexOf(id) < READER_AXE_PAGES }));
        } catch (error) {
          result.readerError = String(error);
        }
      }
      // With the reader still open (when it was measured): one change, timed to both.
      const reader = page.frames().find((f) => f.url().startsWith(`${extensionOrigin}/src/reader/reader.html`)) ?? null;
      try {
        Object.assign(result, await measurePrefs(options, page, reader));
      } catch (error) {
        result.prefsError = String(error);
      }
    } catch (error) {
      pages[id] = { articleFound: false, detectMs: NaN, scriptWorkMs: NaN, longestTaskMs: NaN, skipTargetText: '', skipTargetElement: '', error: String(error) };
    } finally {
      await page?.close();
    }
    const result = pages[id];
    if (result && !result.error && !values['skip-reader']) {
      // Through the popup, in a new load of the page: the first reader there, as the one above was.
      try {
        const fresh = await openCorpusPage(id);
        try {
          const fromPopup = await measureReader(fresh, worker, extensionOrigin, { fromPopup: true });
          result.openFromPopupMs = fromPopup.openMs;
          if (result.articleBody !== undefined) result.fromPopupSameText = fromPopup.articleBody === result.articleBody;
        } finally {
          await fresh.close();
        }
      } catch (error) {
        result.fromPopupError = String(error);
      }
    }
    process.stdout.write('.');
  }
  // Memory: the reader opened and closed 20 times on the first page.
  const first = ids[0];
  if (first && !values['skip-reader']) {
    const page = await browser.newPage();
    page.on('request', (req) => void (isAllowed(req.url()) ? req.continue() : req.abort()));
    await page.setRequestInterception(true);
    await page.goto(server.url(first), { waitUntil: 'domcontentloaded', timeout: 30_000 });
    await waitForLectern(page);
    heapGrowthBytes = await readerHeapGrowth(page, worker, extensionOrigin, 20);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.stdout.write('\n');

const rows = Object.values(pages);
const finite = (values: (number | undefined)[]): number[] => values.filter((n): n is number => Number.isFinite(n));
const detect = finite(rows.map((r) => r.detectMs));
const whole = finite(rows.map((r) => r.contentScriptMs));
const sum = (key: keyof CaptionsResult): number => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
const withTruth = rows.filter((r) => r.landed !== undefined);
const summary = {
  pages: rows.length,
  errors: rows.filter((r) => r.error).length,
  readerErrors: rows.filter((r) => r.readerError).length,
  articleFound: rows.filter((r) => r.articleFound).length,
  landed: withTruth.filter((r) => r.landed).length,
  landedRate: withTruth.length ? withTruth.filter((r) => r.landed).length / withTruth.length : null,
  detectMsMedian: percentile(detect, 50),
  detectMsP95: percentile(detect, 95),
  detectMsMax: Math.max(...detect),
  longTasks: rows.filter((r) => r.longestTaskMs >= 50).length,
  captionsExpanded: sum('captionsExpanded'),
  altRevealed: sum('altRevealed'),
  duplicatesResolved: sum('duplicatesResolved'),
  captionsMsMedian: percentile(finite(rows.map((r) => r.captionsMs)), 50),
  contentScriptMsMedian: percentile(whole, 50),
  contentScriptMsP95: percentile(whole, 95),
  // The goals read "the content script's work"; detectMs and the captions' measure leave out its start-up.
  scriptWholeMsMedian: percentile(finite(rows.map((r) => r.scriptWholeMs)), 50),
  scriptWholeMsP95: percentile(finite(rows.map((r) => r.scriptWholeMs)), 95),
  extractMsMedian: percentile(finite(rows.map((r) => r.extractMs)), 50),
  readabilityMsMedian: percentile(finite(rows.map((r) => r.readabilityMs)), 50),
  extractOverReadabilityPerPageMedian: percentile(finite(rows.map((r) => (r.extractMs ?? NaN) / (r.readabilityMs ?? NaN))), 50),
  openMsMedian: percentile(finite(rows.map((r) => r.openMs)), 50),
  openMsP95: percentile(finite(rows.map((r) => r.openMs)), 95),
  // Where the open time goes: the reader page's load runs beside the tab's extraction, and the later of the two
  // decides when the article can be rendered.
  openFromPopupMsMedian: percentile(finite(rows.map((r) => r.openFromPopupMs)), 50),
  openFromPopupMsP95: percentile(finite(rows.map((r) => r.openFromPopupMs)), 95),
  fromPopupErrors: rows.filter((r) => r.fromPopupError).length,
  fromPopupTextDiffers: rows.filter((r) => r.fromPopupSameText === false).length,
  readerLoadMsMedian: percentile(finite(rows.map((r) => r.openPhasesMs?.readerLoad)), 50),
  readerWaitMsMedian: percentile(finite(rows.map((r) => r.openPhasesMs?.readerWait)), 50),
  readerRenderMsMedian: percentile(finite(rows.map((r) => r.openPhasesMs?.readerRender)), 50),
  readerHeapGrowthMB20: heapGrowthBytes / 2 ** 20,
  prefsErrors: rows.filter((r) => r.prefsError).length,
  prefsToTabMsMedian: percentile(finite(rows.map((r) => r.prefsToTabMs)), 50),
  prefsToTabMsMax: Math.max(...finite(rows.map((r) => r.prefsToTabMs))),
  prefsToReaderMsMedian: percentile(finite(rows.map((r) => r.prefsToReaderMs)), 50),
  prefsToReaderMsMax: Math.max(...finite(rows.map((r) => r.prefsToReaderMs))),
  readerAxePages: rows.filter((r) => r.readerAxeViolations).length,
  readerAxeViolations: rows.reduce((n, r) => n + (r.readerAxeViolations?.length ?? 0), 0),
};
// The reader's text against the ground truth, on the pages where the reader was measured.
const scored = values['skip-reader'] ? [] : Object.keys(pages).filter((id) => truth[id]?.articleBody !== undefined);
const as = (key: 'articleBody' | 'readabilityBody') => Object.fromEntries(scored.map((id) => [id, { articleBody: pages[id]?.[key] ?? '' }]));
const scores = scored.length
  ? { readerF1: extractionScore(truth, as('articleBody'), scored).f1, readabilityF1: extractionScore(truth, as('readabilityBody'), scored).f1 }
  : {};
writeFileSync(values.out as string, `${JSON.stringify({ pages, summary: { ...summary, ...scores } }, null, 1)}\n`);

const fmt = (n: number | null): string => (n === null ? '-' : Number.isInteger(n) ? String(n) : n.toFixed(3));
console.table(Object.fromEntries(Object.entries(summary).map(([k, v]) => [k, fmt(v)])));
if (scored.length) {
  console.log(`lectern reader  ${scoreExtraction(truth, as('articleBody'), scored)}`);
  console.log(`readability 0.6 ${scoreExtraction(truth, as('readabilityBody'), scored)}`);
}
console.log('The goals the issues set, against this run:');
console.table(goalTable({ ...summary, ...scores }));
console.log(`wrote ${values.out}`);
