/**
 * Per-tab state (article found, reader open, the page's hostname), kept in
 * storage.session: the service worker (Chrome) or event page (Firefox) is
 * stopped whenever it is idle, and module variables die with it, while
 * storage.session lasts as long as the browser session and never touches
 * the disk. One item per tab, so a write never races another tab's.
 *
 * Takes the storage area as a parameter so unit tests pass a fake.
 */
import type { PopupTabState } from '../core/messages';

export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const keyFor = (tabId: number): string => `tab.${tabId}`;

/** Reads back what was stored; anything malformed counts as nothing stored. */
export function parseTabState(value: unknown): PopupTabState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { articleFound, looking, readerOpen, hostname } = value as Record<string, unknown>;
  if (typeof articleFound !== 'boolean' || typeof readerOpen !== 'boolean' || typeof hostname !== 'string') return null;
  // Missing in a state an earlier version stored this session: that version reported final answers only.
  return { articleFound, looking: looking === true, readerOpen, hostname };
}

export interface TabStates {
  get(tabId: number): Promise<PopupTabState | null>;
  /** Merges into the tab's state; a tab with none yet starts from "nothing found". */
  update(tabId: number, patch: Partial<PopupTabState>): Promise<PopupTabState>;
  forget(tabId: number): Promise<void>;
}

export function createTabStates(area: SessionArea): TabStates {
  async function get(tabId: number): Promise<PopupTabState | null> {
    try {
      const items = await area.get(keyFor(tabId));
      return parseTabState(items[keyFor(tabId)]);
    } catch {
      return null;
    }
  }
  /**
   * Per tab, the last change queued. An update reads, merges and writes back, and two from different senders
   * (the page's verdict and the reader opening) can arrive together: run side by side, both would read the
   * same state and the second write would drop the first one's patch.
   */
  const queues = new Map<number, Promise<unknown>>();
  function inTurn<T>(tabId: number, change: () => Promise<T>): Promise<T> {
    const turn = (queues.get(tabId) ?? Promise.resolve()).then(change);
    const settled = turn.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => {
      if (queues.get(tabId) === settled) queues.delete(tabId);
    });
    return turn;
  }
  return {
    get,
    update: (tabId, patch) =>
      inTurn(tabId, async () => {
        const before = (await get(tabId)) ?? { articleFound: false, looking: false, readerOpen: false, hostname: '' };
        const next = parseTabState({ ...before, ...patch }) ?? before;
        await area.set({ [keyFor(tabId)]: next }).catch(() => undefined);
        return next;
      }),
    forget: (tabId) => inTurn(tabId, () => area.remove(keyFor(tabId)).catch(() => undefined)),
  };
}

/** The hostname of a sender's page, for the per-site switches ('' when there is none). */
export function hostnameOf(url: string | undefined): string {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : '';
  } catch {
    return '';
  }
}
