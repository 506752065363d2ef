/**
 * Lectern's own pages (popup, options) opened in a tab, in both browsers,
 * and the preference switches on them: the way a person changes a setting.
 */
import type { Page } from 'puppeteer-core';
import { openExtensionPage, step, until, type Session } from './harness';

/** The few extension APIs the tests call inside the browser (the extension pages and worker have `chrome` in both browsers). */
declare const chrome: {
  tabs: { getCurrent(): Promise<{ id?: number } | undefined>; query(query: object): Promise<{ id?: number }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

/**
 * The tab id of the page a test opened last, asked from `extPage`. Without
 * the "tabs" permission tab URLs are hidden, so: the newest tab that is not
 * `extPage` itself (tests open each page just before they use it).
 */
export async function newestTabId(extPage: Page): Promise<number> {
  const id = await until('the newest tab', () =>
    extPage.evaluate(async () => {
      const own = (await chrome.tabs.getCurrent())?.id;
      const ids = (await chrome.tabs.query({})).map((tab) => tab.id ?? -1).filter((id) => id !== own);
      return ids.length ? Math.max(...ids) : null;
    }),
  );
  return id;
}

export interface TabStateReply {
  articleFound: boolean;
  looking: boolean;
  readerOpen: boolean;
  hostname: string;
}

/** What the background holds for a tab, asked as the popup asks it. */
export function tabState(extPage: Page, tabId: number): Promise<TabStateReply | null> {
  return extPage.evaluate((id) => chrome.runtime.sendMessage({ lectern: 'get-tab-state', payload: { tabId: id } }), tabId) as Promise<TabStateReply | null>;
}

/** The popup's reader button, by its message: opens or closes the reader in that tab, through the background. */
export function toggleReaderInTab(extPage: Page, tabId: number): Promise<unknown> {
  return step(
    'the toggle-reader-in-tab reply',
    extPage.evaluate((id) => chrome.runtime.sendMessage({ lectern: 'toggle-reader-in-tab', payload: { tabId: id } }), tabId),
  );
}

/** toggleReaderInTab for the page a test opened last. */
export async function toggleReaderInNewestTab(extPage: Page): Promise<unknown> {
  return toggleReaderInTab(extPage, await newestTabId(extPage));
}

/** The id of the tab Lectern's content script reported from 127.0.0.1, asked from an extension page. */
export function articleTabId(extPage: Page): Promise<number> {
  return until('the article tab to have reported', () =>
    extPage.evaluate(async () => {
      const api = chrome;
      const tabs = await api.tabs.query({});
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        const state = (await api.runtime.sendMessage({ lectern: 'get-tab-state', payload: { tabId: tab.id } })) as { hostname?: string } | null;
        if (state?.hostname === '127.0.0.1') return tab.id;
      }
      return 0;
    }),
  );
}

/**
 * Sets checkboxes of the popup by clicking them, as a person would: the
 * global preferences (#pref-*) and this site's switches (#site-*), the site
 * being 127.0.0.1, so a page of the fixture server must be open and have
 * reported. Each box must show its new state before the popup closes.
 */
export async function setSwitches(s: Session, wanted: Record<string, boolean>): Promise<void> {
  const finder = await openExtensionPage(s, 'src/options/options.html');
  const tabId = await articleTabId(finder);
  await finder.close();
  const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
  try {
    for (const [selector, on] of Object.entries(wanted)) {
      if ((await popup.$eval(selector, (el) => (el as HTMLInputElement).checked)) !== on) await popup.click(selector);
      await until(`${selector} to be ${on ? 'on' : 'off'}`, async () => (await popup.$eval(selector, (el) => (el as HTMLInputElement).checked)) === on);
    }
  } finally {
    await popup.close();
  }
}
