/**
 * Versioned migrations of the stored preferences. Each step turns the shape
 * of one version into the next; they run in order, each at most once, on
 * the raw stored document before validation. The store writes the result
 * back with the new version, so a migration runs once per stored copy.
 *
 * Version history:
 *
 * 0 - the prototype (Lectern 0.0.x), before the schema. Stored under the
 *     same "prefs" key as `{ values: {...} }`, without a version. Its fields:
 *       fontScale: number      text size in percent of a 16 px base (125 = 20 px)
 *       darkMode: boolean      true chose the dark theme
 *       dyslexicFont: boolean  true chose OpenDyslexic
 *       disabledSites: string[]  hostnames where Lectern was off
 *     Any other field already had its current name and meaning.
 * 1 - the schema of schema.ts: fontSize in px, theme and font as enums,
 *     per-site settings in `sites` (stored in chunks, see layout.ts).
 */
import { normalizeHostname } from './hostname';
import { asRecord, ownValue } from './validate';
import { MAX_SITES, PREFS_VERSION } from './schema';

/** A stored document before validation: any keys, any values. */
export type RawDoc = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it produces version `from + 1`. */
  readonly from: number;
  readonly describe: string;
  /** Gets its own copy of the document; may change and return it. */
  up(doc: RawDoc): RawDoc;
}

const LEGACY_BASE_FONT_PX = 16;

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    describe: 'fontScale (%) → fontSize (px); darkMode → theme; dyslexicFont → font; disabledSites → sites',
    up(doc) {
      const scale = doc.fontScale;
      if (typeof scale === 'number' && Number.isFinite(scale) && doc.fontSize === undefined) {
        // Validation clamps the result to the new range afterwards.
        doc.fontSize = Math.round((LEGACY_BASE_FONT_PX * scale) / 100);
      }
      if (doc.darkMode === true && doc.theme === undefined) doc.theme = 'dark';
      if (doc.dyslexicFont === true && doc.font === undefined) doc.font = 'opendyslexic';
      const disabled = doc.disabledSites;
      if (Array.isArray(disabled)) {
        const sites = copyRecord(doc.sites);
        // Bounded: a corrupt list of a million entries costs no more than this.
        for (const entry of disabled.slice(0, MAX_SITES)) {
          const host = normalizeHostname(entry);
          if (host) sites[host] = { ...asRecord(sites[host]), disabled: true };
        }
        doc.sites = sites;
      }
      delete doc.fontScale;
      delete doc.darkMode;
      delete doc.dyslexicFont;
      delete doc.disabledSites;
      return doc;
    },
  },
];

export interface MigrationResult {
  doc: RawDoc;
  /** The version the document now has (unchanged when it is newer than this build). */
  version: number;
  /** The `from` of each step that ran, in order. */
  applied: number[];
}

/**
 * Brings a stored document from `fromVersion` up to PREFS_VERSION. A missing
 * or unreadable version means the prototype's data, version 0 (its steps
 * only touch fields that no longer exist, so they are harmless on newer
 * data). A document from a newer version is left as it is: validation keeps
 * what this version understands. Never throws.
 */
export function migrate(
  raw: unknown,
  fromVersion: unknown,
  { migrations = MIGRATIONS, target = PREFS_VERSION }: { migrations?: readonly Migration[]; target?: number } = {},
): MigrationResult {
  let doc = copyRecord(raw);
  let version = isVersion(fromVersion) ? fromVersion : 0;
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.from - b.from);
  for (const step of ordered) {
    if (step.from !== version || version >= target) continue;
    try {
      doc = copyRecord(step.up(copyRecord(doc)));
    } catch {
      break; // keep what we have; validation makes it safe
    }
    version = step.from + 1;
    applied.push(step.from);
  }
  return { doc, version, applied };
}

export function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A shallow copy with no prototype and none of the keys that could reach one. */
export function copyRecord(value: unknown): RawDoc {
  const copy: RawDoc = Object.create(null);
  const record = asRecord(value);
  if (!record) return copy;
  let keys: string[];
  try {
    keys = Object.keys(record);
  } catch {
    return copy;
  }
  for (const key of keys) {
    if (!UNSAFE_KEYS.has(key)) copy[key] = ownValue(record, key);
  }
  return copy;
}
