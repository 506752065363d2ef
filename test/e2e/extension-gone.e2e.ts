/**
 * Lectern updated, reloaded or removed while an article stays open
 * (Chromium: Firefox unloads an extension's content scripts with it). The
 * old copy of the content script is cut off from the extension; at its next
 * look at the page it must not throw into the page, and it takes back
 * everything it changed, so the page is as its site made it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toggleReaderInNewestTab } from './support/extension-pages';
import {
  browsersUnderTest,
  evaluateInServiceWorker,
  findReaderFrame,
  lecternElementCount,
  lecternProblems,
  openExtensionPage,
  readerHosts,
  startSession,
  until,
  verdict,
  type Session,
} from './support/harness';

const chromium = browsersUnderTest().includes('chromium');

describe.runIf(chromium)('Lectern goes away while an article is open (chromium)', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession('chromium');
  });
  afterAll(async () => {
    await s?.close();
  });

  it("the old content script takes back its link, landmark, captions and open reader, and throws nothing into the page", async () => {
    const page = await s.newPage();
    // The page as its site made it, taken before any content script runs (document_idle comes later).
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as unknown as { __e2eBefore: string }).__e2eBefore = document.documentElement.outerHTML;
      });
    });
    await page.goto(s.server.url('demo/'), { waitUntil: 'load' });
    expect(await verdict(page)).toBe('article');
    const changed = (): Promise<boolean> => page.evaluate(() => (window as unknown as { __e2eBefore: string }).__e2eBefore !== document.documentElement.outerHTML);
    // Premise: Lectern changed the page (a skip link, the captions' changes).
    await until('the skip link', async () => (await lecternElementCount(page)) === 1);
    expect(await changed()).toBe(true);
    // And the reader is open over it.
    const ext = await openExtensionPage(s, 'src/options/options.html');
    expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: true });
    await page.bringToFront();
    await findReaderFrame(s, page);
    await ext.close();

    // The extension reloads: this page keeps the old copy of the content script, now cut off.
    await Promise.race([evaluateInServiceWorker(s, 'chrome.runtime.reload()').catch(() => undefined), new Promise((done) => setTimeout(done, 2000))]);
    // A client-side navigation makes the old copy look at the page again.
    await page.evaluate(() => {
      history.pushState({}, '', 'next-story');
      const nudge = document.createElement('div');
      document.body.append(nudge);
      nudge.remove();
    });
    await until('the page to be as its site made it', async () => !(await changed()), 5000);
    expect(await lecternElementCount(page)).toBe(0);
    expect(await readerHosts(page)).toBe(0);
    expect(lecternProblems(s)).toEqual([]);
  });
});
