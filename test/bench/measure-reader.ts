/**
 * The reader view on a page loaded with Lectern: what it shows, what it
 * cost, and the same for Readability 0.6 alone on the same page, in the
 * same browser, in the same run.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page, WebWorker } from 'puppeteer-core';

export interface ReaderResult {
  /** The visible text of the rendered reader article's body, block elements separated by newlines. */
  articleBody: string;
  /** Readability 0.6 alone on the page: its textContent. */
  readabilityBody: string;
  /** Lectern's extraction in the page (clone, Readability, pre- and post-processing, sanitizing). */
  extractMs: number;
  /** Readability alone on a clone of the same page. */
  readabilityMs: number;
  /** From the trigger in the background to the article painted in the reader. */
  openMs: number;
  /**
   * Where openMs went, from the trigger: to the start of extraction (injection), the extraction, and
   * to the start of the reader page, which loads while the tab extracts; then the reader page itself, split
   * into its loading (to asking for the article), waiting for the article, and rendering it up to the paint.
   */
  openPhasesMs: { inject: number; extract: number; readerStart: number; readerPage: number; readerLoad: number; readerWait: number; readerRender: number };
  /** axe's violations in the open reader (WCAG 2.2 A/AA and best practice), when asked for: "rule: target" each. */
  readerAxeViolations?: string[];
}

/** The one extension API the bench calls in the service worker. */
declare const chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } };

const require = createRequire(import.meta.url);
const READABILITY_SOURCE = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');

/** The extension's service worker (the bench triggers the reader as the keyboard command does). */
export async function extensionWorker(browser: Browser, origin: string): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 10_000 });
  const worker = await target.worker();
  if (!worker) throw new Error('the extension has no service worker');
  return worker;
}

/** The id of the newest tab: the page just opened (tab URLs are hidden without the "tabs" permission). */
function newestTabId(worker: WebWorker): Promise<number> {
  return worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1)));
}

/** Polls `check` until it gives a value (errors count as not yet), or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Readability alone, in the page (the bench sets bypassCSP so the script can be added). */
async function readabilityAlone(page: Page): Promise<{ body: string; ms: number }> {
  await page.addScriptTag({ content: READABILITY_SOURCE });
  return page.evaluate(() => {
    const Readability = (globalThis as unknown as { Readability: new (doc: Document) => { parse(): { textContent?: string | null } | null } }).Readability;
    const start = performance.now();
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    return { ms: performance.now() - start, body: parsed?.textContent ?? '' };
  });
}

/**
 * How long the popup is open before its button is pressed, when the bench
 * opens the reader as the popup does: a person who opens the popup, reads
 * it and presses its first button takes longer.
 */
const POPUP_OPEN_MS = 1_000;

export async function measureReader(page: Page, worker: WebWorker, origin: string, options: { axe?: boolean; fromPopup?: boolean } = {}): Promise<ReaderResult> {
  const baseline = await readabilityAlone(page);
  const tabId = await newestTabId(worker);
  if (options.fromPopup) {
    // What the popup's opening asks for (src/popup/tab-panel.ts): the reader put up hidden.
    await worker.evaluate((id) => void (globalThis as unknown as { lecternPrepareReader(id: number): Promise<void> }).lecternPrepareReader(id), tabId);
    await new Promise((done) => setTimeout(done, POPUP_OPEN_MS));
  }
  const triggeredAt = await worker.evaluate((id) => {
    const at = performance.timeOrigin + performance.now();
    void (globalThis as unknown as { lecternToggleReader(id: number): Promise<unknown> }).lecternToggleReader(id);
    return at;
  }, tabId);
  // Looked up on every try: the frame puppeteer first reports can be replaced as the extension page loads.
  const shown = await waitFor('the article painted', async () => {
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/src/reader/reader.html`));
    if (!frame) return null;
    return frame.evaluate(() => {
      const painted = performance.getEntriesByName('lectern:reader-painted')[0];
      if (!painted) return null;
      const body = document.querySelector<HTMLElement>('.article-body');
      // No helper function here: the bench's TypeScript runner would wrap it in one the page does not have.
      const [ready, arrived] = ['lectern:reader-ready', 'lectern:article-arrived'].map((name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN);
      return {
        readerOrigin: performance.timeOrigin,
        paintedAt: performance.timeOrigin + painted.startTime,
        readyAt: ready ?? NaN,
        arrivedAt: arrived ?? NaN,
        paintedStart: painted.startTime,
        body: body?.innerText ?? '',
      };
    });
  });
  let readerAxeViolations: string[] | undefined;
  if (options.axe) {
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/src/reader/reader.html`));
    if (!frame) throw new Error('the reader frame went away');
    const results = await new AxePuppeteer(frame).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    readerAxeViolations = results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }
  const extraction = await page.evaluate(() => {
    const entry = performance.getEntriesByName('lectern:extract')[0];
    return entry ? { start: performance.timeOrigin + entry.startTime, duration: entry.duration } : null;
  });
  const extractMs = extraction?.duration ?? NaN;
  const extractStart = extraction?.start ?? NaN;
  return {
    ...(readerAxeViolations ? { readerAxeViolations } : {}),
    openPhasesMs: {
      inject: extractStart - triggeredAt,
      extract: extractMs,
      readerStart: shown.readerOrigin - triggeredAt,
      readerPage: shown.paintedAt - shown.readerOrigin,
      readerLoad: shown.readyAt,
      readerWait: shown.arrivedAt - shown.readyAt,
      readerRender: shown.paintedStart - shown.arrivedAt,
    },
    articleBody: shown.body,
    readabilityBody: baseline.body,
    extractMs,
    readabilityMs: baseline.ms,
    openMs: shown.paintedAt - triggeredAt,
  };
}

/**
 * Opens and closes the reader `times` times on the page and returns how
 * much the page's JS heap grew, in bytes, after a garbage collection
 * before and after.
 */
export async function readerHeapGrowth(page: Page, worker: WebWorker, origin: string, times = 20): Promise<number> {
  const cdp = await page.createCDPSession();
  const heap = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const tabId = await newestTabId(worker);
  const toggle = (): Promise<unknown> =>
    worker.evaluate((id) => (globalThis as unknown as { lecternToggleReader(id: number): Promise<unknown> }).lecternToggleReader(id), tabId);
  const hosts = (): Promise<number> => page.evaluate(() => document.getElementsByTagName('lectern-reader').length);
  // The first opening loads the extraction bundle into the page: that is its one-time cost, not growth.
  await toggle();
  await waitFor('the reader', async () => ((await hosts()) === 1 ? true : null));
  await toggle();
  await waitFor('the reader to close', async () => ((await hosts()) === 0 ? true : null));
  const before = await heap();
  for (let i = 0; i < times; i++) {
    await toggle();
    await waitFor('the reader', async () => (page.frames().some((f) => f.url().startsWith(`${origin}/src/reader/reader.html`)) ? true : null));
    await toggle();
    await waitFor('the reader to close', async () => ((await hosts()) === 0 ? true : null));
  }
  const after = await heap();
  await cdp.detach();
  return after - before;
}
