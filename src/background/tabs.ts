/**
 * Per-tab wiring: content scripts report what they found, the popup asks
 * for it and toggles the reader, the toolbar button follows, and a closed
 * or navigated tab is forgotten.
 */
import browser from 'webextension-polyfill';
import { showArticleState } from './badge';
import { changeReader, toggleReader } from './reader';
import { createRouter } from './router';
import { tabStates } from './session-tab-states';
import { hostnameOf } from './tab-state';

const router = createRouter(
  {
    'page-state': {
      from: 'content',
      async handle(payload, sender) {
        if (sender.tabId === undefined) return undefined;
        const state = await tabStates.update(sender.tabId, {
          articleFound: payload.articleFound === true,
          looking: payload.looking === true,
          hostname: hostnameOf(sender.url),
        });
        await showArticleState(sender.tabId, state.articleFound);
        return undefined;
      },
    },
    'open-reader-here': { from: 'content', handle: (_payload, sender) => changeReader(sender.tabId, 'open') },
    'get-tab-state': { from: 'extension-page', handle: (payload) => tabStates.get(payload.tabId) },
    'toggle-reader-in-tab': { from: 'extension-page', handle: (payload) => toggleReader(payload.tabId) },
  },
  { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('') },
);

browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

browser.tabs.onRemoved.addListener((tabId) => void tabStates.forget(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document: what the old one found no longer holds. Its content
  // script reports again once it has looked. (change.url would need the
  // "tabs" permission; the status alone is enough.)
  if (change.status === 'loading') {
    void tabStates.forget(tabId).then(() => showArticleState(tabId, false));
  }
});

/** For the end-to-end tests: the stored state of a tab, read as the popup reads it. */
(globalThis as { lecternTabState?: (tabId: number) => Promise<unknown> }).lecternTabState = (tabId) => tabStates.get(tabId);
