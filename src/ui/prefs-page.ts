/**
 * What the popup and the options page share: locale, the preferences
 * store following storage.onChanged, the form and its actions. Each page
 * adds only what is its own (the popup: the current tab).
 */
import browser from 'webextension-polyfill';
import { createPrefsStore, type Prefs, type PrefsStore } from '../core/prefs/index';
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
  const store = createPrefsStore({ sync: browser.storage.sync ?? null, local: browser.storage.local });
  // A change made in another popup, options page or reader shows here too.
  browser.storage.onChanged.addListener((changes, area) => void store.applyChange(changes, area));
  const prefs = await store.load();
  const form = createPrefsForm(store, t);
  store.subscribe(form.show);
  main.append(form.element, createPrefsActions(store, t));
  return { store, prefs };
}
