/**
 * What a web page can learn of Lectern, in a browser as a person has it
 * (the developer timeline switch off): nothing in the page's performance
 * timeline (no entry of Lectern's, no load from its address), on an
 * article where the skip link, the captions and the reader all did their
 * work, nor on a page that is not an article. The other suites read that
 * timeline with the switch on; this one checks it is closed without it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTabId, tabState, toggleReaderInTab } from './support/extension-pages';
import { browsersUnderTest, lecternElementCount, lecternProblems, openExtensionPage, readerHosts, startSession, until, type Session } from './support/harness';

/**
 * Every timeline entry Lectern could have written, or made by loading its always-on module from its own
 * address (a resource entry), as the page's own scripts see them.
 */
const lecternEntries = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    performance
      .getEntries()
      .filter((e) => e.name.startsWith('lectern') || /^(?:chrome|moz)-extension:/.test(e.name))
      .map((e) => `${e.entryType} ${e.name}`),
  );

describe.each(browsersUnderTest())('what a page sees of Lectern in %s', (name) => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(name, { devTimeline: false });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('an article with its skip link, captions and reader leaves no Lectern entry in the timeline', async () => {
    const article = await s.open('demo/');
    await until('the skip link', async () => (await lecternElementCount(article)) === 1);
    // The captions run in idle time: wait until the photo's figure is no longer as the server sent it.
    await until('the captions applied', () =>
      article.evaluate(async () => {
        const sent = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
        return sent.querySelector('#lead-photo')?.outerHTML !== document.querySelector('#lead-photo')?.outerHTML;
      }),
    );
    const finder = await openExtensionPage(s, 'src/options/options.html');
    const tabId = await articleTabId(finder);
    await toggleReaderInTab(finder, tabId);
    await until('the reader open', async () => (await readerHosts(article)) === 1);
    await toggleReaderInTab(finder, tabId);
    await until('the reader closed', async () => (await readerHosts(article)) === 0);
    expect(await lecternEntries(article)).toEqual([]);
    await finder.close();
    await article.close();
    expect(lecternProblems(s)).toEqual([]);
  });

  it('a page that is not an article learns nothing either', async () => {
    const page = await s.open('home-teasers/');
    const finder = await openExtensionPage(s, 'src/options/options.html');
    // The background has the tab's verdict: the content script has done its work there.
    const tabId = await articleTabId(finder);
    const state = await until('a final verdict', async () => {
      const reply = await tabState(finder, tabId);
      return reply && !reply.looking ? reply : null;
    });
    expect(state.articleFound).toBe(false);
    expect(await lecternEntries(page)).toEqual([]);
    await finder.close();
    await page.close();
  });
});
