/**
 * The skip link in both browsers: one Tab and one Enter from the top of a
 * news page reach the headline, on a plain page, under a strict CSP, on a
 * single-page site after a client-side navigation, and through the
 * keyboard-shortcut handler; a site's own working skip link is left alone
 * and a broken one repaired. Ends with the privacy check over all of it.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  browsersUnderTest,
  expectNoExtensionTraffic,
  focused,
  lecternElementCount,
  lecternProblems,
  serviceWorker,
  startSession,
  until,
  verdict,
  verdictAfter,
  type Session,
} from './support/harness';
import { SHOTS_DIR, expectShownLink, expectTabEnterTab, linkState, skipToHeadline } from './support/skip-flow';

const DEMO_HEADLINE = 'US Confirms Talks with Militant Haqqani Network';

/** A site header fixed to the top of the window, `height` px tall, as many news sites have. */
function addFixedHeader(page: Page, height: number): Promise<void> {
  return page.evaluate((px) => {
    const bar = document.createElement('div');
    bar.id = 'test-fixed-header';
    bar.textContent = 'World Report';
    bar.style.cssText = `position: fixed; top: 0; left: 0; right: 0; height: ${px}px; background: #123; color: #fff; z-index: 10;`;
    document.body.append(bar);
  }, height);
}

describe.each(browsersUnderTest())('skip link in %s', (name) => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession(name);
  });
  afterEach(async () => {
    await s?.closePages();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('demo: the first Tab reaches "Skip to article", Enter lands on the headline, the next Tab stays in the story', async () => {
    const page = await s.open('demo/');
    expect(await verdict(page)).toBe('article');
    await expectTabEnterTab(page, {
      headline: '#headline',
      headlineText: DEMO_HEADLINE,
      screenshot: { browser: name },
    });
    // The demo has no <main>: the story column became the main landmark, and
    // the headline lost the temporary tabindex once focus moved on.
    expect(
      await page.evaluate(() => ({
        mains: document.querySelectorAll('main, [role="main"]').length,
        holdsHeadline: !!document.querySelector('[role="main"] #headline'),
        headlineTabindex: document.getElementById('headline')?.getAttribute('tabindex') ?? null,
      })),
    ).toEqual({ mains: 1, holdsHeadline: true, headlineTabindex: null });
    await page.close();
  });

  it('lands on the headline below a fixed site header, with a focus ring that is seen and then goes', async () => {
    const page = await s.open('demo/');
    expect(await verdict(page)).toBe('article');
    // A sticky site header, 120 px tall, and a site rule that takes the outline off its headings: both common.
    await addFixedHeader(page, 120);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'h1:focus { outline: none !important; }';
      document.head.append(style);
    });
    await skipToHeadline(page, 3000);
    const landed = await page.evaluate(() => {
      const headline = document.getElementById('headline')!;
      const style = getComputedStyle(headline);
      return {
        belowHeader: headline.getBoundingClientRect().top >= document.getElementById('test-fixed-header')!.getBoundingClientRect().bottom,
        scrolled: window.scrollY > 0,
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
      };
    });
    expect(landed).toEqual({ belowHeader: true, scrolled: true, outline: 'solid 3px' });
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: `${SHOTS_DIR}/skip-link-fixed-header-${name}.png` });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('headline')?.getAttribute('style') ?? null), 'the headline as the site made it').toBeNull();
    await page.close();
  });

  it('lands below a row that hangs out of the fixed header (a second menu row, positioned below the bar)', async () => {
    const page = await s.open('demo/');
    expect(await verdict(page)).toBe('article');
    await addFixedHeader(page, 60);
    await page.evaluate(() => {
      const row = document.createElement('nav');
      row.setAttribute('aria-label', 'Sections');
      row.textContent = 'World · Politics · Business';
      row.style.cssText = 'position: absolute; top: 60px; left: 0; right: 0; height: 50px; background: #345;';
      document.getElementById('test-fixed-header')!.append(row);
    });
    await skipToHeadline(page, 3000);
    expect(await page.evaluate(() => document.getElementById('headline')!.getBoundingClientRect().top), 'below the hanging row').toBeGreaterThanOrEqual(110);
    await page.close();
  });

  it('a headline without an id gets a lectern- one for the link to name, and still takes focus', async () => {
    const page = await s.newPage();
    // The demo with its headline's id removed before any content script runs.
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') document.getElementById('headline')?.removeAttribute('id');
      });
    });
    await page.goto(s.server.url('demo/'), { waitUntil: 'load' });
    expect(await verdict(page)).toBe('article');
    expect((await linkState(page))?.hrefId).toBe('lectern-article');
    expect(await page.evaluate(() => document.getElementById('lectern-article')?.tagName)).toBe('H1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until('focus on the headline', async () => (await focused(page))?.text === DEMO_HEADLINE, 3000);
    expect(await page.evaluate(() => location.hash), 'the URL is left alone').toBe('');
  });

  it("demo: the page's own CSS cannot hide or restyle the link", async () => {
    const page = await s.open('demo/');
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = `
        lectern-skip-link, body > :first-child { display: none !important; visibility: hidden !important; opacity: 0 !important;
          position: static !important; transform: scale(0) !important; color: red !important; font-size: 1px !important; }
        a, a:focus { color: transparent !important; font-size: 1px !important; clip-path: inset(50%) !important; }
        * { z-index: auto !important; }
        .page { position: relative; z-index: 2147483647 !important; }`;
      document.head.append(style);
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inLecternLink: true, text: 'Skip to article' });
    await expectShownLink(page);
    await page.close();
  });

  it('skip-link-works: the site link lands in the story, so Lectern adds none', async () => {
    const page = await s.open('skip-link-works/');
    expect(await verdict(page)).toBe('article');
    expect(await lecternElementCount(page)).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content', inLecternLink: false });
    // The site's target is the <main> that holds the story, headline first.
    expect(await page.evaluate(() => !!document.querySelector('#content #headline'))).toBe(true);
    await page.keyboard.press('Enter');
    // Focus lands on the headline inside it, not on the whole <main>, which would wear the ring around the page.
    await until('focus on the headline inside the site skip target', async () => (await focused(page))?.id === 'headline');
    await new Promise((done) => setTimeout(done, 300)); // the fragment's own jump, had it moved focus back
    expect((await focused(page))?.id).toBe('headline');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('content')!).outlineStyle), 'no ring around the page').toBe('none');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('headline')!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Tab');
    // The story has no links of its own: Tab goes on from the headline, not from the top of the page.
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'About' });
    await page.close();
  });

  it("skip-target-unfocusable: the site's link is repaired so Enter moves focus into its target, to the headline it wraps", async () => {
    const page = await s.open('skip-target-unfocusable/');
    expect(await verdict(page)).toBe('article');
    expect(await lecternElementCount(page)).toBe(0);
    // A fixed site header: the browser's own jump to the link's fragment, after Lectern moved focus, must not
    // scroll the story back under it.
    await addFixedHeader(page, 100);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to story', inLecternLink: false });
    await page.keyboard.press('Enter');
    // The target (#story) wraps the story, headline first: focus goes to the headline, not around the whole story.
    await until('focus on the headline in #story', async () => (await focused(page))?.id === 'headline', 3000);
    await new Promise((done) => setTimeout(done, 300)); // the fragment's own jump, had it moved anything
    expect((await focused(page))?.id).toBe('headline');
    expect(await page.evaluate(() => document.getElementById('headline')!.getBoundingClientRect().top), 'the headline below the header').toBeGreaterThanOrEqual(100);
    // Focus then continues inside the story, and the temporary tabindex goes away.
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next?.text).toBe('3 comments');
    expect(await page.evaluate(() => ['story', 'headline'].map((id) => document.getElementById(id)?.hasAttribute('tabindex')))).toEqual([false, false]);
    expect(await page.evaluate(() => ['story', 'headline'].map((id) => document.getElementById(id)?.getAttribute('style') ?? null)), 'the story as the site made it').toEqual([null, null]);
    await page.close();
  });

  it("works on a page served with Content-Security-Policy: default-src 'none'", async () => {
    const page = await s.open('csp/demo/');
    // The policy is really in force: the page's own <style> was blocked (body keeps its default margin).
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('8px');
    expect(await verdict(page)).toBe('article');
    await expectTabEnterTab(page, {
      headline: '#headline',
      headlineText: DEMO_HEADLINE,
      screenshot: { browser: name, name: 'skip-link-csp' },
    });
    await page.close();
  });

  it('works on a sandboxed page (Content-Security-Policy: sandbox): an opaque origin, where Chrome loads Lectern as a module', async () => {
    const page = await s.open('sandbox/demo/');
    // The sandbox is in force: the page has an opaque origin.
    expect(await page.evaluate(() => window.origin)).toBe('null');
    expect(await verdict(page)).toBe('article');
    await expectTabEnterTab(page, { headline: '#headline', headlineText: DEMO_HEADLINE });
    await page.close();
  });

  it('single-page site: after a client-side navigation there is one link and it lands on the new headline', async () => {
    const page = await s.open('spa/');
    expect(await verdict(page, 1)).toBe('article');
    expect(await lecternElementCount(page)).toBe(1);
    // Navigate the way a router does, without moving keyboard focus.
    const clickedAt = await page.evaluate(() => {
      (document.getElementById('next-story') as HTMLButtonElement).click();
      return performance.now();
    });
    expect(await page.evaluate(() => location.search)).toBe('?story=ferry');
    expect(await verdictAfter(page, clickedAt)).toBe('article');
    expect(await page.evaluate(() => !!document.getElementById('headline-2') && !document.getElementById('headline'))).toBe(true);
    expect(await lecternElementCount(page)).toBe(1);
    await expectTabEnterTab(page, {
      headline: '#headline-2',
      headlineText: 'Ferry service returns after storm repairs',
    });
    await page.close();
  });

  it("the keyboard shortcut's handler (lecternCommand in the background) moves focus to the headline", async () => {
    const article = await s.open('demo/');
    const other = await s.open('home-teasers/');
    expect(await verdict(other)).toBe('none');

    // Shortcuts pressed by puppeteer never reach commands.onCommand, so call
    // the function its listener calls, in the real background context, for
    // every tab: only the article tab may say it jumped.
    const callEveryTab = async (): Promise<[number, boolean][]> => {
      const fn = async (): Promise<[number, boolean][]> => {
        type Tabs = { tabs: { query(query: object): Promise<{ id?: number }[]> } };
        const g = globalThis as unknown as {
          browser?: Tabs;
          chrome: Tabs;
          lecternCommand: (command: string, tabId: number) => Promise<boolean>;
        };
        const api = g.browser ?? g.chrome;
        const tabs = await api.tabs.query({});
        const out: [number, boolean][] = [];
        for (const tab of tabs) {
          if (tab.id !== undefined) out.push([tab.id, await g.lecternCommand('jump-to-article', tab.id)]);
        }
        return out;
      };
      if (name === 'chromium') return (await serviceWorker(s)).evaluate(fn);
      // Firefox: the background is an event page. The same background
      // module, loaded in a tab of its own (an extension page with the same
      // APIs), defines the same lecternCommand.
      const ext = await s.newPage();
      void ext.goto(`${s.extensionOrigin}/_generated_background_page.html`).catch(() => undefined);
      await until('lecternCommand in the background page', () =>
        ext.evaluate(() => location.protocol === 'moz-extension:' && typeof (globalThis as { lecternCommand?: unknown }).lecternCommand === 'function'),
      );
      const result = await ext.evaluate(fn);
      await ext.close();
      return result;
    };

    expect(await focused(article)).toBeNull();
    const results = await callEveryTab();
    expect(results.length).toBeGreaterThanOrEqual(2);
    expect(results.filter(([, jumped]) => jumped).length, JSON.stringify(results)).toBe(1);
    expect(await focused(article)).toMatchObject({ tag: 'h1', id: 'headline', text: DEMO_HEADLINE });
    expect(await focused(other)).toBeNull();
    await article.close();
    await other.close();
  });

  it('raised no errors from Lectern in any page', () => {
    expect(lecternProblems(s)).toEqual([]);
  });

  it('made no network request of its own, and nothing left 127.0.0.1', () => {
    expectNoExtensionTraffic(s);
  });
});
