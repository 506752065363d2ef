import { describe, expect, it } from 'vitest';
import { createTabStates, hostnameOf, parseTabState, type SessionArea } from '../../../src/background/tab-state';

function fakeSession(): SessionArea & { items: Record<string, unknown> } {
  const items: Record<string, unknown> = {};
  const keys = (k: string | string[]): string[] => (Array.isArray(k) ? k : [k]);
  return {
    items,
    get: async (k) => Object.fromEntries(keys(k).filter((key) => key in items).map((key) => [key, structuredClone(items[key])])),
    set: async (more) => void Object.assign(items, structuredClone(more)),
    remove: async (k) => keys(k).forEach((key) => Reflect.deleteProperty(items, key)),
  };
}

describe('per-tab state', () => {
  it('is kept in the session area, so a new background (a new createTabStates) still knows it', async () => {
    const area = fakeSession();
    await createTabStates(area).update(4, { articleFound: true, hostname: 'news.example' });
    const restarted = createTabStates(area);
    expect(await restarted.get(4)).toEqual({ articleFound: true, looking: false, readerOpen: false, hostname: 'news.example' });
    await restarted.update(4, { readerOpen: true });
    expect(await restarted.get(4)).toEqual({ articleFound: true, looking: false, readerOpen: true, hostname: 'news.example' });
    await restarted.forget(4);
    expect(await restarted.get(4)).toBeNull();
  });

  it('keeps "still looking" until the page gives its answer, and reads a state stored without it as an answer', async () => {
    const states = createTabStates(fakeSession());
    await states.update(2, { articleFound: false, looking: true, hostname: 'news.example' });
    expect(await states.get(2)).toMatchObject({ articleFound: false, looking: true });
    await states.update(2, { articleFound: true, looking: false });
    expect(await states.get(2)).toMatchObject({ articleFound: true, looking: false });
    expect(parseTabState({ articleFound: false, readerOpen: false, hostname: 'a.example' })).toEqual({ articleFound: false, looking: false, readerOpen: false, hostname: 'a.example' });
  });

  it('treats corrupt stored values as nothing stored, and survives a failing area', async () => {
    const area = fakeSession();
    area.items['tab.1'] = { articleFound: 'yes' };
    expect(await createTabStates(area).get(1)).toBeNull();
    for (const junk of [null, 1, 'x', [], { articleFound: true, readerOpen: false }]) expect(parseTabState(junk)).toBeNull();
    const broken: SessionArea = { get: () => Promise.reject(new Error('x')), set: () => Promise.reject(new Error('x')), remove: () => Promise.reject(new Error('x')) };
    expect(await createTabStates(broken).get(1)).toBeNull();
    await expect(createTabStates(broken).update(1, { articleFound: true })).resolves.toMatchObject({ articleFound: true });
  });

  it('keeps both of two changes made at once to the same tab', async () => {
    const states = createTabStates(fakeSession());
    await states.update(3, { hostname: 'news.example' });
    // The page's verdict and the reader opening, arriving together from two senders.
    await Promise.all([states.update(3, { articleFound: true }), states.update(3, { readerOpen: true })]);
    expect(await states.get(3)).toEqual({ articleFound: true, looking: false, readerOpen: true, hostname: 'news.example' });
    // Forgetting a closed tab is not undone by an update that was already on its way.
    await Promise.all([states.update(3, { looking: true }), states.forget(3)]);
    expect(await states.get(3)).toBeNull();
  });

  it('takes the hostname of web pages only', () => {
    expect(hostnameOf('https://www.news.example/a?b')).toBe('www.news.example');
    expect(hostnameOf('http://127.0.0.1:8080/demo/')).toBe('127.0.0.1');
    expect(hostnameOf('file:///tmp/a.html')).toBe('');
    expect(hostnameOf(undefined)).toBe('');
    expect(hostnameOf('not a url')).toBe('');
  });
});
