/**
 * Loads the preferences once when the background starts: load() runs the
 * versioned migrations and writes the migrated copy back, so they run here,
 * once, rather than racing in every tab. Every other context (popup,
 * options, content scripts, reader) reads the store itself and follows
 * storage.onChanged, so the background relays nothing.
 */
import { openPrefsStore } from '../platform/prefs-store';

export const prefsStore = openPrefsStore();
export const prefsLoaded = prefsStore.load();
