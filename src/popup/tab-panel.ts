/**
 * The popup's "this page" section: whether Lectern found an article, the
 * reader toggle, and this site's switches. On a page where no extension can
 * run, a plain sentence replaces them.
 */
import browser from 'webextension-polyfill';
import { message, type PopupTabState } from '../core/messages';
import type { PrefsStore } from '../core/prefs/index';
import { h } from '../ui/dom';
import { isRestrictedUrl } from '../ui/restricted';
import { createSiteSwitches } from '../ui/site-switches';
import { t } from '../ui/prefs-page';

/** The tab the popup is about: ?tab=<id> (tests, or a popup opened in a tab), else the active tab. */
export async function currentTab(): Promise<{ id: number; url: string | undefined } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return { id: fromQuery, url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // tab.url is missing on pages Lectern has no access to (the browser's own); the page's report decides instead.
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

function readerButton(tabId: number, state: PopupTabState): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'primary', id: 'reader-toggle' });
  const label = (open: boolean): string => t(open ? 'readerClose' : 'readerOpen');
  button.textContent = label(state.readerOpen);
  button.addEventListener('click', async () => {
    const reply = (await browser.runtime.sendMessage(message('toggle-reader-in-tab', { tabId })).catch(() => null)) as { readerOpen: boolean } | null;
    if (reply) {
      button.textContent = label(reply.readerOpen);
      // The reader takes the whole tab; the popup has done its job.
      if (reply.readerOpen) window.close();
    } else {
      button.textContent = t('readerUnavailable');
    }
  });
  return button;
}

export async function createTabPanel(store: PrefsStore): Promise<HTMLElement> {
  const section = h('section', { class: 'tab-panel', 'aria-labelledby': 'page-heading' }, h('h2', { id: 'page-heading' }, t('pageHeading')));
  const tab = await currentTab();
  const state = tab
    ? ((await browser.runtime.sendMessage(message('get-tab-state', { tabId: tab.id })).catch(() => null)) as PopupTabState | null)
    : null;
  if (!tab || isRestrictedUrl(tab.url) || !state || !state.hostname) {
    section.append(h('p', { class: 'unavailable', id: 'page-status' }, t('pageUnavailable')), h('p', { class: 'hint' }, t('pageUnavailableHint')));
    return section;
  }
  section.append(
    h('p', { class: `page-status ${state.articleFound ? 'found' : 'none'}`, id: 'page-status' }, t(state.articleFound ? 'articleFound' : 'articleNotFound')),
  );
  // Offered on every page: on one without an article the reader says so and offers the way back.
  section.append(readerButton(tab.id, state));
  const switches = createSiteSwitches(store, state.hostname, t);
  store.subscribe(switches.show);
  section.append(switches.element);
  return section;
}
