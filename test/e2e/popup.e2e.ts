/**
 * The popup and the background, in the real browsers: the popup on an
 * article tab says an article was found; switching the skip link off there
 * removes it from the open tab with no reload; on a page still loading it
 * says it is looking, then what it found; the per-tab state survives
 * the background being stopped (Chromium's service worker, Firefox's event
 * page); the popup has zero axe violations in light and dark, and
 * screenshots of both (and of the popup looking) are kept in /tmp/lectern-shots for a person to look at.
 *
 * How the popup is opened: the real popup, through action.openPopup(), in
 * both browsers (Chromium from the service worker; Firefox from an
 * extension page, with a test profile pref that waives the user gesture,
 * and driven through its window, since BiDi does not show the panel to
 * puppeteer). The other checks use the popup's page in a tab, with
 * ?tab=<id> naming the article tab (popup.ts reads it): a real popup
 * closes as soon as anything else takes focus.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { mkdirSync } from 'node:fs';
import type { Page, SerializedAXNode, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTabId, newestTabId, tabState, toggleReaderInTab } from './support/extension-pages';
import { backgroundHasMark, browsersUnderTest, findReaderFrame, hiddenReaderHosts, inputThatClosesItsFrame, lecternElementCount, lecternProblems, markBackground, openExtensionPage, readerHosts, restartBackground, serviceWorker, startSession, suggestedShortcuts, until, verdictAfter, type Session } from './support/harness';
import { SLOW_PAGE_MS } from './support/server';
import { skipToHeadline } from './support/skip-flow';

const SHOTS = '/tmp/lectern-shots';
/**
 * Firefox suspends an event page idle this long (its least is 100 ms; the
 * default, 30 s, would make the restart test wait half a minute). Long
 * enough that the page stays up while one step of the test talks to it.
 */
const EVENT_PAGE_IDLE_MS = 1_000;

/** The few extension APIs the tests call inside the browser (the extension pages and worker have `chrome` in both browsers). */
declare const chrome: {
  tabs: { query(query: object): Promise<{ id?: number }[]>; get(tabId: number): Promise<{ url?: string }> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { openPopup(): Promise<void> };
};

/** Firefox: the extension API that reaches the open popup's window from another extension page. */
declare const browser: { extension: { getViews(filter: { type: 'popup' }): Window[] } };

/**
 * The page at `path`, with the popup open on it (in a tab) and the reader it has put up hidden there; and the
 * options page that found the tab.
 */
async function withHiddenReader(s: Session, path: string): Promise<{ article: Page; finder: Page; tabId: number; popup: Page }> {
  const article = await s.open(path);
  const finder = await openExtensionPage(s, 'src/options/options.html');
  const tabId = await articleTabId(finder);
  const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
  await until('the reader put up hidden', async () => (await hiddenReaderHosts(article)) === 1);
  return { article, finder, tabId, popup };
}

async function checkAxe(page: Page): Promise<void> {
  const results = await new AxePuppeteer(page).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

describe.each(browsersUnderTest())('popup in %s', (name) => {
  let s: Session;
  beforeAll(async () => {
    // Firefox opens an action popup for a script only after a user gesture, unless this test-only pref says otherwise.
    s = await startSession(name, { firefoxPrefs: { 'extensions.openPopupWithoutUserGesture.enabled': true } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows "article found", and turning the skip link off reaches the open tab without reload', async () => {
    const article = await s.open('demo/');
    expect(await lecternElementCount(article)).toBe(1);
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);
    await finder.close();

    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    expect(await popup.$eval('#page-status', (el) => el.textContent)).toBe('Article found on this page.');
    // The site's switches name the site.
    expect(await popup.$eval('.site legend', (el) => el.textContent)).toBe('On 127.0.0.1');

    const navigations = s.pageRequests.filter((r) => r.navigation && r.url.includes('/demo/')).length;
    await popup.click('#pref-skipLink');
    await until('the skip link to leave the open tab', async () => (await lecternElementCount(article)) === 0);
    // Back on: it returns, still without a reload.
    await popup.click('#pref-skipLink');
    await until('the skip link to come back', async () => (await lecternElementCount(article)) === 1);
    // Turning Lectern off on this site removes it too.
    await popup.click('#site-disabled');
    await until('the skip link to leave when Lectern is off here', async () => (await lecternElementCount(article)) === 0);
    await popup.click('#site-disabled');
    await until('the skip link back when Lectern is on again', async () => (await lecternElementCount(article)) === 1);
    expect(s.pageRequests.filter((r) => r.navigation && r.url.includes('/demo/')).length, 'no reload').toBe(navigations);

    await checkAxe(popup);
    await popup.close();
    await article.close();
    expect(lecternProblems(s)).toEqual([]);
  });

  it("the popup's reader button opens the reader in the tab; the tab's state stays open through a re-detection; the button closes it", async () => {
    const article = await s.open('demo/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);

    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    expect(await popup.$eval('#reader-toggle', (el) => el.textContent)).toBe('Open reader view');
    // The reader's shortcut as the browser bound it, said under the button and with it.
    const shortcut = `Shortcut: ${suggestedShortcuts(name).find(([command]) => command === 'toggle-reader')?.[1]}`;
    expect(await popup.$eval('#reader-shortcut', (el) => el.textContent)).toBe(shortcut);
    expect(await popup.$eval('#reader-toggle', (el) => el.getAttribute('aria-describedby'))).toBe('reader-shortcut');
    if (name === 'chromium') {
      // What a screen reader is given (Firefox offers puppeteer no accessibility tree).
      const tree = await popup.accessibility.snapshot({ interestingOnly: true });
      const nodes = (node: SerializedAXNode | null | undefined): SerializedAXNode[] => (node ? [node, ...(node.children ?? []).flatMap(nodes)] : []);
      const button = nodes(tree).find((node) => node.role === 'button' && node.name === 'Open reader view');
      expect(button?.description).toBe(shortcut);
    }
    // The popup closes itself once the reader is open (a popup in a tab may or may not be allowed to).
    await popup.click('#reader-toggle');
    await until('the reader in the article tab', async () => (await readerHosts(article)) === 1);
    await until('the tab state to say the reader is open', async () => (await tabState(finder, tabId))?.readerOpen === true);

    // A change to the skip-link preference makes the content script apply
    // itself to the page again and report; that report must not mark the
    // open reader closed.
    const since = await article.evaluate(() => performance.now());
    await finder.click('#pref-skipLink');
    expect(await verdictAfter(article, since)).toBe('article');
    await finder.click('#pref-skipLink');
    expect(await tabState(finder, tabId)).toEqual({ articleFound: true, looking: false, readerOpen: true, hostname: '127.0.0.1' });

    const again = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    expect(await again.$eval('#reader-toggle', (el) => el.textContent)).toBe('Close reader view');
    await again.click('#reader-toggle');
    await until('the reader to close', async () => (await readerHosts(article)) === 0);
    // The tab removes its reader first; the background records it and then answers the popup, a moment later.
    await until('the tab state to say the reader is closed', async () => (await tabState(finder, tabId))?.readerOpen === false);
    await until('the popup to offer the reader again', async () => (await again.$eval('#reader-toggle', (el) => el.textContent)) === 'Open reader view');
    await again.close();
    if (!popup.isClosed()) await popup.close();
    await finder.close();
    await article.close();
  });

  it('while open on an article, the popup has the reader put up hidden: the page is untouched, its button shows the reader at once with focus on the title, and a popup closed without it takes the hidden reader down', async () => {
    const article = await s.open('demo/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);
    await article.bringToFront();
    await article.focus('nav[aria-label="Sections"] li.current a');
    const untouched = (): Promise<{ inert: number; focused: string | undefined; overflow: string }> =>
      article.evaluate(() => ({
        inert: document.querySelectorAll('[inert]').length,
        focused: document.activeElement?.textContent?.trim(),
        overflow: document.documentElement.style.overflow,
      }));
    const before = await untouched();
    const extractions = (): Promise<number> => article.evaluate(() => performance.getEntriesByName('lectern:extract').length);

    // Opened and closed without its button: the hidden reader comes and goes, and the page is as it was.
    const glance = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    await until('the reader put up hidden', async () => (await hiddenReaderHosts(article)) === 1);
    await until('its article extracted', async () => (await extractions()) === 1);
    expect(await readerHosts(article), 'nothing shown').toBe(0);
    expect(await untouched()).toEqual(before);
    await glance.close();
    await until('the hidden reader taken down', async () => (await hiddenReaderHosts(article)) === 0);
    expect(await untouched()).toEqual(before);
    expect(await tabState(finder, tabId)).toEqual({ articleFound: true, looking: false, readerOpen: false, hostname: '127.0.0.1' });

    // Opened again, and its button pressed once the article is ready: shown, with no second extraction.
    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    await until('the reader put up hidden again', async () => (await extractions()) === 2);
    await popup.click('#reader-toggle');
    await until('the reader shown', async () => (await readerHosts(article)) === 1);
    expect(await hiddenReaderHosts(article)).toBe(0);
    expect(await extractions(), 'the hidden reader shown, not a new one').toBe(2);
    await until('the tab state to say the reader is open', async () => (await tabState(finder, tabId))?.readerOpen === true);
    // The popup closing (it closes itself after its button, or is closed here) leaves a shown reader up.
    await until('the popup to close itself', async () => popup.isClosed(), 2_000).catch(() => popup.close());
    await new Promise((done) => setTimeout(done, 300));
    expect(await readerHosts(article)).toBe(1);
    await article.bringToFront();
    const reader = await findReaderFrame(s, article);
    await until('focus on the reader title', () => reader.evaluate(() => (document.activeElement?.id === 'reader-title' ? true : null)));
    expect(await reader.$eval('#reader-title', (el) => el.textContent)).toBe(await article.$eval('h1', (el) => el.textContent));
    expect(await article.evaluate(() => document.querySelectorAll('body[inert]').length), 'the page under the reader is inert').toBe(1);

    // Escape closes it, and the page is as it was, focus back on the link.
    // Not awaited on its own: Chromium may never acknowledge a key whose handling removes its frame.
    await inputThatClosesItsFrame('the reader to close', article.keyboard.press('Escape'), async () => (await readerHosts(article)) === 0);
    expect(await untouched()).toEqual(before);
    await finder.close();
    await article.close();
    expect(lecternProblems(s)).toEqual([]);
  });

  it("a page that takes the hidden reader's host away still gets the reader, not an inert page under nothing", async () => {
    const { article, finder, popup } = await withHiddenReader(s, 'demo/');
    // A site's own tidying of elements it does not know.
    await article.evaluate(() => document.querySelector('lectern-reader')?.remove());
    await popup.click('#reader-toggle');
    await until('the reader shown', async () => (await readerHosts(article)) === 1);
    await until('the popup to close itself', async () => popup.isClosed(), 2_000).catch(() => popup.close());
    await article.bringToFront();
    const reader = await findReaderFrame(s, article, ['article']);
    expect(await reader.$eval('#reader-title', (el) => el.textContent)).toBe(await article.$eval('h1', (el) => el.textContent));
    await until('focus on the reader title', () => reader.evaluate(() => (document.activeElement?.id === 'reader-title' ? true : null)));
    // Not awaited on its own: Chromium may never acknowledge a key whose handling removes its frame.
    await inputThatClosesItsFrame('the reader to close', article.keyboard.press('Escape'), async () => (await readerHosts(article)) === 0);
    expect(await article.evaluate(() => document.querySelectorAll('[inert]').length)).toBe(0);
    await finder.close();
    await article.close();
  });

  it('a client-side navigation while the popup is open: its button shows the new story, and the hidden one taken down leaves it open', async () => {
    const { article, finder, tabId, popup } = await withHiddenReader(s, 'spa/');
    await until('its article extracted', async () => (await article.evaluate(() => performance.getEntriesByName('lectern:extract').length)) === 1);
    // The site moves on to its next story by itself (a live page, an auto-advancing feed).
    await article.evaluate(() => (document.getElementById('next-story') as HTMLButtonElement).click());
    await popup.click('#reader-toggle');
    await until('the reader shown', async () => (await readerHosts(article)) === 1);
    expect(await hiddenReaderHosts(article), 'the reader for the story left behind is gone').toBe(0);
    await until('the popup to close itself', async () => popup.isClosed(), 2_000).catch(() => popup.close());
    const reader = await findReaderFrame(s, article, ['article']);
    expect(await reader.$eval('#reader-title', (el) => el.textContent)).toBe('Ferry service returns after storm repairs');
    // The story left behind closing unseen must not mark the tab's shown reader closed, whichever message lands last.
    await new Promise((done) => setTimeout(done, 500));
    expect(await tabState(finder, tabId)).toMatchObject({ articleFound: true, readerOpen: true });
    await article.bringToFront();
    // Not awaited on its own: Chromium may never acknowledge a key whose handling removes its frame.
    await inputThatClosesItsFrame('the reader to close', article.keyboard.press('Escape'), async () => (await readerHosts(article)) === 0);
    await until('the tab state to say the reader is closed', async () => (await tabState(finder, tabId))?.readerOpen === false);
    await finder.close();
    await article.close();
    expect(lecternProblems(s)).toEqual([]);
  });

  it('on a page still loading, says it is looking, then, in the same status line, that it found the article, and offers the reader', async () => {
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const page = await s.newPage();
    // Not awaited yet: the page's body arrives SLOW_PAGE_MS after its head, as a slow site's does.
    const loading = page.goto(s.server.url('slow/demo/'), { waitUntil: 'load', timeout: SLOW_PAGE_MS + 10_000 });
    const tabId = await newestTabId(finder);
    // Its address, as the popup reads it (puppeteer's page.url() may wait for more in Firefox).
    await until('the slow page to start loading', () =>
      finder.evaluate(async (id) => ((await chrome.tabs.get(id)).url?.includes('/slow/demo/') ? true : null), tabId),
    );
    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    const status = (): Promise<{ text: string | null; role: string | null; mark: string | undefined }> =>
      popup.$eval('#page-status', (el) => ({ text: el.textContent, role: el.getAttribute('role'), mark: (el as HTMLElement).dataset.testMark }));
    // Not "cannot work on this page", which tells a person to reload.
    expect(await status()).toEqual({ text: 'Looking for an article on this page…', role: 'status', mark: undefined });
    expect(await popup.$('#reader-toggle')).toBeNull();
    mkdirSync(SHOTS, { recursive: true });
    await popup.screenshot({ path: `${SHOTS}/popup-looking-${name}.png` });
    // Marked, to tell the same element from a new one: a live region put in anew is not read out.
    await popup.$eval('#page-status', (el) => ((el as HTMLElement).dataset.testMark = 'same'));
    await loading;
    await until('the popup to say the article was found', async () => (await status()).text === 'Article found on this page.');
    expect(await status()).toEqual({ text: 'Article found on this page.', role: 'status', mark: 'same' });
    expect(await popup.$eval('#reader-toggle', (el) => el.textContent)).toBe('Open reader view');
    expect(await popup.$eval('.site legend', (el) => el.textContent)).toBe('On 127.0.0.1');
    await checkAxe(popup);
    await popup.close();
    await finder.close();
    await page.close();
  });

  it('says plainly when Lectern cannot work on the page', async () => {
    // A tab where no content script runs (about:blank): no report, so no controls.
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabIds = (): Promise<number[]> => finder.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id ?? 0).filter((id) => id > 0));
    const before = await tabIds();
    const blank = await s.newPage();
    // The blank tab is the one that was not there before (tabs' addresses are not Lectern's to read).
    const blanks = (await tabIds()).filter((id) => !before.includes(id));
    await finder.close();
    expect(blanks, 'the about:blank tab').toHaveLength(1);
    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${blanks[0]}`);
    expect(await popup.$eval('#page-status', (el) => el.textContent)).toBe('Lectern cannot work on this page.');
    expect(await popup.$('#reader-toggle')).toBeNull();
    expect(await popup.$('.site')).toBeNull();
    await popup.close();
    await blank.close();
  });

  it.runIf(name === 'firefox')('the real popup (action.openPopup): says "article found", and its reader button opens the reader in the tab', async () => {
    const article = await s.open('demo/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    await articleTabId(finder);
    await article.bringToFront();
    await finder.evaluate(() => chrome.action.openPopup());
    // The popup is the browser's own panel, which WebDriver BiDi does not
    // show to puppeteer as a page: another extension page reaches its
    // window (extension.getViews), as Lectern's pages share one origin.
    const status = await until('the popup to be ready', () =>
      finder.evaluate(() => {
        const popup = browser.extension.getViews({ type: 'popup' })[0];
        return popup?.document.body?.dataset.ready === 'true' ? popup.document.getElementById('page-status')?.textContent : null;
      }),
    );
    expect(status).toBe('Article found on this page.');
    await finder.evaluate(() => (browser.extension.getViews({ type: 'popup' })[0]?.document.getElementById('reader-toggle') as HTMLButtonElement | null)?.click());
    await until('the reader in the article tab', async () => (await readerHosts(article)) === 1);
    const tabId = await articleTabId(finder);
    expect(await toggleReaderInTab(finder, tabId)).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await readerHosts(article)) === 0);
    await finder.close();
    await article.close();
  });

  it.runIf(name === 'chromium')('the real popup (action.openPopup), axe in light and dark, screenshots', async () => {
    const article = await s.open('demo/');
    await article.bringToFront();
    const worker: WebWorker = await serviceWorker(s);
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? 0);
    await until('the tab state', () => worker.evaluate((id) => (globalThis as unknown as { lecternTabState(id: number): Promise<{ articleFound: boolean } | null> }).lecternTabState(id), tabId));

    const popupTarget = s.browser.waitForTarget((t) => t.url().startsWith(`${s.extensionOrigin}/src/popup/popup.html`), { timeout: 10_000 });
    await worker.evaluate(() => chrome.action.openPopup());
    const popup = (await (await popupTarget).asPage()) as Page;
    await until('the popup to be ready', () => popup.evaluate(() => document.body.dataset.ready === 'true'));
    expect(await popup.$eval('#page-status', (el) => el.textContent)).toBe('Article found on this page.');

    // Chromium caps a popup at 800 x 600; its width is the body's.
    const size = await popup.evaluate(() => ({ width: Math.ceil(document.body.getBoundingClientRect().width), height: 600 }));
    await popup.close().catch(() => undefined);
    // A real popup closes as soon as anything else takes focus (emulation,
    // a screenshot), so axe and the pictures use the same page in a tab, at
    // the real popup's size.
    const shot = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    await shot.setViewport({ width: size.width, height: size.height });
    mkdirSync(SHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await shot.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await checkAxe(shot);
      await shot.screenshot({ path: `${SHOTS}/popup-${scheme}.png`, fullPage: true });
    }
    await shot.close();

    await article.close();
  });
});

// Its own browser: after a restart, puppeteer's handle on the worker is stale
// for the rest of the session (Chromium), and an event page that is
// suspended after a second idle would make the other tests above wake a
// new one all the time (Firefox). Chromium stops its service worker through
// the driver; Firefox, which has no driver call for that, suspends its idle
// event page itself, after the time this session sets.
describe.each(browsersUnderTest())('background restart in %s', (name) => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(name, { firefoxPrefs: { 'extensions.background.idle.timeout': EVENT_PAGE_IDLE_MS } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a story restored from the back-forward cache is reported again, and its skip link still works', async () => {
    const article = await s.open('cacheable/demo/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);
    await article.evaluate(() => {
      // Kept in the page's own storage, which a page restored from the cache still has and a new load has too.
      addEventListener('pageshow', (event) => sessionStorage.setItem('restored', String(event.persisted)));
    });
    await article.goto(article.url().replace('/demo/', '/home-teasers/'), { waitUntil: 'load' });
    // The background forgets a tab that navigates; the teaser page reports no article.
    await until('the teaser page to report', async () => (await tabState(finder, tabId))?.articleFound === false);
    // Not awaited: a page restored from the cache fires no load event, which Firefox's goBack would wait for.
    void article.goBack().catch(() => undefined);
    // Set by the page's pageshow listener, which a page loaded again no longer has: then this times out.
    const restored = await until('the story to be restored from the cache', () =>
      article.evaluate(() => (location.pathname.endsWith('/demo/') ? sessionStorage.getItem('restored') : null)).catch(() => null),
    );
    expect(restored, 'restored from the cache, not loaded again').toBe('true');
    // No content script runs again in a restored page: the one that was there tells the background.
    await until('the restored story to report', async () => (await tabState(finder, tabId))?.articleFound === true);
    expect(await lecternElementCount(article)).toBe(1);
    await article.bringToFront();
    await skipToHeadline(article);
    await finder.close();
    await article.close();
  });

  it('per-tab state survives the background being stopped and started again', async () => {
    const article = await s.open('demo/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);
    expect(await toggleReaderInTab(finder, tabId)).toEqual({ readerOpen: true });
    // A mark in the old background's globals: gone in a new one.
    await markBackground(s, finder);

    // The popup's question wakes a new background, which has only storage.session to answer from.
    const state = await restartBackground(s, finder, () => tabState(finder, tabId));
    expect(state).toEqual({ articleFound: true, looking: false, readerOpen: true, hostname: '127.0.0.1' });
    expect(await backgroundHasMark(s, finder), 'a new background answered').toBe(false);

    // The reader itself is still there, and the popup's toggle, through the new background, closes it.
    expect(await readerHosts(article)).toBe(1);
    expect(await toggleReaderInTab(finder, tabId)).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await readerHosts(article)) === 0);
    await finder.close();
    await article.close();
  });
});
