/**
 * The preferences store on the browser's own storage, as every part of the
 * extension (background, content script, popup, options, reader) opens it.
 */
import type { Storage } from 'webextension-polyfill';
import { ext } from './ext';
import { createPrefsStore, type PrefsStore } from '../core/prefs/index';

export function openPrefsStore(): PrefsStore {
  // storage.sync can be missing (disabled by policy); the store then uses local alone.
  return createPrefsStore({ sync: ext.storage.sync ?? null, local: ext.storage.local });
}

/**
 * Keeps `store` current with changes made in any other context, so a
 * switch flipped in the popup reaches every tab and reader without a
 * relay. Returns the function that stops following.
 */
export function followStorageChanges(store: PrefsStore): () => void {
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string): void =>
    void store.applyChange(changes, area);
  ext.storage.onChanged.addListener(onChanged);
  return () => ext.storage.onChanged.removeListener(onChanged);
}
