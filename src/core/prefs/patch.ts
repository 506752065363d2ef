/**
 * Applying a change to Prefs. A patch is a JSON merge patch (RFC 7396) of
 * Prefs: a field set to null goes back to its default, `sites` is merged
 * host by host (see updateSite). A value that cannot be used is ignored, so
 * a bad control keeps the current setting rather than resetting it; a
 * number out of range is clamped.
 */
import { DEFAULT_PREFS, FIELD_NAMES, FIELDS, type Prefs, type ScalarPrefs } from './schema';
import { updateSite, type SitePatch } from './sites';
import { asRecord, ownValue, validateField } from './validate';

export type PrefsPatch = { readonly [K in keyof ScalarPrefs]?: ScalarPrefs[K] | null } & {
  /** Merged host by host; null forgets every site. */
  readonly sites?: Readonly<Record<string, SitePatch | null>> | null;
};

export function applyPatch(prefs: Prefs, patch: PrefsPatch | unknown): Prefs {
  const record = asRecord(patch);
  if (!record) return prefs;
  const next: Record<string, unknown> = { ...prefs };
  for (const name of FIELD_NAMES) {
    const value = ownValue(record, name);
    if (value === null) next[name] = FIELDS[name].default;
    else if (value !== undefined) next[name] = validateField(name, value) ?? prefs[name];
  }
  const rawSites = ownValue(record, 'sites');
  const sitesPatch = asRecord(rawSites);
  if (rawSites === null) next.sites = DEFAULT_PREFS.sites;
  else if (sitesPatch) {
    let sites = prefs.sites;
    for (const host of Object.keys(sitesPatch)) sites = updateSite(sites, host, ownValue(sitesPatch, host));
    next.sites = sites;
  }
  return next as unknown as Prefs;
}
