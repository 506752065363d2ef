/**
 * Export and import of all preferences as a JSON file. The file is for
 * people too: pretty-printed, every value written out (not only the ones
 * that differ from the defaults), with a marker that says what it is.
 * Import never throws; it returns an error code the UI turns into a
 * localized message.
 */
import { migrate, isVersion } from './migrate';
import { FIELD_NAMES, PREFS_VERSION, type Prefs } from './schema';
import { asRecord, checkPrefs, ownValue } from './validate';

export const EXPORT_FORMAT = 'lectern-preferences';

/**
 * Far above any real export (500 sites with the longest hostnames come to
 * about 200 KB), low enough that a wrong file cannot stall the popup.
 */
export const MAX_IMPORT_LENGTH = 1_000_000;

export type ImportError =
  /** Bigger than MAX_IMPORT_LENGTH: not a Lectern file. */
  | 'too-large'
  /** Empty, or not JSON at all. */
  | 'not-json'
  /** JSON, but not a Lectern preferences file (no format marker, no preferences object). */
  | 'wrong-format'
  /** Made by a later Lectern, whose settings this version cannot be sure to read. */
  | 'newer-version';

export type ImportResult =
  | {
      ok: true;
      prefs: Prefs;
      /** Settings in the file that were invalid or out of range and were replaced; the UI may mention them. */
      adjusted: string[];
    }
  | { ok: false; error: ImportError };

export function exportPrefs(prefs: Prefs, exportedAt: Date = new Date()): string {
  const preferences: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) preferences[name] = prefs[name];
  preferences.sites = prefs.sites;
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: PREFS_VERSION, exportedAt: exportedAt.toISOString(), preferences }, null, 2)}\n`;
}

export function importPrefs(text: string): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: 'not-json' };
  if (text.length > MAX_IMPORT_LENGTH) return { ok: false, error: 'too-large' };
  let parsed: unknown;
  try {
    // A byte-order mark is what some editors save a file with.
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  const file = asRecord(parsed);
  if (!file || ownValue(file, 'format') !== EXPORT_FORMAT) return { ok: false, error: 'wrong-format' };
  const version = ownValue(file, 'version');
  const preferences = asRecord(ownValue(file, 'preferences'));
  if (!isVersion(version) || !preferences) return { ok: false, error: 'wrong-format' };
  if (version > PREFS_VERSION) return { ok: false, error: 'newer-version' };
  const { prefs, adjusted } = checkPrefs(migrate(preferences, version).doc);
  return { ok: true, prefs, adjusted };
}
