/**
 * Per-site settings: reading what applies on a host, and changing one
 * site's overrides. Sites are keyed by exact hostname (`location.hostname`),
 * so "www.example.com" and "example.com" are two sites, as the browser's
 * own per-site permissions treat them.
 */
import { normalizeHostname } from './hostname';
import { MAX_SITES, SITE_SETTING_NAMES, type Prefs, type SiteMap, type SiteSettingName, type SiteSettings } from './schema';
import { asRecord, ownValue, validateSiteSettings } from './validate';

/** What applies on one site once its overrides and the globals are combined. */
export interface EffectiveSiteSettings {
  skipLink: boolean;
  captions: boolean;
  alwaysReader: boolean;
  disabled: boolean;
}

export function settingsForSite(prefs: Prefs, hostname: string): EffectiveSiteSettings {
  const host = normalizeHostname(hostname);
  // Object.hasOwn: a host named "constructor" must not find Object's.
  const site: SiteSettings = host && Object.hasOwn(prefs.sites, host) ? (prefs.sites[host] ?? {}) : {};
  return {
    skipLink: site.skipLink ?? prefs.skipLink,
    captions: site.captions ?? prefs.captions,
    alwaysReader: site.alwaysReader ?? false,
    disabled: site.disabled ?? false,
  };
}

/** A change to one site: true/false sets an override, null removes it (follow the global). */
export type SitePatch = { readonly [K in SiteSettingName]?: boolean | null };

/**
 * Applies a patch to one site and returns the new map (the old one is not
 * changed). null as the patch forgets the site. The site changed last moves
 * to the end; past MAX_SITES, the sites changed longest ago are dropped, so
 * the choice the person just made always sticks. An invalid hostname or
 * patch returns the map unchanged.
 */
export function updateSite(sites: SiteMap, hostname: string, patch: SitePatch | null | unknown): SiteMap {
  const host = normalizeHostname(hostname);
  if (!host) return sites;
  const record = patch === null ? null : asRecord(patch);
  if (patch !== null && !record) return sites;
  const current: Record<string, boolean> = { ...(Object.hasOwn(sites, host) ? sites[host] : {}) };
  const merged: Record<string, boolean> = {};
  for (const name of SITE_SETTING_NAMES) {
    const value = record ? ownValue(record, name) : null;
    if (typeof value === 'boolean') merged[name] = value;
    else if (value !== null && typeof current[name] === 'boolean') merged[name] = current[name];
  }
  const entries: [string, SiteSettings][] = Object.entries(sites).filter(([key]) => key !== host);
  const settings = validateSiteSettings(merged);
  if (settings) entries.push([host, settings]);
  // Oldest first: past the limit, the sites changed longest ago go.
  const next: Record<string, SiteSettings> = Object.create(null);
  for (const [key, value] of entries.slice(Math.max(0, entries.length - MAX_SITES))) next[key] = value;
  return next;
}
