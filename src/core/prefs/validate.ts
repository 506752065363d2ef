/**
 * Turns anything read from storage or a file into valid Prefs. It never
 * throws: a value that cannot be used falls back to its default, a number
 * out of range is clamped, and only own data properties are read, so
 * getters, prototypes and `__proto__` keys are never followed.
 */
import { normalizeHostname } from './hostname';
import {
  DEFAULT_PREFS,
  FIELD_NAMES,
  FIELDS,
  MAX_SITES,
  SITE_SETTING_NAMES,
  type FieldName,
  type FieldSpec,
  type NumberSpec,
  type Prefs,
  type ScalarPrefs,
  type SiteMap,
  type SiteSettings,
} from './schema';

export interface ValidationReport {
  prefs: Prefs;
  /** Fields whose value was unusable or out of range, and so was replaced. */
  adjusted: string[];
}

export function validatePrefs(raw: unknown): Prefs {
  return checkPrefs(raw).prefs;
}

export function checkPrefs(raw: unknown): ValidationReport {
  const adjusted: string[] = [];
  try {
    const record = asRecord(raw);
    const scalars: Record<string, unknown> = {};
    for (const name of FIELD_NAMES) {
      const value = record ? ownValue(record, name) : undefined;
      const checked = value === undefined ? undefined : readField(FIELDS[name], value);
      if (value !== undefined && (checked === undefined || checked.clamped)) adjusted.push(name);
      scalars[name] = checked ? checked.value : FIELDS[name].default;
    }
    const sites = validateSites(record ? ownValue(record, 'sites') : undefined, adjusted);
    return { prefs: { ...(scalars as unknown as ScalarPrefs), sites }, adjusted };
  } catch {
    // Only a hostile object (a Proxy, say) gets here; it gets the defaults.
    return { prefs: DEFAULT_PREFS, adjusted: ['*'] };
  }
}

/**
 * The valid form of one value for a field, or undefined when it cannot be
 * used. Used for patches, where a bad value keeps the current setting.
 */
export function validateField<K extends FieldName>(name: K, raw: unknown): ScalarPrefs[K] | undefined {
  return readField(FIELDS[name], raw)?.value as ScalarPrefs[K] | undefined;
}

interface Checked {
  value: string | number | boolean;
  clamped: boolean;
}

function readField(spec: FieldSpec, raw: unknown): Checked | undefined {
  switch (spec.kind) {
    case 'enum': {
      // Hand-edited files may say "Dark"; nothing valid is longer than this.
      if (typeof raw !== 'string' || raw.length > 32) return undefined;
      const value = raw.trim().toLowerCase();
      return spec.values.includes(value) ? { value, clamped: false } : undefined;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { value: raw, clamped: false };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true', clamped: false };
      return undefined;
    case 'number': {
      const number = toFiniteNumber(raw);
      if (number === undefined) return undefined;
      return { value: snapToStep(spec, number), clamped: number < spec.min || number > spec.max };
    }
  }
}

function toFiniteNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === 'string' && raw.length <= 32 && /^\s*[+-]?(?:\d+\.?\d*|\.\d+)\s*$/.test(raw)) return Number(raw);
  return undefined;
}

/** Clamps to the range and rounds to the nearest step, without float noise. */
export function snapToStep(spec: NumberSpec, value: number): number {
  const clamped = Math.min(spec.max, Math.max(spec.min, value));
  const steps = Math.round((clamped - spec.min) / spec.step);
  const digits = Math.max(decimals(spec.step), decimals(spec.min));
  return Math.min(spec.max, Number((spec.min + steps * spec.step).toFixed(digits)));
}

function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function validateSites(raw: unknown, adjusted: string[]): SiteMap {
  const sites: Record<string, SiteSettings> = Object.create(null);
  if (raw === undefined) return sites;
  const record = asRecord(raw);
  if (!record) {
    adjusted.push('sites');
    return sites;
  }
  let count = 0;
  let dropped = false;
  for (const key of Object.keys(record)) {
    const host = normalizeHostname(key);
    const given = ownValue(record, key);
    const settings = validateSiteSettings(given);
    if (!host || !settings) {
      dropped = true;
      continue;
    }
    // A switch that was not valid ("captions": "yes") is left out of a site that keeps its others: said too.
    if (ownKeyCount(given) > Object.keys(settings).length) dropped = true;
    const known = sites[host];
    if (!known && count >= MAX_SITES) {
      dropped = true;
      continue;
    }
    if (!known) count++;
    // Two spellings of one host ("Example.com", "example.com."): merge them.
    sites[host] = known ? (validateSiteSettings({ ...known, ...settings }) ?? settings) : settings;
  }
  if (dropped) adjusted.push('sites');
  return sites;
}

/** A site's overrides, keeping only boolean fields; null when none is left. */
export function validateSiteSettings(raw: unknown): SiteSettings | null {
  const record = asRecord(raw);
  if (!record) return null;
  const settings: Record<string, boolean> = {};
  for (const name of SITE_SETTING_NAMES) {
    const value = ownValue(record, name);
    if (typeof value === 'boolean') settings[name] = value;
  }
  return Object.keys(settings).length > 0 ? settings : null;
}

/** How many own keys a record has; 0 for one that throws (a revoked Proxy). */
function ownKeyCount(value: unknown): number {
  try {
    return Object.keys(value as object).length;
  } catch {
    return 0;
  }
}

/** A non-array object, or null. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null; // Array.isArray throws on a revoked Proxy
  }
}

/** An own data property's value; getters are not run, prototypes not read. */
export function ownValue(record: object, key: string): unknown {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(record, key);
    return descriptor && 'value' in descriptor ? descriptor.value : undefined;
  } catch {
    return undefined;
  }
}
