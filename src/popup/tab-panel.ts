/**
 * The popup's "this page" section: whether Lectern found an article, the
 * reader toggle, and this site's switches. On a page still loading it says
 * Lectern is looking, and gives the answer when it comes. On a page where
 * no extension can run, a plain sentence replaces them.
 */
import browser from 'webextension-polyfill';
import { COMMAND } from '../core/command-names';
import { message, readerPreparePort, type PopupTabState } from '../core/messages';
import type { PrefsStore } from '../core/prefs/index';
import { boundShortcuts } from '../ui/bound-shortcuts';
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

/** The reader's keyboard shortcut as the browser has it bound now, or null. */
async function readerShortcut(): Promise<string | null> {
  return (await boundShortcuts()).get(COMMAND.toggleReader) ?? null;
}

/** The shortcut said under the reader's button, and with it by screen readers: a keyboard user learns it here. */
function shortcutHint(button: HTMLButtonElement, shortcut: string | null): HTMLElement[] {
  if (!shortcut) return [];
  button.setAttribute('aria-describedby', 'reader-shortcut');
  return [h('p', { class: 'hint shortcut-hint', id: 'reader-shortcut' }, t('readerShortcut', shortcut))];
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

/** How often the popup asks again while the page has not given its answer. */
const VERDICT_POLL_MS = 250;
/**
 * A page that has finished loading reports within this time (the content
 * script runs once the page is idle): one that has not, never will (a file
 * page that Chrome keeps extensions out of, a tab opened before Lectern was
 * installed).
 */
const REPORT_GRACE_MS = 3_000;

function askTabState(tabId: number): Promise<PopupTabState | null> {
  return browser.runtime
    .sendMessage(message('get-tab-state', { tabId }))
    .then((state) => (state ?? null) as PopupTabState | null)
    .catch(() => null);
}

/**
 * A status message (role=status): when the page's answer comes in while
 * the popup is open, a screen reader says the new text without moving focus.
 */
function statusLine(state: PopupTabState | null): HTMLElement {
  const line = h('p', { id: 'page-status', role: 'status' });
  showStatus(line, state);
  return line;
}

function showStatus(line: Element, state: PopupTabState | null): void {
  const kind = !state || state.looking ? 'looking' : state.articleFound ? 'found' : 'none';
  line.className = `page-status ${kind}`;
  line.textContent = t(kind === 'looking' ? 'articleLooking' : kind === 'found' ? 'articleFound' : 'articleNotFound');
}

function showUnavailable(section: HTMLElement): void {
  section.append(h('p', { class: 'unavailable', id: 'page-status' }, t('pageUnavailable')), h('p', { class: 'hint' }, t('pageUnavailableHint')));
}

/**
 * With an article in the tab, its reader is put up hidden while the popup
 * is open, so that the button shows it at once (src/background/reader.ts);
 * the port closes with the popup, and the hidden reader goes with it.
 */
function prepareReader(tabId: number, state: PopupTabState): void {
  if (state.articleFound && !state.readerOpen) browser.runtime.connect({ name: readerPreparePort(tabId) });
}

/** The reader button and this site's switches, after the status line. */
function addControls(section: HTMLElement, tabId: number, state: PopupTabState, store: PrefsStore, shortcut: string | null): void {
  prepareReader(tabId, state);
  // Offered on every page: on one without an article the reader says so and offers the way back.
  const button = readerButton(tabId, state);
  section.append(button, ...shortcutHint(button, shortcut));
  const switches = createSiteSwitches(store, state.hostname, t);
  store.subscribe(switches.show);
  section.append(switches.element);
}

/**
 * Waits while the open popup shows "looking": a page still loading (its
 * script has not reported yet) or a first look that ran out of time. The
 * answer becomes the status line's words; the reader button and the site's
 * switches follow it if they were not there.
 */
async function awaitAnswer(section: HTMLElement, tabId: number, store: PrefsStore, shortcut: string | null): Promise<void> {
  let loadedAt: number | null = null;
  for (;;) {
    await new Promise((done) => setTimeout(done, VERDICT_POLL_MS));
    const state = await askTabState(tabId);
    if (state?.hostname && !state.looking) {
      // The same live region, new words: a screen reader says them (a region put in anew would be silent).
      const status = section.querySelector('#page-status');
      if (status) showStatus(status, state);
      if (!section.querySelector('#reader-toggle')) addControls(section, tabId, state, store, shortcut);
      else prepareReader(tabId, state);
      return;
    }
    if (state?.hostname) continue; // Looking again: its answer is due shortly.
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return;
    if (tab.status !== 'complete') {
      loadedAt = null;
      continue;
    }
    loadedAt ??= Date.now();
    if (Date.now() - loadedAt > REPORT_GRACE_MS) {
      section.querySelector('#page-status')?.remove();
      showUnavailable(section);
      return;
    }
  }
}

export async function createTabPanel(store: PrefsStore): Promise<HTMLElement> {
  const section = h('section', { class: 'tab-panel', 'aria-labelledby': 'page-heading' }, h('h2', { id: 'page-heading' }, t('pageHeading')));
  const tab = await currentTab();
  if (!tab || isRestrictedUrl(tab.url)) {
    showUnavailable(section);
    return section;
  }
  const [state, shortcut] = await Promise.all([askTabState(tab.id), readerShortcut()]);
  if (state?.hostname) {
    section.append(statusLine(state));
    addControls(section, tab.id, state, store, shortcut);
  } else if (!state && tab.url) {
    // An ordinary page (its address is known) that has not reported: still loading, as news pages long are.
    section.append(statusLine(null));
  } else {
    showUnavailable(section);
    return section;
  }
  if (!state || state.looking) void awaitAnswer(section, tab.id, store, shortcut);
  return section;
}
