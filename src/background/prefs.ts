/**
 * Loads the preferences once when the background starts: load() runs the
 * versioned migrations and writes the migrated copy back, so they run here,
 * once, rather than racing in every tab. Every other context (popup,
 * options, content scripts, reader) reads the store itself and follows
 * storage.onChanged, so the background relays nothing.
 */
import browser from 'webextension-polyfill';
import { createPrefsStore } from '../core/prefs/index';

export const prefsStore = createPrefsStore({ sync: browser.storage.sync ?? null, local: browser.storage.local });
export const prefsLoaded = prefsStore.load();
