import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Storage } from 'webextension-polyfill';
import { chunkKey, PREFS_KEY } from '../../../src/core/prefs/layout';
import { applyPatch } from '../../../src/core/prefs/patch';
import { DEFAULT_PREFS, MAX_SITES, PREFS_VERSION, type Prefs } from '../../../src/core/prefs/schema';
import { createPrefsStore, isQuotaError, PrefsSaveError, type StorageArea } from '../../../src/core/prefs/store';
import { FakeBrowser, SYNC_QUOTA } from './fake-storage';
import { junkPrefsDoc, junkValue, schemaProblems, seeded } from './junk';

// Compile-time check: browser.storage.sync and .local can be passed as they are.
export const fromPolyfill = (area: Storage.StorageArea): StorageArea => area;

function setup(options: { syncQuota?: typeof SYNC_QUOTA | null } = {}) {
  const browser = new FakeBrowser(options);
  let clock = 1_000;
  const now = () => clock;
  const store = createPrefsStore({ sync: browser.sync, local: browser.local }, { now });
  browser.listeners.add((changes, area) => void store.applyChange(changes, area));
  const another = () => {
    const other = createPrefsStore({ sync: browser.sync, local: browser.local }, { now });
    browser.listeners.add((changes, area) => void other.applyChange(changes, area));
    return other;
  };
  return { browser, store, another, tick: (ms = 1_000) => (clock += ms) };
}

const meta = (value: unknown) => value as { version: number; updatedAt: number; storedIn: string; values: Record<string, unknown>; siteChunks: number };

function sitesOf(count: number, host: (i: number) => string, settings: Record<string, boolean>) {
  let sites = DEFAULT_PREFS.sites;
  for (let i = 0; i < count; i++) sites = applyPatch({ ...DEFAULT_PREFS, sites }, { sites: { [host(i)]: settings } }).sites;
  return sites;
}

afterEach(() => vi.restoreAllMocks());

describe('load', () => {
  it('gives the defaults from empty storage', async () => {
    const { store } = setup();
    expect(await store.load()).toEqual(DEFAULT_PREFS);
    expect(store.status()).toEqual({ area: 'sync', syncProblem: null });
  });

  it('takes the newer copy when both areas have one', async () => {
    const { browser, store } = setup();
    browser.sync.write({ [PREFS_KEY]: { version: 1, updatedAt: 200, values: { fontSize: 30 } } });
    browser.local.write({ [PREFS_KEY]: { version: 1, updatedAt: 100, values: { fontSize: 40 } } });
    expect((await store.load()).fontSize).toBe(30);
    browser.local.write({ [PREFS_KEY]: { version: 1, updatedAt: 300, storedIn: 'local', values: { fontSize: 40 } } });
    expect((await store.load()).fontSize).toBe(40);
    expect(store.status().area).toBe('local');
  });

  it('falls back to local when sync.get throws, and says so', async () => {
    const { browser, store } = setup();
    browser.local.write({ [PREFS_KEY]: { version: 1, updatedAt: 100, values: { theme: 'sepia' } } });
    browser.sync.failGet = new Error('The storage API will not work with a temporary addon ID');
    expect((await store.load()).theme).toBe('sepia');
    expect(store.status()).toEqual({ area: 'local', syncProblem: 'unavailable' });
  });

  it('works without storage.sync at all', async () => {
    const browser = new FakeBrowser();
    const store = createPrefsStore({ local: browser.local });
    await store.save({ font: 'opendyslexic' });
    expect(meta(browser.local.read(PREFS_KEY)).values).toEqual({ font: 'opendyslexic' });
    expect((await createPrefsStore({ sync: null, local: browser.local }).load()).font).toBe('opendyslexic');
  });

  it('resolves with the defaults when both areas throw', async () => {
    const { browser, store } = setup();
    browser.sync.failGet = new Error('gone');
    browser.local.failGet = new Error('gone');
    expect(await store.load()).toEqual(DEFAULT_PREFS);
  });

  it('survives corrupt storage of every kind', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const { browser, store } = setup();
      const junkMeta = random() < 0.7
        ? { version: junkValue(random), updatedAt: junkValue(random), siteChunks: junkValue(random), values: junkPrefsDoc(random) }
        : junkValue(random);
      const items = { [PREFS_KEY]: junkMeta, [chunkKey(0)]: junkPrefsDoc(random).sites ?? junkValue(random), [chunkKey(1)]: junkValue(random) };
      try {
        browser.sync.write(JSON.parse(JSON.stringify(items)));
      } catch {
        continue; // BigInt cannot be stored
      }
      const prefs = await store.load();
      expect(schemaProblems(prefs), `seed ${seed}`).toEqual([]);
    }
  });
});

describe('save', () => {
  it('stores only the values that differ from the defaults, in sync with a copy in local', async () => {
    const { browser, store } = setup();
    const prefs = await store.save({ fontSize: 24, theme: 'light' });
    expect(prefs).toEqual({ ...DEFAULT_PREFS, fontSize: 24, theme: 'light' });
    expect(meta(browser.sync.read(PREFS_KEY))).toEqual({ version: PREFS_VERSION, updatedAt: 1_000, storedIn: 'sync', values: { theme: 'light', fontSize: 24 }, siteChunks: 0 });
    expect(meta(browser.local.read(PREFS_KEY)).values).toEqual({ theme: 'light', fontSize: 24 });
    await store.save({ fontSize: 20, theme: 'system' });
    expect(meta(browser.sync.read(PREFS_KEY)).values).toEqual({});
  });

  it('does not write when nothing changes', async () => {
    const { browser, store } = setup();
    await store.save({ fontSize: 24 });
    const writes = browser.sync.calls.set;
    await store.save({ fontSize: 24 });
    await store.save({ fontSize: 24.2 }); // snaps to the same value
    expect(browser.sync.calls.set).toBe(writes);
  });

  it('loads first when saved to before load(), so stored settings are kept', async () => {
    const { browser, store } = setup();
    browser.sync.write({ [PREFS_KEY]: { version: 1, updatedAt: 10, values: { fontSize: 30 } } });
    expect(await store.save({ theme: 'dark' })).toMatchObject({ fontSize: 30, theme: 'dark' });
  });

  it('applies concurrent saves one after another, losing none', async () => {
    const { browser, store } = setup();
    await Promise.all([store.save({ fontSize: 30 }), store.save({ theme: 'dark' }), store.save({ sites: { 'a.example': { disabled: true } } })]);
    expect(meta(browser.sync.read(PREFS_KEY)).values).toEqual({ theme: 'dark', fontSize: 30 });
    expect(browser.sync.read(chunkKey(0))).toEqual({ 'a.example': { disabled: true } });
  });

  it('stamps every save later than the one before, even on a stopped clock', async () => {
    const browser = new FakeBrowser();
    const store = createPrefsStore({ sync: browser.sync, local: browser.local }, { now: () => 5 });
    await store.save({ fontSize: 30 });
    await store.save({ fontSize: 31 });
    expect(meta(browser.sync.read(PREFS_KEY)).updatedAt).toBe(6);
  });

  it('replace() stores a whole validated Prefs, for import, reset and undo', async () => {
    const { store } = setup();
    const before = await store.save({ fontSize: 40, sites: { 'a.example': { captions: false } } });
    expect(await store.replace(DEFAULT_PREFS)).toEqual(DEFAULT_PREFS);
    expect(await store.replace(before)).toEqual(before);
    expect(await store.replace({ fontSize: 'huge', theme: 'dark' })).toEqual({ ...DEFAULT_PREFS, theme: 'dark' });
  });
});

describe('sync fallback', () => {
  it('keeps a setting in local when sync.set rejects with a quota error, and finds it again', async () => {
    const { browser, store, another, tick } = setup();
    await store.save({ fontSize: 24 });
    tick();
    browser.sync.failSet = new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    expect(await store.save({ theme: 'dark' })).toMatchObject({ fontSize: 24, theme: 'dark' });
    expect(store.status()).toEqual({ area: 'local', syncProblem: 'quota' });
    expect(meta(browser.sync.read(PREFS_KEY)).values).toEqual({ fontSize: 24 });
    expect(meta(browser.local.read(PREFS_KEY))).toMatchObject({ storedIn: 'local', values: { theme: 'dark', fontSize: 24 } });

    const fresh = another();
    expect(await fresh.load()).toMatchObject({ fontSize: 24, theme: 'dark' });
    expect(fresh.status().area).toBe('local');

    // Once sync takes writes again, it holds the truth again.
    browser.sync.failSet = null;
    tick();
    await store.save({ font: 'serif' });
    expect(store.status()).toEqual({ area: 'sync', syncProblem: null });
    expect(meta(browser.sync.read(PREFS_KEY)).values).toEqual({ theme: 'dark', font: 'serif', fontSize: 24 });
  });

  it('falls back on any other sync error too', async () => {
    const { browser, store } = setup();
    browser.sync.failSet = new Error('Sync is disabled by policy');
    await store.save({ captions: false });
    expect(store.status()).toEqual({ area: 'local', syncProblem: 'error' });
    expect(meta(browser.local.read(PREFS_KEY)).values).toEqual({ captions: false });
  });

  it('still saves when only the local copy fails', async () => {
    const { browser, store } = setup();
    browser.local.failSet = new Error('disk full');
    expect((await store.save({ fontSize: 50 })).fontSize).toBe(50);
    expect(store.status()).toEqual({ area: 'sync', syncProblem: null });
    expect(meta(browser.sync.read(PREFS_KEY)).values).toEqual({ fontSize: 50 });
  });

  it('shows saves asked in quick succession at once, and never steps back to an earlier one while they are written', async () => {
    // A slider stepped by arrow keys saves on every step, faster than storage writes.
    const { browser, store } = setup();
    await store.load();
    const heard: number[] = [];
    store.subscribe((prefs) => heard.push(prefs.fontSize));
    const saves = [21, 22, 23, 24].map((fontSize) => store.save({ fontSize }));
    expect(store.current().fontSize).toBe(24);
    expect(heard).toEqual([21, 22, 23, 24]);
    await Promise.all(saves);
    await browser.settle(); // each write's change event comes back, and is read
    expect(heard).toEqual([21, 22, 23, 24]);
    expect(meta(browser.sync.read(PREFS_KEY)).values.fontSize).toBe(24);
  });

  it('tells every listener the newest value when one of them saves while being told', async () => {
    const { store } = setup();
    await store.load();
    const last: number[] = [0, 0];
    store.subscribe((prefs) => {
      last[0] = prefs.fontSize;
      if (prefs.fontSize === 50) void store.save({ fontSize: 40 });
    });
    store.subscribe((prefs) => {
      last[1] = prefs.fontSize;
    });
    await store.save({ fontSize: 50 });
    await store.save({});
    expect(store.current().fontSize).toBe(40);
    expect(last).toEqual([40, 40]);
  });

  it('rejects, and changes nothing, only when neither area can store', async () => {
    const { browser, store } = setup();
    const heard = vi.fn();
    store.subscribe(heard);
    browser.sync.failSet = new Error('QUOTA_BYTES quota exceeded');
    browser.local.failSet = new Error('disk full');
    await expect(store.save({ fontSize: 50 })).rejects.toBeInstanceOf(PrefsSaveError);
    expect(store.current().fontSize).toBe(20);
    // Shown while it was being saved, then taken back.
    expect(heard.mock.calls.map(([prefs]) => (prefs as Prefs).fontSize)).toEqual([50, 20]);
  });

  it(`keeps ${MAX_SITES} sites of usual length in sync, split under the per-item quota`, async () => {
    const { browser, store, another } = setup();
    const sites = sitesOf(MAX_SITES, (i) => `www.news-site-number-${i}.example.com`, { captions: false });
    await store.save({ sites });
    expect(store.status()).toEqual({ area: 'sync', syncProblem: null });
    const chunks = meta(browser.sync.read(PREFS_KEY)).siteChunks;
    expect(chunks).toBeGreaterThan(1);
    for (let i = 0; i < chunks; i++) expect(chunkKey(i).length + JSON.stringify(browser.sync.read(chunkKey(i))).length).toBeLessThanOrEqual(8192);
    browser.local.data.clear(); // sync alone must hold it all
    expect(Object.keys((await another().load()).sites)).toEqual(Object.keys(sites));
  });

  it(`keeps ${MAX_SITES} sites with the longest hostnames in local when sync is too small, losing none`, async () => {
    const { store, another } = setup();
    const label = 'a'.repeat(63);
    const sites = sitesOf(MAX_SITES, (i) => `${label}.${label}.${label}.${`${i}`.padStart(3, '0')}${'b'.repeat(54)}.com`, {
      skipLink: false, captions: false, alwaysReader: true, disabled: false,
    });
    expect(Object.keys(sites)[0]).toHaveLength(253);
    await store.save({ sites });
    expect(store.status()).toEqual({ area: 'local', syncProblem: 'quota' });
    expect((await another().load()).sites).toEqual(sites);
  });

  it('removes the chunks a smaller site map no longer needs', async () => {
    const { browser, store } = setup();
    await store.save({ sites: sitesOf(MAX_SITES, (i) => `www.news-site-number-${i}.example.com`, { captions: false }) });
    expect(browser.sync.read(chunkKey(1))).toBeDefined();
    await store.save({ sites: null });
    expect([...browser.sync.data.keys()]).toEqual([PREFS_KEY]);
    expect([...browser.local.data.keys()]).toEqual([PREFS_KEY]);
  });
});

describe('migration through the store', () => {
  it('migrates version 0 data on load and writes it back, so it runs once', async () => {
    const { browser, store, another } = setup();
    browser.sync.write({ [PREFS_KEY]: { values: { fontScale: 150, darkMode: true, disabledSites: ['old.example'] } } });
    expect(await store.load()).toMatchObject({ fontSize: 24, theme: 'dark', sites: { 'old.example': { disabled: true } } });
    const stored = meta(browser.sync.read(PREFS_KEY));
    expect(stored.version).toBe(PREFS_VERSION);
    expect(stored.values).toEqual({ theme: 'dark', fontSize: 24 });
    const writes = browser.sync.calls.set;
    expect(await another().load()).toMatchObject({ fontSize: 24, theme: 'dark' });
    expect(browser.sync.calls.set).toBe(writes); // nothing left to migrate, nothing written
  });

  it('reads data from a newer version without migrating or failing', async () => {
    const { browser, store } = setup();
    browser.sync.write({ [PREFS_KEY]: { version: PREFS_VERSION + 5, updatedAt: 9, values: { fontSize: 33, futureThing: { deep: true } } } });
    expect((await store.load()).fontSize).toBe(33);
    expect(browser.sync.calls.set).toBe(0);
  });
});

describe('changes from other contexts', () => {
  it('reaches another store through storage.onChanged, once', async () => {
    const { browser, store, another } = setup();
    const popup = another();
    await Promise.all([store.load(), popup.load()]);
    const heard = vi.fn<(prefs: Prefs) => void>();
    store.subscribe(heard);
    await popup.save({ theme: 'sepia', sites: { 'a.example': { alwaysReader: true } } });
    await browser.settle();
    expect(store.current()).toMatchObject({ theme: 'sepia', sites: { 'a.example': { alwaysReader: true } } });
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard.mock.calls[0]![0].theme).toBe('sepia');
  });

  it('tells its own subscribers once about its own save, not again when the change comes back', async () => {
    const { browser, store } = setup();
    await store.load();
    const heard = vi.fn();
    store.subscribe(heard);
    await store.save({ fontSize: 22 });
    await browser.settle();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('follows a change to local that is newer than sync (another context fell back)', async () => {
    const { browser, store, another } = setup();
    const popup = another();
    await Promise.all([store.load(), popup.load()]);
    browser.sync.failSet = new Error('QUOTA_BYTES quota exceeded');
    await popup.save({ captionSize: 150 });
    await browser.settle();
    expect(store.current().captionSize).toBe(150);
  });

  it('never flips back to an older value while events arrive late', async () => {
    const { browser, store, another } = setup();
    const reader = another();
    await Promise.all([store.load(), reader.load()]);
    const heardHere: number[] = [];
    const heardThere: number[] = [];
    store.subscribe((prefs) => heardHere.push(prefs.fontSize));
    reader.subscribe((prefs) => heardThere.push(prefs.fontSize));
    // A slider dragged quickly: each save completes before the events of the previous one arrive.
    for (const fontSize of [21, 22, 23, 24]) await store.save({ fontSize });
    await browser.settle();
    expect(heardHere).toEqual([21, 22, 23, 24]);
    expect(heardThere.length).toBeGreaterThan(0);
    expect(heardThere).toEqual([...heardThere].sort((a, b) => a - b));
    expect(heardThere.at(-1)).toBe(24);
    expect(reader.current().fontSize).toBe(24);
  });

  it('ignores changes that are not about preferences, without reading storage', async () => {
    const { browser, store } = setup();
    await store.load();
    const reads = browser.sync.calls.get;
    const newer = { [PREFS_KEY]: { newValue: { version: 1, updatedAt: 5e12, values: { fontSize: 40 } } } };
    expect(await store.applyChange({ tabState: { newValue: 1 } }, 'local')).toBeNull();
    expect(await store.applyChange({ [chunkKey(3)]: { oldValue: {} } }, 'sync')).toBeNull();
    expect(await store.applyChange(newer, 'session')).toBeNull();
    expect(await store.applyChange(newer, 'managed')).toBeNull();
    expect(await store.applyChange(null as never, 'sync')).toBeNull();
    expect(browser.sync.calls.get).toBe(reads);
  });

  it('reads storage again on a change event, and resolves with what changed', async () => {
    const { browser, store } = setup();
    await store.load();
    browser.sync.write({ [PREFS_KEY]: { version: 1, updatedAt: 5e12, values: { fontSize: 40 } } });
    const event = { [PREFS_KEY]: { newValue: { version: 1, updatedAt: 5e12, values: { fontSize: 40 } } } };
    const [first, second] = await Promise.all([store.applyChange(event, 'sync'), store.applyChange(event, 'sync')]);
    expect(first?.fontSize).toBe(40);
    expect(second).toBe(first); // two events in a burst share one read
    expect(await store.applyChange(event, 'sync')).toBeNull(); // nothing new the next time
  });

  it('handles a change that arrives before load()', async () => {
    const { browser, store } = setup();
    browser.sync.write({ [PREFS_KEY]: { version: 1, updatedAt: 5, values: { fontSize: 44 } } });
    const heard = vi.fn();
    store.subscribe(heard);
    expect((await store.applyChange({ [PREFS_KEY]: { newValue: {} } }, 'sync'))?.fontSize).toBe(44);
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ fontSize: 44 }));
  });

  it('keeps telling the other subscribers when one throws, and unsubscribes', async () => {
    const { store } = setup();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const second = vi.fn();
    store.subscribe(() => {
      throw new Error('broken listener');
    });
    const unsubscribe = store.subscribe(second);
    await store.save({ fontSize: 25 });
    expect(second).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ message: 'broken listener' }));
    unsubscribe();
    await store.save({ fontSize: 26 });
    expect(second).toHaveBeenCalledTimes(1);
  });
});

describe('isQuotaError', () => {
  it.each([
    ['Chrome per item', new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), true],
    ['Chrome write rate', new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'), true],
    ['Firefox', Object.assign(new Error('storage.sync API call exceeded its quota limitations.'), { name: 'QuotaExceededError' }), true],
    ['a plain string', 'QUOTA_BYTES quota exceeded', true],
    ['another error', new Error('An unexpected error occurred'), false],
    ['a hostile object', { toString: () => { throw new Error('hostile'); } }, false],
  ])('%s', (_label, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
  });
});
