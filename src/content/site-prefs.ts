/**
 * The content script's view of the preferences: what applies on this
 * site, now and whenever it changes. The store reads storage itself and
 * follows storage.onChanged, so a switch flipped in the popup reaches
 * every open tab without a reload (and without the background relaying it).
 */
import { settingsForSite, type EffectiveSiteSettings, type Prefs } from '../core/prefs/index';
import { followStorageChanges, openPrefsStore } from '../platform/prefs-store';

export interface SitePrefs extends EffectiveSiteSettings {
  prefs: Prefs;
}

/** Calls `listener` once the preferences are read, then after every change; returns the stop function. */
export function followSitePrefs(hostname: string, listener: (site: SitePrefs) => void): () => void {
  const store = openPrefsStore();
  const tell = (prefs: Prefs): void => listener({ ...settingsForSite(prefs, hostname), prefs });
  const unfollow = followStorageChanges(store);
  const unsubscribe = store.subscribe(tell);
  // Storage that cannot be read leaves the defaults, and the features still
  // need to hear them (captions wait for this first call).
  void store.load().then(tell, () => tell(store.current()));
  return () => {
    unsubscribe();
    unfollow();
  };
}

/** Whether the skip link belongs on this site under these settings. */
export const wantsSkipLink = (site: EffectiveSiteSettings): boolean => site.skipLink && !site.disabled;

/** The captions feature's settings on this site: the site's captions switch, or turning Lectern off here, silences both. */
export function captionPrefsFor(site: SitePrefs): { captions: boolean; showAltText: boolean; captionSize: number } {
  const on = site.captions && !site.disabled;
  return { captions: on, showAltText: on && site.prefs.showAltText, captionSize: site.prefs.captionSize };
}
