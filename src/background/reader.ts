/**
 * The reader view, background side: opens and closes it per tab (for the
 * commands in commands.ts and the popup's 'toggle-reader-in-tab' message), and holds
 * each tab's extracted article until that tab's reader page asks for it.
 *
 * Why the article goes through here: the reader page is an extension page
 * in an iframe on a page we do not trust. Handing it the article through
 * the page (postMessage, URL) would let the page read or forge it; the
 * runtime messaging channel is closed to web pages. A one-time token, known
 * only to the content script and to us, ties the reader frame to the article
 * so a page that frames reader.html itself gets nothing.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { ExtractedArticle } from '../core/extract';
import { isMessage, tabOfReaderPreparePort, type Message, type ReaderArticle } from '../core/messages';
// crxjs builds this file as a standalone IIFE and gives us its output path:
// the extraction code is loaded into a tab only when its reader opens.
import extractScript from '../content/reader/extract.iife.ts?script';
import type { ReaderScope } from '../content/reader/handle';
import { tabStates } from './session-tab-states';

interface TabReader {
  token: string;
  url: string;
  article: ExtractedArticle | null;
}

/** storage.session survives the service worker's restarts and is gone when the browser closes. */
const session = (browser.storage as unknown as { session?: browser.Storage.StorageArea }).session;
const memory = new Map<number, TabReader>();
const key = (tabId: number): string => `reader.${tabId}`;

async function getReader(tabId: number): Promise<TabReader | undefined> {
  const held = memory.get(tabId);
  if (held || !session) return held;
  const got = (await session.get(key(tabId)).catch(() => ({}))) as Record<string, TabReader | undefined>;
  return got[key(tabId)];
}

async function setReader(tabId: number, reader: TabReader | null): Promise<void> {
  if (reader) memory.set(tabId, reader);
  else memory.delete(tabId);
  for (const wake of Array.from(waiting.get(tabId) ?? [])) wake();
  waiting.delete(tabId);
  if (!session) return;
  await (reader ? session.set({ [key(tabId)]: reader }) : session.remove(key(tabId))).catch(() => undefined);
}

/** How long a reader page waits for its tab to finish extracting (a very long page on a slow machine). */
const ARTICLE_WAIT_MS = 15_000;
/** Per tab: reader pages waiting for that tab's article to arrive. */
const waiting = new Map<number, Set<() => void>>();

/**
 * The tab's article for this token. The reader page loads while its tab is
 * still extracting, so when the article has not arrived yet, wait for it.
 */
async function readerFor(tabId: number, token: string): Promise<TabReader | undefined> {
  const deadline = Date.now() + ARTICLE_WAIT_MS;
  for (;;) {
    // Listen before looking: an article that arrives while we look is not missed.
    let wake = (): void => undefined;
    const arrival = new Promise<void>((done) => {
      const set = waiting.get(tabId) ?? new Set();
      const timer = setTimeout(() => wake(), Math.max(0, deadline - Date.now()));
      wake = (): void => {
        clearTimeout(timer);
        set.delete(wake);
        done();
      };
      set.add(wake);
      waiting.set(tabId, set);
    });
    const held = await getReader(tabId);
    if (held?.token === token || Date.now() >= deadline) {
      wake();
      return held?.token === token ? held : undefined;
    }
    // Woken by any change to this tab's reader (another one closing, say): look again.
    await arrival;
  }
}

async function runInTab<T, A extends unknown[]>(tabId: number, func: (...args: A) => T, ...args: A): Promise<T | undefined> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func, args });
  return first?.result as T | undefined;
}

/**
 * What a request asks of a tab's reader: the shortcut, the context menu and
 * the popup toggle it; a site's "always open the reader" switch opens it;
 * the reader's own close button and Escape close it, so pressing one again
 * while the first press is on its way (a service worker waking up, say)
 * cannot bring it back.
 */
export type ReaderRequest = 'toggle' | 'open' | 'close';

/**
 * Does `request` in a tab; resolves to whether the reader is open now, or
 * null when the tab cannot be scripted (a browser page, the web store, no
 * permission). The reader's page side is injected the first time it opens
 * only; later requests call the copy already there.
 */
export async function changeReader(tabId: number | undefined, request: ReaderRequest): Promise<{ readerOpen: boolean } | null> {
  if (tabId === undefined) return null;
  try {
    const change = (wanted: ReaderRequest): boolean | null => {
      const handle = (globalThis as ReaderScope).lecternReader;
      if (!handle) return null;
      if (wanted === 'toggle' || (wanted === 'open') !== handle.isOpen()) handle.toggle();
      return handle.isOpen();
    };
    // Closing a reader the tab never had needs no page side.
    const readerOpen = (await withReaderHandle(tabId, request !== 'close', change, request)) === true;
    await tabStates.update(tabId, { readerOpen }).catch(() => undefined);
    return { readerOpen };
  } catch (error) {
    console.debug('Lectern: cannot reach the reader in this tab', error);
    return null;
  }
}

/**
 * Runs `func` against the tab's reader handle; `func` gives null where the
 * tab has none yet. Then, when `inject`, the page side (extract.iife.ts) is
 * injected, which sets the handle up, and `func` runs again.
 */
async function withReaderHandle<T, A extends unknown[]>(tabId: number, inject: boolean, func: (...args: A) => T | null, ...args: A): Promise<T | null | undefined> {
  const first = await runInTab(tabId, func, ...args);
  if ((first !== null && first !== undefined) || !inject) return first;
  await browser.scripting.executeScript({ target: { tabId }, files: [extractScript] });
  return runInTab(tabId, func, ...args);
}

/**
 * The popup, open on a tab with an article, has its reader put up hidden
 * (extracted, loaded, rendered), so that its button shows it at once; when
 * the popup closes without opening it, it is taken down (discardReader).
 */
async function prepareReader(tabId: number): Promise<void> {
  try {
    const prepare = (): true | null => {
      const handle = (globalThis as ReaderScope).lecternReader;
      if (!handle) return null;
      handle.prepare();
      return true;
    };
    await withReaderHandle(tabId, true, prepare);
  } catch (error) {
    console.debug('Lectern: cannot prepare the reader in this tab', error);
  }
}

function discardReader(tabId: number): void {
  runInTab(tabId, () => (globalThis as ReaderScope).lecternReader?.discard()).catch(() => undefined);
}

/** The shortcut, the context menu and the popup's button. */
export const toggleReader = (tabId: number | undefined): Promise<{ readerOpen: boolean } | null> => changeReader(tabId, 'toggle');

function handle(msg: Message, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  const tabId = sender.tab?.id;
  switch (msg.lectern) {
    case 'reader-close': {
      // From the reader page in the tab: its close button or Escape.
      return changeReader(tabId, 'close');
    }
    case 'reader-opened': {
      // Only a content script (a sender in a tab, with no extension URL) opens a reader.
      if (tabId === undefined || sender.url?.startsWith(browser.runtime.getURL(''))) return undefined;
      const payload = msg.payload as { article: ExtractedArticle | null; url: string; token: unknown };
      if (typeof payload.token !== 'string' || !/^[0-9a-f]{32}$/.test(payload.token)) return undefined;
      // Answered once the article is held in memory, where the reader page's request finds it; the copy in
      // storage.session (for a worker restarted while the reader is open) is written meanwhile.
      void setReader(tabId, { token: payload.token, url: payload.url, article: payload.article });
      return Promise.resolve({});
    }
    case 'reader-closed': {
      if (tabId === undefined) return undefined;
      const { token, shown } = msg.payload as { token: unknown; shown: unknown };
      // A hidden reader taken down as another opens (a client-side navigation while the popup was open) must
      // not take the new one's article or its "open" state with it.
      // Compared again after the read: a reader that opened meanwhile is the one held now.
      const forget = getReader(tabId).then((held) => ((memory.get(tabId) ?? held)?.token === token ? setReader(tabId, null) : undefined));
      return Promise.all([forget, shown === false ? undefined : tabStates.update(tabId, { readerOpen: false })]).then(() => ({}));
    }
    case 'reader-article': {
      // The reader page: in its tab's iframe (sender.tab), or opened on its
      // own with ?tab= (tests, debugging), which only an extension page can do.
      const payload = msg.payload as { token: string; tabId?: number };
      const forTab = payload.tabId ?? tabId;
      if (forTab === undefined) return Promise.resolve(null);
      return readerFor(forTab, payload.token).then((reader): ReaderArticle | null => (reader ? { article: reader.article, url: reader.url, tabId: forTab } : null));
    }
    default:
      return undefined;
  }
}

export function startReaderBackground(): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isMessage(raw)) return undefined;
    return handle(raw, sender);
  });
  // The popup's port, not a message: its disconnection is how the background learns that the popup has
  // closed, however it closed.
  browser.runtime.onConnect.addListener((port) => {
    // Our own popup only: a content script's port comes from the page's address, another extension's from its id.
    const tabId = tabOfReaderPreparePort(port.name);
    if (tabId === null || port.sender?.id !== browser.runtime.id || !port.sender.url?.startsWith(browser.runtime.getURL(''))) return;
    void prepareReader(tabId);
    port.onDisconnect.addListener(() => discardReader(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void setReader(tabId, null));
  // A navigation replaces the page, and with it the reader.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && memory.has(tabId)) void setReader(tabId, null);
  });
  // The end-to-end tests call this, as lecternCommand('toggle-reader') does (see commands.ts).
  (globalThis as { lecternToggleReader?: typeof toggleReader }).lecternToggleReader = toggleReader;
  // The benchmark calls this as the popup's opening does.
  (globalThis as { lecternPrepareReader?: typeof prepareReader }).lecternPrepareReader = prepareReader;
}
