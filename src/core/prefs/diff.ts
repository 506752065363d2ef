/**
 * Only the values that differ from the defaults are stored (as
 * webext-options-sync does): the stored data stays small under
 * storage.sync's quota, and a default changed in a later version reaches
 * everyone who never touched that setting.
 */
import { FIELD_NAMES, FIELDS, type Prefs, type ScalarPrefs } from './schema';

export function nonDefaultValues(prefs: Prefs): Partial<ScalarPrefs> {
  const values: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) {
    if (prefs[name] !== FIELDS[name].default) values[name] = prefs[name];
  }
  return values as Partial<ScalarPrefs>;
}

/** Equal values and equal sites in the same order (the order decides which site is dropped first). */
export function samePrefs(a: Prefs, b: Prefs): boolean {
  if (a === b) return true;
  return FIELD_NAMES.every((name) => a[name] === b[name]) && JSON.stringify(a.sites) === JSON.stringify(b.sites);
}
