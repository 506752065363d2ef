import { describe, expect, it, vi } from 'vitest';
import { createRouter, senderOrigin } from '../../../src/background/router';
import { message } from '../../../src/core/messages';

const context = { extensionId: 'ours', extensionOrigin: 'chrome-extension://ours/' };

describe('senderOrigin', () => {
  it('tells content scripts (top frame of a tab) from our own pages, and refuses the rest', () => {
    expect(senderOrigin({ id: 'ours', url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, context)).toBe('content');
    expect(senderOrigin({ id: 'ours', url: 'chrome-extension://ours/src/popup/popup.html' }, context)).toBe('extension-page');
    expect(senderOrigin({ id: 'other', url: 'https://news.example/a', tab: { id: 3 } }, context)).toBeNull();
    expect(senderOrigin({ id: 'ours', url: 'https://news.example/a', tab: { id: 3 }, frameId: 7 }, context)).toBeNull();
    expect(senderOrigin({ id: 'ours', url: 'https://news.example/a' }, context)).toBeNull();
    expect(senderOrigin({}, context)).toBeNull();
  });
});

describe('createRouter', () => {
  const pageState = vi.fn(() => undefined);
  const getState = vi.fn(() => ({ articleFound: true, looking: false, readerOpen: false, hostname: 'a.example' }));
  const route = createRouter(
    { 'page-state': { from: 'content', handle: pageState }, 'get-tab-state': { from: 'extension-page', handle: getState } },
    context,
  );
  const content = { id: 'ours', url: 'https://a.example/', tab: { id: 5 }, frameId: 0 };
  const popup = { id: 'ours', url: 'chrome-extension://ours/src/popup/popup.html' };

  it('hands a message to its handler, with the tab id, when it comes from where it may', async () => {
    await route(message('page-state', { articleFound: true }), content);
    expect(pageState).toHaveBeenCalledWith({ articleFound: true }, expect.objectContaining({ tabId: 5 }));
    await expect(route(message('get-tab-state', { tabId: 5 }), popup)).resolves.toEqual({ articleFound: true, looking: false, readerOpen: false, hostname: 'a.example' });
  });

  it('ignores messages from the wrong place, unknown messages and garbage', () => {
    pageState.mockClear();
    expect(route(message('page-state', { articleFound: true }), popup)).toBeUndefined();
    expect(route(message('get-tab-state', { tabId: 5 }), content)).toBeUndefined();
    expect(route(message('get-tab-state', { tabId: 5 }), { ...popup, id: 'evil' })).toBeUndefined();
    expect(route({ lectern: 'nope' }, popup)).toBeUndefined();
    for (const junk of [null, undefined, 1, 'x', [], {}]) expect(route(junk, popup)).toBeUndefined();
    // Not ours to answer: another listener (the reader's) may.
    expect(route(message('reader-closed', { token: 'a'.repeat(32), shown: true }), content)).toBeUndefined();
    expect(pageState).not.toHaveBeenCalled();
  });

  it('answers null when a handler throws, so the sender is not left waiting', async () => {
    const broken = createRouter({ 'get-tab-state': { from: 'extension-page', handle: () => { throw new Error('boom'); } } }, context);
    await expect(broken(message('get-tab-state', { tabId: 1 }), popup)).resolves.toBeNull();
  });
});
