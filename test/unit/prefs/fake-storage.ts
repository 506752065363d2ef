/**
 * A fake of browser.storage for the store's tests: two areas that keep
 * JSON copies (as Chrome does), enforce storage.sync's quotas with Chrome's
 * error messages, can be told to fail, and fire onChanged to every listener
 * the way the browser does (once per set or remove, changed keys only).
 */
import type { StorageArea } from '../../../src/core/prefs/store';
import type { StorageChange } from '../../../src/core/prefs/layout';

export interface Quota {
  bytesPerItem: number;
  bytes: number;
  items: number;
}

/** chrome.storage.sync's limits. */
export const SYNC_QUOTA: Quota = { bytesPerItem: 8192, bytes: 102_400, items: 512 };

type Listener = (changes: Record<string, StorageChange>, areaName: string) => void;

export class FakeArea implements StorageArea {
  data = new Map<string, string>();
  calls = { get: 0, set: 0, remove: 0 };
  /** Set to make the next calls reject with this error. */
  failGet: Error | null = null;
  failSet: Error | null = null;

  constructor(
    readonly name: string,
    private readonly bus: FakeBrowser,
    private readonly quota: Quota | null = null,
  ) {}

  async get(keys: string[]): Promise<Record<string, unknown>> {
    this.calls.get++;
    if (this.failGet) throw this.failGet;
    const result: Record<string, unknown> = {};
    for (const key of keys) {
      const json = this.data.get(key);
      if (json !== undefined) result[key] = JSON.parse(json);
    }
    return result;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set++;
    if (this.failSet) throw this.failSet;
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, JSON.stringify(value));
    if (this.quota) this.checkQuota(next, items);
    const changes: Record<string, StorageChange> = {};
    for (const [key, json] of next) {
      const before = this.data.get(key);
      if (before !== json) changes[key] = { ...(before !== undefined && { oldValue: JSON.parse(before) }), newValue: JSON.parse(json) };
    }
    this.data = next;
    this.bus.emit(changes, this.name);
  }

  async remove(keys: string[]): Promise<void> {
    this.calls.remove++;
    const changes: Record<string, StorageChange> = {};
    for (const key of keys) {
      const before = this.data.get(key);
      if (before !== undefined) changes[key] = { oldValue: JSON.parse(before) };
      this.data.delete(key);
    }
    this.bus.emit(changes, this.name);
  }

  /** What is stored under a key, parsed. */
  read(key: string): unknown {
    const json = this.data.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  write(items: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }

  private checkQuota(next: Map<string, string>, items: Record<string, unknown>): void {
    const quota = this.quota!;
    for (const key of Object.keys(items)) {
      if (key.length + next.get(key)!.length > quota.bytesPerItem) throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    let total = 0;
    for (const [key, json] of next) total += key.length + json.length;
    if (total > quota.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    if (next.size > quota.items) throw new Error('MAX_ITEMS quota exceeded');
  }
}

export class FakeBrowser {
  readonly listeners = new Set<Listener>();
  readonly sync: FakeArea;
  readonly local: FakeArea;

  constructor({ syncQuota = SYNC_QUOTA }: { syncQuota?: Quota | null } = {}) {
    this.sync = new FakeArea('sync', this, syncQuota);
    this.local = new FakeArea('local', this);
  }

  /** Like the browser, tells the listeners after the write, not during it. */
  emit(changes: Record<string, StorageChange>, areaName: string): void {
    if (Object.keys(changes).length === 0) return;
    const copy = structuredClone(changes);
    setTimeout(() => {
      for (const listener of this.listeners) listener(copy, areaName);
    }, 0);
  }

  /** Waits until every change event so far has been delivered. */
  settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 5));
  }
}
