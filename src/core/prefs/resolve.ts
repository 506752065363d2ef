/**
 * From the items of both storage areas to the Prefs that apply: pure, so
 * the store's load() and its storage.onChanged path give the same answer.
 */
import { decodeSnapshot, type AreaName, type Snapshot } from './layout';
import { migrate } from './migrate';
import { DEFAULT_PREFS, type Prefs } from './schema';
import { validatePrefs } from './validate';

export interface ResolvedPrefs {
  prefs: Prefs;
  /** The area whose copy won. */
  area: AreaName;
  snapshot: Snapshot | null;
  /** A migration ran: the copy should be written back in the new shape. */
  migrated: boolean;
}

/**
 * Picks the newer copy by its `updatedAt`. On a tie local wins: every save
 * writes local last with the same stamp, so local is the complete copy of
 * that save even if sync was only partly written. Pass null for an area
 * that could not be read.
 */
export function resolvePrefs(
  syncItems: Readonly<Record<string, unknown>> | null,
  localItems: Readonly<Record<string, unknown>> | null,
): ResolvedPrefs {
  const sync = decodeSnapshot(syncItems);
  const local = decodeSnapshot(localItems);
  const useLocal = local !== null && (sync === null || local.updatedAt >= sync.updatedAt);
  const snapshot = useLocal ? local : sync;
  if (!snapshot) return { prefs: DEFAULT_PREFS, area: syncItems ? 'sync' : 'local', snapshot: null, migrated: false };
  const { doc, applied } = migrate(snapshot.doc, snapshot.version);
  return {
    prefs: validatePrefs(doc),
    // A local copy that only mirrors a save to sync still means sync holds the truth.
    area: useLocal ? (syncItems && local.storedIn === 'sync' ? 'sync' : 'local') : 'sync',
    snapshot,
    migrated: applied.length > 0,
  };
}
