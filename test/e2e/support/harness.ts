/**
 * One browser session per describe block: the browser (with the built
 * extension, or without it for a baseline), its own fixture server, and
 * recorders for everything a test may want to assert on afterwards: every
 * request a page made, every request the extension's service worker made
 * (Chromium), and every page error or console message that could come from
 * Lectern.
 *
 * Functions passed to page.evaluate are written without named inner
 * helpers: the test transform may wrap those in a helper that does not
 * exist inside the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Frame, Page, Target, WebWorker } from 'puppeteer-core';
import { expect } from 'vitest';
import { DIST, launchChromium, launchFirefox } from '../../support/browsers';
import { FIXTURES_DIR, startServer, type FixtureServer } from './server';

export type BrowserName = 'chromium' | 'firefox';

/** Both, unless LECTERN_E2E_BROWSERS=chromium (or firefox) narrows the run. */
export function browsersUnderTest(): BrowserName[] {
  const wanted = (process.env.LECTERN_E2E_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
  return (['chromium', 'firefox'] as const).filter((b) => wanted.includes(b));
}

/**
 * The built extension for a browser: dist/<browser>, or <dir>/<browser>
 * when LECTERN_E2E_DIST=<dir> points at another build.
 */
export function extensionDir(name: BrowserName): string {
  const other = process.env.LECTERN_E2E_DIST;
  const key = name === 'chromium' ? 'chrome' : 'firefox';
  return other ? join(other, key) : DIST[key];
}

/** The keyboard shortcut the built manifest suggests for each command that has one, in the manifest's order. */
export function suggestedShortcuts(name: BrowserName): [command: string, key: string][] {
  const manifest = JSON.parse(readFileSync(join(extensionDir(name), 'manifest.json'), 'utf8')) as {
    commands: Record<string, { suggested_key?: { default?: string } }>;
  };
  return Object.entries(manifest.commands).flatMap(([command, { suggested_key }]) => (suggested_key?.default ? [[command, suggested_key.default] as [string, string]] : []));
}

export interface PageRequest {
  url: string;
  /** The URL of the page that made it, when it was made. */
  pageUrl: string;
  navigation: boolean;
}

export interface Problem {
  kind: 'pageerror' | 'console' | 'worker';
  text: string;
  pageUrl: string;
}

export interface Session {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid>; '' without the extension. */
  extensionOrigin: string;
  server: FixtureServer;
  pageRequests: PageRequest[];
  /** Requests made by the extension's service worker (Chromium), as URLs. */
  workerRequests: string[];
  /** Page errors, and console messages at warning/error level or naming Lectern. */
  problems: Problem[];
  /** A new tab with the recorders attached. */
  newPage(): Promise<Page>;
  /** A new tab on a path of the fixture server, once Lectern has given its verdict. */
  open(path: string): Promise<Page>;
  /** Closes every tab but the blank one, so each test starts with its own tabs only. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Load Lectern (default) or nothing, for a baseline. */
  extension?: boolean;
  /** More unpacked extensions to install (test probes). */
  extraExtensions?: string[];
  /** The browser's UI language, such as 'ar' (see LaunchOptions.locale); the system's when absent. */
  locale?: string;
  /** The browser's text size in percent of its default (see LaunchOptions.textSize). */
  textSize?: number;
  /**
   * More about:config preferences for Firefox; Chromium has no such
   * preferences and ignores them, so one describe block can pass them for both.
   */
  firefoxPrefs?: Record<string, unknown>;
  /**
   * Lectern's timeline entries in pages (see LaunchOptions.devTimeline), default on. Off, open() cannot
   * wait for Lectern's verdict, which is one of them: it waits for the page's load alone.
   */
  devTimeline?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

const STALLED = Symbol('stalled');

/**
 * Polls `check` until it returns something truthy (and returns that); fails with `what` after `timeoutMs`.
 * A check that never settles (puppeteer waiting for a frame's execution
 * context that will not come, say) counts as a failed try and is retried,
 * so a hang turns into this named failure instead of the test's timeout.
 */
export async function until<T>(what: string, check: () => Promise<T>, timeoutMs = 10_000, intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const tryMs = Math.max(1_000, Math.min(3_000, deadline - Date.now()));
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<typeof STALLED>((done) => (timer = setTimeout(() => done(STALLED), tryMs)));
      const value = await Promise.race([check(), stalled]).finally(() => clearTimeout(timer));
      if (value === STALLED) throw new Error(`a try did not settle in ${tryMs} ms`);
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await sleep(intervalMs);
  }
}

/** One step that must settle within `timeoutMs`: a hang fails with the step's name, not the test's timeout. */
export async function step<T>(what: string, work: Promise<T>, timeoutMs = 15_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${what} did not settle in ${timeoutMs} ms`)), timeoutMs)));
  return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
}

/**
 * Input whose handling removes the frame it was sent to (Escape or a click
 * that closes the reader), then `done` polled until it holds. The input's
 * own reply is not waited for: when the frame is gone before the browser
 * has its acknowledgement of the event, Chromium never answers the CDP
 * command (it fails only with "Target closed" when the page closes). Seen
 * for Escape's key-down in up to one run in four on a busy machine, with
 * the reader closed each time; the back button's click races the same
 * way (its reply comes within milliseconds of the frame's removal). An
 * input that fails before `done` holds (no such element, say) is reported
 * as the last error of the wait.
 */
export async function inputThatClosesItsFrame<T>(what: string, input: Promise<unknown>, done: () => Promise<T>): Promise<NonNullable<T>> {
  let failure: unknown = null;
  input.catch((error: unknown) => {
    failure = error ?? new Error('the input failed');
  });
  return until(what, async () => {
    const value = await done();
    if (value) return value;
    if (failure !== null) throw failure;
    return value;
  });
}

/**
 * The reader's frame in a page, once it shows an article (or says there is
 * none). Found by its document's own location: Firefox reports extension
 * frames to puppeteer as about:blank, since it sends them no load events.
 */
export async function findReaderFrame(session: Session, page: Page, states: string[] = ['article', 'empty']): Promise<Frame> {
  const readerUrl = `${session.extensionOrigin}/src/reader/reader.html`;
  const main = page.mainFrame();
  // until() resolves only with a truthy value.
  return (await until<Frame | null>('the reader frame', async () => {
    const candidates = page.frames().filter((f) => f !== main && (f.url().startsWith(readerUrl) || f.url() === 'about:blank'));
    const found = await Promise.all(
      candidates.map((f) =>
        // A frame of the page's own that is still loading, or one already
        // removed (Firefox reports no removal of extension frames either),
        // must not hold up the others.
        Promise.race([
          f.evaluate((prefix) => (location.href.startsWith(prefix) ? (document.body?.dataset.state ?? '') : ''), readerUrl).catch(() => ''),
          new Promise<string>((done) => setTimeout(() => done(''), 1_000)),
        ]),
      ),
    );
    return candidates.find((_, i) => states.includes(found[i] as string)) ?? null;
  })) as Frame;
}

export type Verdict = 'article' | 'none';

/**
 * Lectern's content script leaves a user-timing mark with its verdict after
 * each detection (the benchmark reads the same marks). Resolves when there
 * are at least `count` verdicts. A detection that ran out of its budget on a
 * busy thread (its mark says gaveUp) is looked at again soon: it counts as a
 * verdict only with `acceptGiveUp`, for a page too big to finish.
 */
export async function verdict(page: Page, count = 1, timeoutMs = 10_000, acceptGiveUp = false): Promise<Verdict> {
  const marks = await until(
    `Lectern's verdict #${count} on ${page.url()}`,
    () =>
      page.evaluate(
        (n, givenUpCounts) => {
          // Plain loops: a hostile fixture page overwrites Array.prototype in this world.
          const marks = performance.getEntriesByType('mark');
          let verdicts = 0;
          let waiting = false;
          for (let i = 0; i < marks.length; i++) {
            const m = marks[i] as PerformanceMark;
            if (m.name === 'lectern:article-found') {
              verdicts++;
              waiting = false;
            } else if (m.name === 'lectern:no-article') {
              // A detection given up on a busy thread is no verdict, unless the test asks for one: the one after it is.
              const gaveUp = (m.detail as { gaveUp?: boolean } | null)?.gaveUp === true;
              waiting = gaveUp && !givenUpCounts;
              if (!waiting) verdicts++;
            }
          }
          return verdicts >= n && !waiting ? verdicts : null;
        },
        count,
        acceptGiveUp,
      ),
    timeoutMs,
  );
  const last = await page.evaluate(() => {
    const marks = performance.getEntriesByType('mark');
    let name = '';
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i] as PerformanceEntry;
      if (m.name === 'lectern:article-found' || m.name === 'lectern:no-article') name = m.name;
    }
    return name;
  });
  void marks;
  return last === 'lectern:article-found' ? 'article' : 'none';
}

/**
 * Waits for a verdict from a detection that started after `since` (a
 * performance.now() time in the page): the re-detection after a client-side
 * navigation, not an earlier one (a preference update also leaves a verdict).
 */
export async function verdictAfter(page: Page, since: number, timeoutMs = 10_000): Promise<Verdict> {
  const name = await until(
    `a Lectern verdict after t=${since.toFixed(0)} on ${page.url()}`,
    () =>
      page.evaluate((t) => {
        const marks = performance.getEntriesByType('mark');
        let found = '';
        for (let i = 0; i < marks.length; i++) {
          const m = marks[i] as PerformanceEntry;
          // A detection given up on a busy thread is no verdict: the one after it is.
          const gaveUp = ((m as PerformanceMark).detail as { gaveUp?: boolean } | null)?.gaveUp === true;
          if (m.startTime > t && (m.name === 'lectern:article-found' || (m.name === 'lectern:no-article' && !gaveUp))) found = m.name;
        }
        return found;
      }, since),
    timeoutMs,
  );
  return name === 'lectern:article-found' ? 'article' : 'none';
}

export interface Focused {
  /** Tag names from the document's active element down through shadow roots. */
  chain: string[];
  tag: string;
  id: string;
  text: string;
  /** The deep active element is inside <lectern-skip-link>'s shadow root. */
  inLecternLink: boolean;
}

/** The element that has keyboard focus, looking through shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const chain: string[] = [el.tagName.toLowerCase()];
    const inLecternLink = el.tagName.toLowerCase() === 'lectern-skip-link';
    while (el && el.shadowRoot && el.shadowRoot.activeElement) {
      el = el.shadowRoot.activeElement;
      chain.push(el.tagName.toLowerCase());
    }
    if (!el) return null;
    return {
      chain,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 120),
      inLecternLink,
    };
  });
}

/** Number of open Lectern readers (their <lectern-reader> overlay hosts) in the page. */
export function readerHosts(page: Page): Promise<number> {
  return readerHostCount(page, false);
}

/** Number of readers put up hidden in the page (the popup's, before its button is pressed). */
export function hiddenReaderHosts(page: Page): Promise<number> {
  return readerHostCount(page, true);
}

function readerHostCount(page: Page, hidden: boolean): Promise<number> {
  return page.evaluate(
    (wanted) => Array.from(document.getElementsByTagName('lectern-reader')).filter((host) => (getComputedStyle(host).display === 'none') === wanted).length,
    hidden,
  );
}

/** Number of <lectern-skip-link> elements in the page (and its same-origin frames). */
export function lecternElementCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = document.getElementsByTagName('lectern-skip-link').length;
    for (let i = 0; i < window.frames.length; i++) {
      try {
        count += (window.frames[i] as Window).document.getElementsByTagName('lectern-skip-link').length;
      } catch {
        // A cross-origin frame: not ours to look into.
      }
    }
    return count;
  });
}

/** Per session: the recording set up on each service-worker target, so it is done once and can be awaited. */
const workerRecorders = new WeakMap<Session, Map<Target, Promise<void>>>();
/** Per session: the CDP sessions those recordings hold, which keep a worker alive until detached. */
const workerRecorderSessions = new WeakMap<Session, CDPSession[]>();

function isExtensionWorker(session: Session, target: Target): boolean {
  return target.type() === 'service_worker' && !!session.extensionOrigin && target.url().startsWith(session.extensionOrigin);
}

/**
 * Records a service worker's network requests and errors (Chromium). Our
 * CDP session must be in place before puppeteer's own worker session is
 * used: doing both at once sometimes leaves puppeteer with a detached
 * worker. So this returns the one promise per target, and serviceWorker()
 * awaits it.
 */
function recordWorker(session: Session, target: Target): Promise<void> {
  let recorders = workerRecorders.get(session);
  if (!recorders) workerRecorders.set(session, (recorders = new Map()));
  const existing = recorders.get(target);
  if (existing) return existing;
  if (!isExtensionWorker(session, target)) return Promise.resolve();
  const done = (async () => {
    let cdp: CDPSession;
    try {
      cdp = await target.createCDPSession();
    } catch {
      return; // The worker went away before we could attach; its successor is recorded instead.
    }
    const held = workerRecorderSessions.get(session) ?? [];
    held.push(cdp);
    workerRecorderSessions.set(session, held);
    cdp.on('Network.requestWillBeSent', (event) => session.workerRequests.push(event.request.url));
    cdp.on('Runtime.exceptionThrown', (event) =>
      session.problems.push({ kind: 'worker', text: JSON.stringify(event.exceptionDetails).slice(0, 500), pageUrl: target.url() }),
    );
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (event.type === 'error' || event.type === 'warning') {
        session.problems.push({ kind: 'worker', text: JSON.stringify(event.args).slice(0, 500), pageUrl: target.url() });
      }
    });
    await cdp.send('Network.enable').catch(() => undefined);
    await cdp.send('Runtime.enable').catch(() => undefined);
  })();
  recorders.set(target, done);
  return done;
}

/**
 * Chromium: the extension's service worker, once its module has run. The
 * target can appear before that, and can be replaced by a restarted worker,
 * so look it up afresh on every try.
 */
export async function serviceWorker(session: Session): Promise<WebWorker> {
  return until(
    'the service worker to define lecternCommand',
    async () => {
      const target = session.browser.targets().find((t) => isExtensionWorker(session, t));
      if (!target) return null;
      await recordWorker(session, target);
      const worker = await target.worker();
      if (!worker) return null;
      const ready = await worker.evaluate(() => typeof (globalThis as { lecternCommand?: unknown }).lecternCommand === 'function');
      return ready ? worker : null;
    },
    20_000,
    100,
  );
}

/**
 * Chromium: stops the extension's service worker, as the browser does when
 * it has been idle (CDP ServiceWorker.stopAllWorkers), then runs `wake`
 * (a message from an extension page, say), which starts a new worker, and
 * resolves to what `wake` resolved to.
 *
 * The driver, not the extension, needs one push: the browser holds a
 * worker that starts while a debugger is attached until the debugger says
 * go, and puppeteer does not say it for a restarted worker, so we send
 * Runtime.runIfWaitingForDebugger ourselves until `wake` settles.
 */
export async function restartServiceWorker<T>(session: Session, wake: () => Promise<T>): Promise<T> {
  for (const cdp of workerRecorderSessions.get(session)?.splice(0) ?? []) await cdp.detach().catch(() => undefined);
  const [page] = await session.browser.pages();
  if (!page) throw new Error('no page to reach the ServiceWorker domain through');
  const control = await page.createCDPSession();
  await control.send('ServiceWorker.enable');
  await control.send('ServiceWorker.stopAllWorkers');
  await control.detach();
  let settled = false;
  const woken = wake().finally(() => (settled = true));
  const deadline = Date.now() + 10_000;
  while (!settled && Date.now() < deadline) {
    for (const target of session.browser.targets().filter((t) => isExtensionWorker(session, t))) {
      const cdp = await target.createCDPSession().catch(() => null);
      await cdp?.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
      await cdp?.detach().catch(() => undefined);
    }
    await Promise.race([woken.catch(() => undefined), sleep(200)]);
  }
  return woken;
}

/**
 * Chromium: evaluates an expression in the extension's running service
 * worker through a fresh CDP session (puppeteer's WebWorker handle does not
 * follow a restarted worker).
 */
export async function evaluateInServiceWorker(session: Session, expression: string): Promise<unknown> {
  const target = session.browser.targets().find((t) => isExtensionWorker(session, t));
  if (!target) throw new Error('no running service worker');
  const cdp = await target.createCDPSession();
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    return result.value;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Firefox: the one extension API the event-page helpers call, in an extension page. */
declare const browser: { runtime: { getBackgroundPage(): Promise<Window> } };

/** The name of the mark markBackground() leaves in the background's globals. */
const BACKGROUND_MARK = 'lecternTestMark';
/** Where an extension page keeps the window of the event page it marked (Firefox). */
const MARKED_EVENT_PAGE = 'lecternMarkedEventPage';

/**
 * Leaves a mark in the globals of the extension's running background, which
 * a restarted one does not have: in Chromium the service worker's, in
 * Firefox the event page's, reached from `extPage` (one of Lectern's own
 * pages in a tab) through runtime.getBackgroundPage(). That page keeps the
 * marked window, so restartBackground() can watch that very page go.
 */
export async function markBackground(session: Session, extPage: Page): Promise<void> {
  if (session.name === 'chromium') {
    const worker = await serviceWorker(session);
    await worker.evaluate((mark) => {
      (globalThis as unknown as Record<string, string>)[mark] = 'old worker';
    }, BACKGROUND_MARK);
    return;
  }
  await extPage.evaluate(
    async (mark, keep) => {
      const background = await browser.runtime.getBackgroundPage();
      (background as unknown as Record<string, string>)[mark] = 'old event page';
      (window as unknown as Record<string, Window>)[keep] = background;
    },
    BACKGROUND_MARK,
    MARKED_EVENT_PAGE,
  );
}

/** Whether the extension's running background (started if need be, in Firefox) has markBackground()'s mark. */
export async function backgroundHasMark(session: Session, extPage: Page): Promise<boolean> {
  if (session.name === 'chromium') return (await evaluateInServiceWorker(session, `'${BACKGROUND_MARK}' in globalThis`)) === true;
  return extPage.evaluate(async (mark) => mark in (await browser.runtime.getBackgroundPage()), BACKGROUND_MARK);
}

/**
 * Stops the extension's background, the one markBackground() marked, and
 * then runs `wake` (a message from an extension page, say), which starts a
 * new one; resolves to what `wake` resolved to.
 *
 * Chromium: restartServiceWorker(). Firefox: no driver call stops an event
 * page, but Firefox itself suspends one that has been idle for
 * extensions.background.idle.timeout, so the session must set that low
 * (firefoxPrefs) and this waits for it. That the page is gone is seen on
 * the window `extPage` keeps: it is closed (or, once Firefox has cut the
 * wrappers to it, dead) only when the page itself is. Looking at it is a
 * property read inside the extension's process, no message and no event,
 * so it is not activity that would keep the page awake.
 */
export async function restartBackground<T>(session: Session, extPage: Page, wake: () => Promise<T>): Promise<T> {
  if (session.name === 'chromium') return restartServiceWorker(session, wake);
  await until(
    'the event page to be suspended',
    () =>
      extPage.evaluate((keep) => {
        const background = (window as unknown as Record<string, Window | undefined>)[keep];
        if (!background) throw new Error('markBackground() first: there is no marked event page to watch');
        try {
          return background.closed;
        } catch {
          // "can't access dead object": Firefox cut the wrappers to the closed page.
          return true;
        }
      }, MARKED_EVENT_PAGE),
    30_000,
    100,
  );
  return wake();
}

/**
 * Chromium's own services (network time, autofill, component and extension
 * updates, account lookups) contact Google even with --disable-background-networking.
 * Point them at dummy.test, as puppeteer does for Firefox's services, so
 * that any other host reaching the catch-all proxy is traffic we did not
 * expect, such as the extension's.
 */
const CHROMIUM_SERVICES_TO_SINK = [
  // Network time; autofill's form queries (the login-form fixture triggers them); the connections Chromium
  // opens ahead to its default search engine (www.google.com:443, from Chromium 150 at least).
  '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,PreconnectToSearch',
  // The search engine's own requests (its choice screen's data), and push messaging's check-in
  // (android.clients.google.com:443), to the sink with the rest.
  '--google-base-url=http://dummy.test',
  '--gcm-checkin-url=http://dummy.test/checkin',
  '--gcm-registration-url=http://dummy.test/register',
  '--gcm-mcs-endpoint=http://dummy.test/mcs',
  '--gaia-url=http://dummy.test',
  '--lso-url=http://dummy.test',
  '--google-apis-url=http://dummy.test',
  '--component-updater=url-source=http://dummy.test/component-updater',
];

export async function startSession(name: BrowserName, options: SessionOptions = {}): Promise<Session> {
  const server = await startServer();
  const dir = options.extension === false ? null : extensionDir(name);
  const more = {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.textSize !== undefined ? { textSize: options.textSize } : {}),
    ...(options.devTimeline === false ? { devTimeline: false } : {}),
  };
  const launched =
    name === 'chromium'
      ? await launchChromium(dir, { args: [...CHROMIUM_SERVICES_TO_SINK, ...server.proxyArgs], ...more })
      : await launchFirefox(dir, { prefs: { ...server.proxyPrefs, ...options.firefoxPrefs }, ...more });
  const { browser, extensionOrigin } = launched;
  for (const dir of options.extraExtensions ?? []) await browser.installExtension(dir);

  const session: Session = {
    name,
    browser,
    extensionOrigin,
    server,
    pageRequests: [],
    workerRequests: [],
    problems: [],
    async newPage() {
      const page = await browser.newPage();
      page.on('request', (request) =>
        session.pageRequests.push({ url: request.url(), pageUrl: page.url(), navigation: request.isNavigationRequest() }),
      );
      page.on('pageerror', (error) =>
        session.problems.push({ kind: 'pageerror', text: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error), pageUrl: page.url() }),
      );
      page.on('console', (message) => {
        const where = message.location()?.url ?? '';
        const text = `${message.type()}: ${message.text()} @ ${where}`;
        if (message.type() === 'error' || message.type() === 'warn' || /lectern|-extension:\/\//i.test(text)) {
          session.problems.push({ kind: 'console', text, pageUrl: page.url() });
        }
      });
      return page;
    },
    async open(path) {
      const page = await session.newPage();
      await page.goto(server.url(path), { waitUntil: 'load' });
      if (extensionOrigin && options.devTimeline !== false) await verdict(page);
      return page;
    },
    async closePages() {
      for (const page of await browser.pages()) {
        if (page.url() !== 'about:blank') await page.close().catch(() => undefined);
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };

  if (name === 'chromium' && extensionOrigin) {
    // Record the service worker's traffic from now on, including a restarted worker.
    browser.on('targetcreated', (t: Target) => void recordWorker(session, t));
    browser.on('targetchanged', (t: Target) => void recordWorker(session, t));
    await serviceWorker(session);
  }
  return session;
}

/**
 * Opens an extension page (the popup or options page) in a tab and waits
 * until it says it is ready. goto is not awaited: Firefox never settles on
 * moz-extension:// navigations.
 */
export async function openExtensionPage(s: Session, path: string): Promise<Page> {
  const page = await s.newPage();
  void page.goto(`${s.extensionOrigin}/${path}`).catch(() => undefined);
  await until(`${path} to be ready`, () => page.evaluate(() => document.body?.dataset.ready === 'true').catch(() => false), 20_000);
  return page;
}

/**
 * Problems that Lectern caused: every page error (the fixture pages' own
 * scripts do not throw), and console output that names Lectern or an
 * extension URL. `ignore` skips pages that provoke errors on purpose.
 */
export function lecternProblems(session: Session, ignore: RegExp = /probe-error/): Problem[] {
  return session.problems.filter(
    (p) =>
      !ignore.test(p.pageUrl) &&
      (p.kind !== 'console' || /lectern|-extension:\/\//i.test(p.text)) &&
      // Firefox reports the page's CSP at work as errors; whether Lectern's
      // styling survives the CSP is checked by looking at the link itself.
      !(p.kind === 'pageerror' && /^Content-Security-Policy: /.test(p.text) && !/lectern|-extension:\/\//i.test(p.text)),
  );
}

const referencesCache = new Map<string, string>();

/** The text of a fixture folder's pages, styles and scripts: what its pages can ask for. */
function fixtureSources(folder: string): string {
  let text = referencesCache.get(folder);
  if (text === undefined) {
    text = '';
    try {
      for (const file of readdirSync(join(FIXTURES_DIR, folder))) {
        if (/\.(html|css|js)$/.test(file)) text += readFileSync(join(FIXTURES_DIR, folder, file), 'utf8');
      }
    } catch {
      // Not a fixture folder.
    }
    referencesCache.set(folder, text);
  }
  return text;
}

/**
 * A subresource the fixture page itself asks for: a file of its folder that
 * its markup, styles or scripts name, without a query string (no fixture
 * adds one); or a generated page (the frameset's frames); or the favicon,
 * which the browser asks for on its own.
 */
function isOwnResource(url: URL): boolean {
  if (url.pathname === '/favicon.ico') return true;
  if (url.search) return false;
  if (url.pathname.startsWith('/generated/')) return true;
  const path = decodeURIComponent(url.pathname.replace(/^\/(?:csp|sandbox)\//, '/'));
  const [folder = '', ...rest] = path.replace(/^\//, '').split('/');
  const file = rest.join('/');
  return !!file && existsSync(join(FIXTURES_DIR, folder, file)) && fixtureSources(folder).includes(file);
}

/**
 * The privacy rule, checked on everything recorded in a session: nothing
 * left the machine (no page request to another host, nothing through the
 * catch-all proxy), every page request was a navigation the test made or a
 * file of the fixture pages themselves, the server saw nothing the pages
 * did not ask for (so no hidden extension traffic to it either), and the
 * service worker made no request at all (Chromium).
 */
export function expectNoExtensionTraffic(session: Session): void {
  const { server } = session;
  // Lectern's own pages (popup, options) opened in a tab load its own files: no network. So do its reader
  // frame and its always-on module, whose addresses in Chromium are made for the session (use_dynamic_url),
  // not the extension's id.
  const ownFile = (r: PageRequest): boolean =>
    (!!session.extensionOrigin && r.url.startsWith(`${session.extensionOrigin}/`)) || /^chrome-extension:\/\/[0-9a-f-]{36}\/src\/(?:reader\/reader\.html[?#]|content\/main\.js$)/.test(r.url);
  const offHost = session.pageRequests.filter((r) => {
    if (/^(data|about|blob):/.test(r.url) || ownFile(r)) return false;
    const url = new URL(r.url);
    return !(url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
  });
  expect(offHost, 'page requests that leave 127.0.0.1').toEqual([]);
  // dummy.test is where the browsers' own services are pointed (by puppeteer
  // for Firefox, by CHROMIUM_SERVICES_TO_SINK for Chromium): that traffic is the browser's.
  const offsite = server.requests.filter((r) => r.offsite && !/^(https?:\/\/)?dummy\.test[:/]/.test(r.path));
  expect(offsite, 'requests for other hosts (caught by the proxy)').toEqual([]);

  const foreign = session.pageRequests.filter((r) => {
    if (/^(data|about|blob):/.test(r.url) || r.navigation || ownFile(r)) return false;
    return !isOwnResource(new URL(r.url));
  });
  expect(foreign, 'requests that are not the fixture pages or their own files').toEqual([]);

  const asked = new Set(session.pageRequests.map((r) => (r.url.startsWith(server.origin) ? r.url.slice(server.origin.length) : r.url)));
  const unasked = server.requests.filter((r) => !r.offsite && r.path !== '/favicon.ico' && !asked.has(r.path));
  expect(unasked, 'requests the server saw that no page made').toEqual([]);

  // The worker may still be loading its own modules when we attach; anything else is traffic.
  const fromWorker = session.workerRequests.filter((url) => !url.startsWith(`${session.extensionOrigin}/`));
  expect(fromWorker, "requests from the extension's service worker").toEqual([]);
  // The recorders themselves must have seen the pages, or the checks above prove nothing.
  expect(session.pageRequests.filter((r) => r.navigation).length, 'navigations recorded').toBeGreaterThan(0);
}
