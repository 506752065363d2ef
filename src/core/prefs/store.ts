/**
 * The preferences store: loads, saves and follows changes to Prefs through
 * two storage areas it is given, so it runs in unit tests with fake areas
 * and in the extension with browser.storage.sync and .local.
 *
 * Where the truth lives: every save writes storage.sync and then a copy to
 * storage.local, both stamped with the same `updatedAt`. When sync is
 * missing, throws, or is over quota, the local copy is the only new one and
 * is marked `storedIn: 'local'`; load() takes whichever copy is newer, so a
 * setting saved during a sync failure is never lost, and the next save that
 * sync accepts makes sync current again.
 *
 * Wiring in the extension (background, popup, reader, content script):
 *   const store = createPrefsStore({ sync: browser.storage.sync, local: browser.storage.local });
 *   browser.storage.onChanged.addListener((changes, area) => void store.applyChange(changes, area));
 *   store.subscribe(render);
 *   render(await store.load());
 */
import { samePrefs } from './diff';
import {
  encodeSnapshot,
  isPrefsChange,
  PREFS_KEYS,
  staleChunkKeys,
  type AreaName,
  type StorageChange,
} from './layout';
import { applyPatch, type PrefsPatch } from './patch';
import { resolvePrefs } from './resolve';
import { DEFAULT_PREFS, type Prefs } from './schema';
import { asRecord, validatePrefs } from './validate';

/** The part of browser.storage.StorageArea the store uses. */
export interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export interface StorageAreas {
  /** Absent or null where the browser has no storage.sync. */
  sync?: StorageArea | null;
  local: StorageArea;
}

export type SyncProblem = 'unavailable' | 'quota' | 'error';

export interface StorageStatus {
  /** The area holding the newest copy. */
  area: AreaName;
  /** Why sync is not holding it, as seen by this store's last load or save. */
  syncProblem: SyncProblem | null;
}

export interface PrefsStore {
  /** Reads both areas, migrates (and writes the migrated copy back), validates. Never rejects. */
  load(): Promise<Prefs>;
  /**
   * The last known Prefs (the defaults until load() has run), with the
   * saves asked of this store and not yet written already applied.
   */
  current(): Prefs;
  /**
   * Applies a merge patch (see applyPatch) and stores the result; shown by
   * current() at once. Resolves with what storage then holds (saves asked
   * after it not yet applied). Rejects with PrefsSaveError only when no
   * area could store it, and the patch is then taken back.
   */
  save(patch: PrefsPatch): Promise<Prefs>;
  /** Stores a whole Prefs (after validation): import, reset to defaults, undo of a reset. Resolves as save() does. */
  replace(prefs: Prefs | unknown): Promise<Prefs>;
  /**
   * Feed storage.onChanged here. When the event concerns the preferences,
   * the store reads both areas again and resolves with the new Prefs (and
   * tells the subscribers), or null when nothing that applies changed, such
   * as this store's own write coming back.
   *
   * Why read again rather than apply the event's newValue: events arrive
   * after the write, so an event can be older than what the store already
   * holds (its own earlier save, with a later one done), and applying it
   * would flip every tab back to the old value for a moment. A read is
   * always current, and costs one storage.get per area.
   */
  applyChange(changes: Readonly<Record<string, StorageChange>>, areaName: string): Promise<Prefs | null>;
  /**
   * Called with the new Prefs (as current() gives them) after every change,
   * from any context. Returns the unsubscribe function.
   */
  subscribe(listener: (prefs: Prefs) => void): () => void;
  status(): StorageStatus;
}

export class PrefsSaveError extends Error {
  override name = 'PrefsSaveError';
}

export interface PrefsStoreOptions {
  /** The clock for `updatedAt` (tests pass their own). */
  now?: () => number;
}

export function createPrefsStore(areas: StorageAreas, { now = Date.now }: PrefsStoreOptions = {}): PrefsStore {
  // What storage holds, as last read or written.
  let current: Prefs = DEFAULT_PREFS;
  // Saves asked for and not yet written, oldest first. They are shown at
  // once: a slider stepped by arrow keys faster than storage writes must
  // not jump back to an earlier step when the first of them is written.
  const unwritten: PrefsPatch[] = [];
  let shown: Prefs = DEFAULT_PREFS;
  let loaded = false;
  let lastUpdatedAt = 0;
  let status: StorageStatus = { area: areas.sync ? 'sync' : 'local', syncProblem: areas.sync ? null : 'unavailable' };
  // What each area holds of ours, as last read or written (null: unreadable);
  // used to remove the chunks a smaller site map leaves behind.
  const items: Record<AreaName, Record<string, unknown> | null> = { sync: null, local: null };
  const listeners = new Set<(prefs: Prefs) => void>();
  let reread: Promise<Prefs | null> | null = null;

  // Loads and saves run one after another, so a save never merges into
  // Prefs that an earlier save is about to replace.
  let queue: Promise<unknown> = Promise.resolve();
  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const withUnwritten = (): Prefs => unwritten.reduce<Prefs>((prefs, patch) => applyPatch(prefs, patch), current);

  function setCurrent(next: Prefs): void {
    current = next;
    tell();
  }

  function tell(): void {
    const next = withUnwritten();
    if (samePrefs(shown, next)) return;
    shown = next;
    for (const listener of [...listeners]) {
      // A listener that saved has told everyone a newer value already: this one is stale.
      if (shown !== next) return;
      try {
        listener(next);
      } catch (error) {
        // One broken listener must not keep the others from hearing; the
        // error still reaches the console (reportError, where there is one).
        if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
        else console.error(error);
      }
    }
  }

  async function read(area: StorageArea | null | undefined): Promise<Record<string, unknown> | null> {
    if (!area) return null;
    try {
      const got = asRecord(await area.get([...PREFS_KEYS]));
      return got ? { ...got } : null;
    } catch {
      return null;
    }
  }

  async function loadNow(): Promise<Prefs> {
    const [sync, local] = await Promise.all([read(areas.sync), read(areas.local)]);
    items.sync = sync;
    items.local = local;
    const resolved = resolvePrefs(sync, local);
    lastUpdatedAt = Math.max(lastUpdatedAt, resolved.snapshot?.updatedAt ?? 0);
    status = { area: resolved.area, syncProblem: sync === null ? 'unavailable' : null };
    loaded = true;
    if (resolved.migrated) {
      // Written back so the migration runs once, not on every read.
      await write(resolved.prefs).catch(() => undefined);
    }
    setCurrent(resolved.prefs);
    return shown;
  }

  async function write(next: Prefs): Promise<void> {
    const updatedAt = Math.max(now(), lastUpdatedAt + 1);
    let syncProblem: SyncProblem | null = null;
    if (areas.sync) {
      const written = encodeSnapshot(next, { updatedAt, storedIn: 'sync' });
      try {
        await areas.sync.set(written);
        await removeStale(areas.sync, 'sync', written);
      } catch (error) {
        syncProblem = isQuotaError(error) ? 'quota' : 'error';
      }
    } else {
      syncProblem = 'unavailable';
    }
    const storedIn: AreaName = syncProblem ? 'local' : 'sync';
    const written = encodeSnapshot(next, { updatedAt, storedIn });
    try {
      await areas.local.set(written);
      await removeStale(areas.local, 'local', written);
    } catch (error) {
      if (syncProblem) throw new PrefsSaveError('Neither storage.sync nor storage.local accepted the preferences', { cause: error });
    }
    lastUpdatedAt = updatedAt;
    status = { area: storedIn, syncProblem };
  }

  /** Forgets chunks a smaller site map no longer needs; failing here loses nothing. */
  async function removeStale(area: StorageArea, name: AreaName, written: Record<string, unknown>): Promise<void> {
    const stale = staleChunkKeys(items[name], written);
    items[name] = written;
    if (stale.length > 0) await area.remove(stale).catch(() => undefined);
  }

  async function commit(next: Prefs): Promise<Prefs> {
    if (!loaded) await loadNow();
    if (samePrefs(next, current)) return current;
    await write(next);
    setCurrent(next);
    return current;
  }

  return {
    load: () => serialized(loadNow),
    current: () => shown,
    save: (patch) => {
      unwritten.push(patch);
      tell();
      return serialized(async () => {
        try {
          if (!loaded) await loadNow();
          return await commit(applyPatch(current, patch));
        } finally {
          // Written, or refused: from here storage's copy says what it is.
          unwritten.splice(unwritten.indexOf(patch), 1);
          tell();
        }
      });
    },
    replace: (prefs) => serialized(() => commit(validatePrefs(prefs))),
    applyChange(changes, areaName) {
      if (!isPrefsChange(changes, areaName)) return Promise.resolve(null);
      // Events that arrive while a read is waiting share it; one that
      // arrives once the read has started gets a read of its own.
      reread ??= serialized(async () => {
        reread = null;
        const before = shown;
        await loadNow();
        return shown === before ? null : shown;
      });
      return reread;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => ({ ...status }),
  };
}

/** Chrome says "QUOTA_BYTES quota exceeded" (or _PER_ITEM, MAX_ITEMS, MAX_WRITE_OPERATIONS_...); Firefox "QuotaExceededError". */
export function isQuotaError(error: unknown): boolean {
  try {
    const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
    return /quota/i.test(message);
  } catch {
    return false;
  }
}
