/**
 * The content script's view of the preferences: what applies on this
 * site, now and whenever it changes. The store reads storage itself and
 * follows storage.onChanged, so a switch flipped in the popup reaches
 * every open tab without a reload (and without the background relaying it).
 */
import browser from 'webextension-polyfill';
import { createPrefsStore, settingsForSite, type EffectiveSiteSettings, type Prefs } from '../core/prefs/index';

export interface SitePrefs extends EffectiveSiteSettings {
  prefs: Prefs;
}

/** Calls `listener` once the preferences are read, then after every change; returns the stop function. */
export function followSitePrefs(hostname: string, listener: (site: SitePrefs) => void): () => void {
  const store = createPrefsStore({ sync: browser.storage.sync ?? null, local: browser.storage.local });
  const tell = (prefs: Prefs): void => listener({ ...settingsForSite(prefs, hostname), prefs });
  const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => void store.applyChange(changes, area);
  browser.storage.onChanged.addListener(onChanged);
  const unsubscribe = store.subscribe(tell);
  void store.load().then(tell, () => undefined);
  return () => {
    unsubscribe();
    browser.storage.onChanged.removeListener(onChanged);
  };
}

/** Whether the skip link belongs on this site under these settings. */
export const wantsSkipLink = (site: EffectiveSiteSettings): boolean => site.skipLink && !site.disabled;

/** The captions feature's settings on this site: the site's captions switch, or turning Lectern off here, silences both. */
export function captionPrefsFor(site: SitePrefs): { captions: boolean; showAltText: boolean; captionSize: number } {
  const on = site.captions && !site.disabled;
  return { captions: on, showAltText: on && site.prefs.showAltText, captionSize: site.prefs.captionSize };
}
