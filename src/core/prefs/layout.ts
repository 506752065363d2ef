/**
 * How preferences sit in a storage area. storage.sync limits each item to
 * 8 KB (QUOTA_BYTES_PER_ITEM, key included), 100 KB in all, 512 items. One
 * item would overflow at about 200 sites, so the per-site map is split into
 * chunks under the item limit; 500 sites of usual length fit in sync, and
 * when they do not, the store falls back to storage.local.
 *
 *   "prefs":         { version, updatedAt, storedIn, values, siteChunks }
 *   "prefs.sites.0": { "example.com": { "captions": false }, ... }
 *   "prefs.sites.1": ...
 *
 * `values` holds only the fields that differ from the defaults. Chunks at
 * or past `siteChunks` are leftovers and are ignored.
 */
import { nonDefaultValues } from './diff';
import { copyRecord, type RawDoc } from './migrate';
import { MAX_SITES, PREFS_VERSION, type Prefs } from './schema';
import { asRecord, ownValue } from './validate';

export type AreaName = 'sync' | 'local';

export const PREFS_KEY = 'prefs';
const CHUNK_PREFIX = 'prefs.sites.';
/** Room for 500 sites with the longest hostnames (253 characters) and every override. */
export const MAX_SITE_CHUNKS = 32;
/** Under 8192 bytes with the key; hostnames are ASCII, so characters are bytes. */
export const CHUNK_BUDGET = 8000;

export const chunkKey = (index: number): string => `${CHUNK_PREFIX}${index}`;

/** Every key the preferences may use, for one storage.get. */
export const PREFS_KEYS: readonly string[] = [PREFS_KEY, ...Array.from({ length: MAX_SITE_CHUNKS }, (_, i) => chunkKey(i))];

export function isPrefsKey(key: string): boolean {
  return key === PREFS_KEY || key.startsWith(CHUNK_PREFIX);
}

export interface SnapshotMeta {
  updatedAt: number;
  /** Where the save that wrote this copy succeeded; 'local' marks a fallback. */
  storedIn: AreaName;
}

/** The storage items for one copy of the preferences. */
export function encodeSnapshot(prefs: Prefs, meta: SnapshotMeta): Record<string, unknown> {
  const chunks = chunkSites(prefs.sites);
  const items: Record<string, unknown> = {
    [PREFS_KEY]: {
      version: PREFS_VERSION,
      updatedAt: meta.updatedAt,
      storedIn: meta.storedIn,
      values: nonDefaultValues(prefs),
      siteChunks: chunks.length,
    },
  };
  chunks.forEach((chunk, index) => (items[chunkKey(index)] = chunk));
  return items;
}

function chunkSites(sites: Prefs['sites']): Record<string, unknown>[] {
  const chunks: Record<string, unknown>[] = [];
  let chunk: Record<string, unknown> = {};
  let size = 2; // "{}"
  for (const [host, settings] of Object.entries(sites)) {
    const entrySize = JSON.stringify(host).length + JSON.stringify(settings).length + 2; // ':' and ','
    // Past the last chunk, the rest goes into it: too big for sync, which
    // then rejects the write and the store keeps it in local instead.
    if (size + entrySize > CHUNK_BUDGET && size > 2 && chunks.length < MAX_SITE_CHUNKS - 1) {
      chunks.push(chunk);
      chunk = {};
      size = 2;
    }
    chunk[host] = settings;
    size += entrySize;
  }
  if (size > 2) chunks.push(chunk);
  return chunks;
}

/** One stored copy, read back but not yet migrated or validated. */
export interface Snapshot {
  /** The raw version field (migrate() decides what a bad one means). */
  version: unknown;
  updatedAt: number;
  storedIn: AreaName | null;
  doc: RawDoc;
}

/** Reads a copy from storage items; null when the area holds no preferences. */
export function decodeSnapshot(items: Readonly<Record<string, unknown>> | null): Snapshot | null {
  const meta = items ? asRecord(ownValue(items, PREFS_KEY)) : null;
  if (!items || !meta) return null;
  const updatedAt = ownValue(meta, 'updatedAt');
  const storedIn = ownValue(meta, 'storedIn');
  const doc = copyRecord(ownValue(meta, 'values'));
  const count = ownValue(meta, 'siteChunks');
  if (typeof count === 'number' && Number.isInteger(count) && count > 0) {
    const sites: RawDoc = Object.create(null);
    let seen = 0;
    for (let index = 0; index < Math.min(count, MAX_SITE_CHUNKS); index++) {
      const chunk = copyRecord(ownValue(items, chunkKey(index)));
      for (const host of Object.keys(chunk)) {
        // Bounded twice over: validation keeps MAX_SITES, this stops a
        // corrupt chunk of a million keys from being copied at all.
        if (seen++ >= MAX_SITES * 2) break;
        sites[host] = chunk[host];
      }
    }
    doc.sites = sites;
  }
  return {
    version: ownValue(meta, 'version'),
    updatedAt: typeof updatedAt === 'number' && Number.isFinite(updatedAt) && updatedAt > 0 ? updatedAt : 0,
    storedIn: storedIn === 'sync' || storedIn === 'local' ? storedIn : null,
    doc,
  };
}

/** The chunk keys an area holds beyond the ones a new copy uses. */
export function staleChunkKeys(items: Readonly<Record<string, unknown>> | null, written: Record<string, unknown>): string[] {
  if (!items) return [];
  return Object.keys(items).filter((key) => key !== PREFS_KEY && isPrefsKey(key) && !Object.hasOwn(written, key));
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/**
 * Whether a storage.onChanged event concerns the preferences. Every save
 * rewrites the "prefs" item (its `updatedAt` changes), so events about
 * chunks alone are only the removal of unused ones and can be skipped.
 */
export function isPrefsChange(changes: unknown, areaName: string): boolean {
  if (areaName !== 'sync' && areaName !== 'local') return false;
  const record = asRecord(changes);
  return record !== null && ownValue(record, PREFS_KEY) !== undefined;
}
