/**
 * What the popup and the options page share: locale, the preferences
 * store following storage.onChanged, the form and its actions. Each page
 * adds only what is its own (the popup: the current tab).
 */
import browser from 'webextension-polyfill';
import type { Prefs, PrefsStore } from '../core/prefs/index';
import { followStorageChanges, openPrefsStore } from '../platform/prefs-store';
import { applyLocale, localize, type GetMessage } from './i18n';
import { createPrefsActions } from './prefs-actions';
import { createPrefsForm } from './prefs-form';

export const t: GetMessage = (name, substitutions) => browser.i18n.getMessage(name, substitutions);

export interface PrefsPage {
  store: PrefsStore;
  prefs: Prefs;
}

export async function startPrefsPage(main: HTMLElement): Promise<PrefsPage> {
  applyLocale(document, t);
  localize(document, t);
  const store = openPrefsStore();
  // A change made in another popup, options page or reader shows here too.
  followStorageChanges(store);
  const prefs = await store.load();
  const form = createPrefsForm(store, t);
  store.subscribe(form.show);
  main.append(form.element, createPrefsActions(store, t));
  return { store, prefs };
}
