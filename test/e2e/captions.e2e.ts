/**
 * The captions feature in the real browsers, on the caption fixtures and
 * the demo, each page also opened in a browser without Lectern (the
 * baseline) so that every check can be seen to fail without it:
 *
 * - heard once: a caption that repeats the alt is exposed once, as the
 *   image's name, where the baseline exposes it twice; a revealed alt is
 *   not heard a second time either. In Chromium this is read from the
 *   accessibility tree (CDP Accessibility.getFullAXTree), never from
 *   attributes. Firefox gives puppeteer no accessibility tree over
 *   WebDriver BiDi, only a search by accessible name (BiDi's
 *   "accessibility" locator, computed by Firefox's own accessibility
 *   engine): there the names come from that search and the caption text
 *   that would still be read from the DOM (rendered and outside any
 *   aria-hidden subtree).
 * - shown in full: every character of an expanded caption is visible,
 *   laid out inside every box that clips it and not over its picture,
 *   where the baseline hides, cuts or overlays it;
 *   revealed alt text and enlarged captions are at least the article's
 *   body text size.
 * - described: a caption that is not a figcaption is the image's
 *   description (Chromium: the image node's description; Firefox: the
 *   DOM, for the reason above).
 * - axe finds nothing new with captions on compared with captions off.
 * - turning captions off in the popup restores the page exactly: the
 *   serialized DOM equals the baseline's, byte for byte; so does turning
 *   Lectern off for the site; and a page opened in either state is never
 *   touched, not even before the preferences are read.
 * - screenshots of the demo without and with Lectern, for a person to see.
 *
 * The skip link is another feature with its own tests: it is switched off
 * for the whole block, so on these pages (which have a <main>) the only
 * changes Lectern makes are the captions'. The demo has no <main>, and
 * Lectern's article landmark (role="main") stays until Lectern is turned
 * off for the site, which the restore test also checks.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page, Protocol } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { violations, type Finding } from './support/axe';
import { setSwitches } from './support/extension-pages';
import {
  browsersUnderTest,
  expectNoExtensionTraffic,
  lecternElementCount,
  lecternProblems,
  startSession,
  step,
  until,
  verdict,
  type Session,
} from './support/harness';
import { FIXTURES_DIR } from './support/server';

const SHOTS = '/tmp/lectern-shots';

/** What a caption fixture's expected.json says about one image (as the unit tests read it). */
interface Target {
  fixture: string;
  image: string;
  actions: string[];
  caption?: string | null;
  credit?: string | null;
  concealed?: string[];
  /** The parts the site hid and Lectern shows (a full copy of a truncated caption). */
  expanded?: string[];
  describedBy?: string[];
  revealedAfter?: string;
  /** The fixture's premise: without Lectern the caption needs more height than the picture's box gives it. */
  captionTallerThanImage?: boolean;
}

const CAPTION_FIXTURES = readdirSync(FIXTURES_DIR)
  .filter((d) => d.startsWith('captions-'))
  .sort();

const ARTICLE: Record<string, string> = { demo: '#story' };

const TARGETS: Target[] = CAPTION_FIXTURES.flatMap((fixture) => {
  const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, fixture, 'expected.json'), 'utf8')) as { article: string; images: Omit<Target, 'fixture'>[] };
  ARTICLE[fixture] = expected.article;
  return expected.images.map((image) => ({ fixture, ...image }));
});

/**
 * The demo: its expected.json is about the skip link, and says in words
 * that the photo's figcaption repeats its alt word for word.
 */
TARGETS.push({ fixture: 'demo', image: '#lead-photo img', actions: ['dedupe'], caption: '#lead-photo figcaption' });

/** Every page of this file: the caption fixtures and the demo. */
const PAGES = [...CAPTION_FIXTURES, 'demo'];

const having = (action: string): Target[] => TARGETS.filter((t) => t.actions.includes(action));

/** Lower-case words, so that text compares across punctuation, spacing and line breaks. */
function words(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** How often `needle`'s words occur, as whole words, in each of `texts`, added up. */
function occurrences(texts: string[], needle: string): number {
  const n = words(needle);
  if (!n) return 0;
  return texts.reduce((sum, text) => sum + ` ${words(text)} `.split(` ${n} `).length - 1, 0);
}

/**
 * Chromium: what a screen reader is given to say, from the full
 * accessibility tree in document order: the text of every text node that
 * is not ignored, and every name that is not just its own content (an
 * image's alt, aria-label, a label element...) and every description,
 * each as a separate item. A node's name from its content is not counted
 * again, since its text nodes already are.
 */
async function heard(page: Page): Promise<string[]> {
  const cdp = await page.createCDPSession();
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const out: string[] = [];
    let run = '';
    const flush = (): void => {
      if (run.trim()) out.push(run.trim());
      run = '';
    };
    const visit = (node: Protocol.Accessibility.AXNode): void => {
      const role = String(node.role?.value ?? '');
      if (!node.ignored && role === 'StaticText') {
        run += ` ${String(node.name?.value ?? '')}`;
      } else if (!node.ignored && role !== 'InlineTextBox') {
        const name = String(node.name?.value ?? '');
        const source = node.name?.sources?.find((s) => s.value && !s.superseded);
        if (name && source?.type !== 'contents') {
          flush();
          out.push(name);
        }
        const description = String(node.description?.value ?? '');
        if (description) {
          flush();
          out.push(description);
        }
      }
      for (const id of node.childIds ?? []) {
        const child = byId.get(id);
        if (child) visit(child);
      }
    };
    const root = nodes.find((n) => !n.parentId);
    if (root) visit(root);
    flush();
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Firefox: the elements whose accessible name is exactly `name`, per Firefox's accessibility engine (BiDi locateNodes). */
async function namedExactly(page: Page, name: string): Promise<string[]> {
  const handles = await page.$$(`aria/${name}`);
  return Promise.all(handles.map((h) => h.evaluate((el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ''))));
}

/** The text of `selector` a screen reader could still read: rendered, and outside every aria-hidden="true" subtree. */
function exposedText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel);
    if (!root) return '';
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('[aria-hidden="true"]') || !parent.checkVisibility()) continue;
      text += ` ${node.textContent ?? ''}`;
    }
    return text;
  }, selector);
}

/**
 * How the text of `root` is drawn: `shown` holds each text node that is
 * visible (no display:none, visibility:hidden or opacity 0 on it or an
 * ancestor), laid out entirely inside every ancestor box that clips its
 * overflow, and not over `image` (a caption laid over its picture hides
 * the picture, and is often cut by the picture's box); `cut` holds the
 * others. Text inside `skip` is left out.
 */
async function drawn(root: ElementHandle<Element>, image: ElementHandle<Element> | null, skip: string[] = []): Promise<{ shown: string[]; cut: string[] }> {
  return root.evaluate(
    (el, picture, skipSelectors) => {
      const skipped = skipSelectors.map((s) => document.querySelector(s)).filter((s): s is Element => !!s);
      const p = picture ? picture.getBoundingClientRect() : null;
      const shown: string[] = [];
      const cut: string[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const parent = node.parentElement;
        if (!text || !parent || skipped.some((s) => s.contains(parent))) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
        let ok =
          rects.length > 0 &&
          parent.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
        for (const r of rects) {
          if (p && p.width > 0 && r.left < p.right - 1 && r.right > p.left + 1 && r.top < p.bottom - 1 && r.bottom > p.top + 1) ok = false;
        }
        for (let box: Element | null = parent; ok && box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
          const style = getComputedStyle(box);
          const clipX = style.overflowX !== 'visible';
          const clipY = style.overflowY !== 'visible';
          if (!clipX && !clipY) continue;
          const b = box.getBoundingClientRect();
          for (const r of rects) {
            if (clipX && (r.left < b.left - 1 || r.right > b.right + 1)) ok = false;
            if (clipY && (r.top < b.top - 1 || r.bottom > b.bottom + 1)) ok = false;
          }
        }
        (ok ? shown : cut).push(text);
      }
      return { shown, cut };
    },
    image,
    skip,
  );
}

async function one(page: Page, selector: string): Promise<ElementHandle<Element>> {
  const handle = await page.$(selector);
  if (!handle) throw new Error(`${page.url()}: nothing matches ${selector}`);
  return handle;
}

/** The text of `selector` without the elements in `skip` (a concealed copy). */
function fullText(page: Page, selector: string, skip: string[] = []): Promise<string> {
  return page.evaluate(
    (sel, skipSelectors) => {
      const el = document.querySelector(sel);
      if (!el) return '';
      const copy = el.cloneNode(true) as Element;
      const skipped = skipSelectors.map((s) => document.querySelector(s));
      // Remove the same elements from the copy, found by their path from `el`.
      for (const s of skipped) {
        if (!s || !el.contains(s)) continue;
        const path: number[] = [];
        for (let n: Element = s; n !== el; n = n.parentElement as Element) path.unshift(Array.prototype.indexOf.call((n.parentElement as Element).children, n));
        let c: Element | undefined = copy;
        for (const i of path) c = c?.children[i];
        c?.remove();
      }
      return copy.textContent ?? '';
    },
    selector,
    skip,
  );
}

/** The article's body text size in px: the most common font size of its paragraphs of more than 80 characters. */
function bodyTextPx(page: Page, article: string): Promise<number> {
  return page.evaluate((sel) => {
    const sizes = new Map<number, number>();
    for (const p of Array.from(document.querySelectorAll(`${sel} p`))) {
      if ((p.textContent ?? '').trim().length <= 80) continue;
      const px = Number.parseFloat(getComputedStyle(p).fontSize);
      sizes.set(px, (sizes.get(px) ?? 0) + 1);
    }
    let best = 0;
    let count = 0;
    for (const [px, n] of sizes) {
      if (n > count) [best, count] = [px, n];
    }
    return best;
  }, article);
}

const fontPx = (handle: ElementHandle<Element>): Promise<number> => handle.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
const html = (page: Page): Promise<string> => page.evaluate(() => document.documentElement.outerHTML);
const captionRuns = (page: Page): Promise<number> => page.evaluate(() => performance.getEntriesByName('lectern:captions').length);

/** Where two serializations first differ, with some context, for a failure message. */
function difference(actual: string, expected: string): string {
  if (actual === expected) return '';
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 120);
  return `first difference at ${i}:\n  actual:   …${actual.slice(from, i + 200)}…\n  expected: …${expected.slice(from, i + 200)}…`;
}

describe.each(browsersUnderTest())('captions in %s', (name) => {
  let s: Session;
  let base: Session;

  /** A page with Lectern, once the captions feature has run on it. */
  async function openWithCaptions(fixture: string): Promise<Page> {
    const page = await s.open(`${fixture}/`);
    await until(`captions applied on ${fixture}`, async () => (await captionRuns(page)) > 0, 20_000).catch(async (error: unknown) => {
      // Say what Lectern did on the page: its verdicts and how long each detection took.
      const timings = await page.evaluate(() =>
        performance
          .getEntries()
          .filter((e) => e.name.startsWith('lectern:'))
          .map((e) => `${e.name} at ${e.startTime.toFixed(0)} for ${e.duration.toFixed(1)} ms`),
      );
      throw new Error(`${String(error)}; Lectern's marks: ${timings.join(', ')}`);
    });
    return page;
  }

  /** The same page in the browser without Lectern. */
  async function openBaseline(fixture: string): Promise<Page> {
    const page = await base.newPage();
    await step(`baseline ${fixture}`, page.goto(base.server.url(`${fixture}/`), { waitUntil: 'load' }));
    return page;
  }

  async function openBoth(fixture: string): Promise<[Page, Page]> {
    return Promise.all([openWithCaptions(fixture), openBaseline(fixture)]);
  }

  /**
   * A tab with Lectern that records, from before the page is parsed, every
   * change made to it: attribute changes, lectern-* elements added, nodes
   * removed (the fixture pages run no script of their own, and the parser
   * only adds nodes). Returned once Lectern has given its verdict and the
   * page has been idle twice since (captions run at idle time).
   */
  async function openRecorded(path: string): Promise<Page> {
    const page = await s.newPage();
    await page.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { lecternTestChanges: string[] }).lecternTestChanges = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') seen.push(`${r.attributeName ?? ''} on ${(r.target as Element).localName}`);
          for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1 && (n as Element).localName.startsWith('lectern')) seen.push(`added ${n.nodeName}`);
          for (const n of Array.from(r.removedNodes)) seen.push(`removed ${n.nodeName}`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await step(`open ${path}`, page.goto(s.server.url(path), { waitUntil: 'load' }));
    await verdict(page);
    for (let i = 0; i < 2; i++) await page.evaluate(() => new Promise<boolean>((done) => requestIdleCallback(() => done(true), { timeout: 2000 })));
    return page;
  }

  const changesSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { lecternTestChanges: string[] }).lecternTestChanges);

  beforeAll(async () => {
    [s, base] = await Promise.all([startSession(name), startSession(name, { extension: false })]);
    // The skip link is another feature: off here, so that the captions' changes are the only ones on these pages.
    const page = await s.open('captions-demo-alt-repeated/');
    expect(await lecternElementCount(page)).toBe(1);
    await setSwitches(s, { '#pref-skipLink': false });
    await until('the skip link to go', async () => (await lecternElementCount(page)) === 0);
    await page.close();
  });
  afterEach(async () => {
    await Promise.all([s?.closePages(), base?.closePages()]);
  });
  afterAll(async () => {
    await Promise.all([s?.close(), base?.close()]);
  });

  it('has the caption fixtures and targets for every action', () => {
    expect(CAPTION_FIXTURES.length).toBeGreaterThanOrEqual(12);
    for (const action of ['expand', 'reveal-alt', 'dedupe', 'describe', 'enlarge']) expect(having(action).length, action).toBeGreaterThan(0);
  });

  it('heard once: a caption that repeats the alt is exposed once with Lectern, twice without; a revealed alt once', async () => {
    const targets = [...having('dedupe'), ...having('reveal-alt')];
    let checkedDedupe = 0;
    let checkedReveal = 0;
    for (const t of targets) {
      const [page, basePage] = await openBoth(t.fixture);
      const where = `${t.fixture} ${t.image}`;
      const alt = await basePage.$eval(t.image, (img) => img.getAttribute('alt') ?? '');
      // An image the page itself hides (a slide not shown) is heard by no one, with or without Lectern.
      if (!(await basePage.$eval(t.image, (img) => img.checkVisibility()))) continue;
      const dedupe = t.actions.includes('dedupe');
      // The caption's other words (a credit) must still be heard, as often as without Lectern.
      const captionWords = dedupe && t.caption ? words(await fullText(basePage, t.caption)) : '';
      const rest = captionWords.replace(words(alt), '').trim();

      if (name === 'chromium') {
        const [mine, theirs] = await Promise.all([heard(page), heard(basePage)]);
        expect(occurrences(theirs, alt), `${where}: heard without Lectern`).toBe(dedupe ? 2 : 1);
        expect(occurrences(mine, alt), `${where}: heard with Lectern`).toBe(1);
        if (rest) expect(occurrences(mine, rest), `${where}: the rest of the caption, "${rest}"`).toBe(occurrences(theirs, rest));
        // The one hearing is the image's own name.
        const image = await page.accessibility.snapshot({ root: await one(page, t.image), interestingOnly: false });
        expect({ role: image?.role, name: words(image?.name ?? '') }, where).toEqual({ role: 'image', name: words(alt) });
      } else {
        // Firefox: names from its accessibility engine, text from the DOM (see the top of the file).
        const [mineNamed, theirsNamed] = await Promise.all([namedExactly(page, alt), namedExactly(basePage, alt)]);
        const [mineText, theirsText] = t.caption
          ? await Promise.all([exposedText(page, t.caption), exposedText(basePage, t.caption)])
          : [await exposedText(page, ARTICLE[t.fixture] ?? 'body'), await exposedText(basePage, ARTICLE[t.fixture] ?? 'body')];
        const imageTag = await page.$eval(t.image, (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : ''));
        expect(mineNamed, `${where}: elements named by the alt with Lectern`).toEqual([imageTag]);
        const theirsCount = theirsNamed.length + occurrences([theirsText], alt);
        expect(theirsCount, `${where}: heard without Lectern (${JSON.stringify(theirsNamed)})`).toBeGreaterThanOrEqual(dedupe ? 2 : 1);
        expect(mineNamed.length + occurrences([mineText], alt), `${where}: heard with Lectern`).toBe(1);
        if (rest) expect(occurrences([mineText], rest), `${where}: the rest of the caption, "${rest}"`).toBe(occurrences([theirsText], rest));
      }
      if (dedupe) checkedDedupe++;
      else checkedReveal++;
      await Promise.all([page.close(), basePage.close()]);
    }
    // Every repeated caption is on a picture the page shows; only a revealed alt may be on a hidden slide.
    expect(checkedDedupe).toBe(having('dedupe').length);
    expect(checkedReveal).toBeGreaterThan(0);
  }, 180_000);

  it('expanded captions are shown in full, where the site hid, cut or overlaid them; a truncated copy is no longer shown', async () => {
    for (const t of having('expand')) {
      const [page, basePage] = await openBoth(t.fixture);
      const where = `${t.fixture} ${t.caption ?? ''}`;
      const caption = t.caption as string;
      const concealed = t.concealed ?? [];
      const [mine, theirs] = await Promise.all([
        drawn(await one(page, caption), await one(page, t.image), concealed),
        drawn(await one(basePage, caption), await one(basePage, t.image), concealed),
      ]);
      expect(theirs.cut.length, `${where}: the site hides, cuts or lays its caption over the picture (${JSON.stringify(theirs)})`).toBeGreaterThan(0);
      if (t.captionTallerThanImage) {
        const heights = await basePage.$eval(caption, (el) => ({ caption: el.scrollHeight, box: el.parentElement?.clientHeight ?? 0 }));
        expect(heights.caption, `${where}: taller than the picture's box without Lectern`).toBeGreaterThan(heights.box);
      }
      expect(mine.cut, `${where}: text still cut or hidden with Lectern`).toEqual([]);
      expect(words(mine.shown.join(' ')), `${where}: all of it`).toBe(words(await fullText(basePage, caption, concealed)));
      for (const copy of concealed) {
        const siteShows = (await drawn(await one(basePage, copy), null)).shown.length > 0;
        const inHiddenFull = await basePage.$eval(copy, (el, full: string[]) => full.some((f) => !!el.closest(f)), t.expanded ?? []);
        expect(siteShows || inHiddenFull, `${copy} is what the site shows, or a switch inside the full copy it hid`).toBe(true);
        expect((await drawn(await one(page, copy), null)).shown, `${copy} (a truncated copy, or a switch with nothing left to do) is hidden`).toEqual([]);
      }
      await Promise.all([page.close(), basePage.close()]);
    }
  }, 180_000);

  it('a credit in a one-line flex caption keeps its line once the text runs in full, instead of a column a word wide', async () => {
    const page = await openWithCaptions('captions-clamped-more');
    const credit = await page.$eval('.caption__credit', (el) => ({
      lines: Math.round(el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight)),
      text: el.textContent,
    }));
    expect(credit).toEqual({ lines: 1, text: 'Photo: Lea Dahl / Coast Weekly' });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/captions-clamped-more-${name}.png`, fullPage: true });
    await page.close();
  });

  it("a hidden slide's clamped caption, made larger, loses none of its words when the page shows the slide", async () => {
    const page = await openWithCaptions('captions-gallery-carousel');
    // Narrow: at the site's 14 px the caption fits its two lines; at Lectern's size it needs three.
    await page.setViewport({ width: 640, height: 800 });
    // The site shows slide 3, as its Next button would.
    const shown = await page.evaluate(() => {
      document.getElementById('slide-3-figure')!.closest<HTMLElement>('[hidden]')!.hidden = false;
      const caption = document.querySelector<HTMLElement>('#slide-3-figure figcaption')!;
      return { cut: caption.scrollHeight - caption.clientHeight, fontPx: Number.parseFloat(getComputedStyle(caption).fontSize) };
    });
    expect(shown.fontPx, 'at the caption size').toBeGreaterThanOrEqual(16);
    expect(shown.cut, 'caption text hidden below its last line, in px').toBeLessThanOrEqual(1);
    await page.close();
  });

  it('revealed alt text and enlarged captions are visible, in full, at least at the body text size', async () => {
    let revealed = 0;
    for (const t of having('reveal-alt')) {
      const page = await openWithCaptions(t.fixture);
      const where = `${t.fixture} ${t.image}`;
      const alt = await page.$eval(t.image, (img) => img.getAttribute('alt') ?? '');
      // The alt's caption comes right after the picture box.
      const shownAlt = (await (await one(page, t.revealedAfter as string)).evaluateHandle((el) => el.nextElementSibling)).asElement() as ElementHandle<Element> | null;
      expect(shownAlt, `${where}: something after the picture`).not.toBeNull();
      if (!shownAlt) continue;
      expect(words(await shownAlt.evaluate((el) => el.textContent ?? '')), where).toBe(words(alt));
      if (!(await page.$eval(t.image, (img) => img.checkVisibility()))) continue; // In a slide the page hides.
      const { shown, cut } = await drawn(shownAlt, await one(page, t.image));
      expect(cut, `${where}: alt caption cut or hidden`).toEqual([]);
      expect(words(shown.join(' ')), where).toBe(words(alt));
      const bodyPx = await bodyTextPx(page, ARTICLE[t.fixture] as string);
      expect(bodyPx, `${where}: body text size`).toBeGreaterThan(0);
      expect(await fontPx(shownAlt), `${where}: size`).toBeGreaterThanOrEqual(bodyPx - 0.05);
      revealed++;
      await page.close();
    }
    expect(revealed, 'revealed alt captions checked').toBeGreaterThan(0);

    let smallerWithout = 0;
    let enlarged = 0;
    for (const t of having('enlarge')) {
      const [page, basePage] = await openBoth(t.fixture);
      const caption = await one(page, t.caption as string);
      if (!(await caption.evaluate((el) => el.checkVisibility()))) continue;
      const bodyPx = await bodyTextPx(page, ARTICLE[t.fixture] as string);
      expect(bodyPx, `${t.fixture}: body text size`).toBeGreaterThan(0);
      const sitePx = await fontPx(await one(basePage, t.caption as string));
      if (sitePx < bodyPx) smallerWithout++;
      expect(await fontPx(caption), `${t.fixture} ${t.caption ?? ''}: size`).toBeGreaterThanOrEqual(bodyPx - 0.05);
      // The body text's size, not a larger standfirst's; a caption the site set larger keeps its size.
      expect(await fontPx(caption), `${t.fixture} ${t.caption ?? ''}: size`).toBeLessThanOrEqual(Math.max(sitePx, bodyPx) + 0.05);
      // Every part of it that holds words (a credit the site sets smaller still), not only the caption's box,
      // and a credit set apart beside it.
      const credit = t.credit ? await page.$(t.credit) : null;
      const parts = await caption.evaluate((el, apart) =>
        [el, ...Array.from(el.querySelectorAll('*')), ...(apart && !el.contains(apart) ? [apart, ...Array.from(apart.querySelectorAll('*'))] : [])]
          .filter((part) => part.checkVisibility() && Array.from(part.childNodes).some((n) => n.nodeType === 3 && (n.nodeValue ?? '').trim() !== ''))
          .map((part) => {
            // Contrast of the part's text with the first opaque background behind it (white where none is painted).
            const channels = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).map(Number);
            let behind = 'rgb(255, 255, 255)';
            for (let box: Element | null = part; box; box = box.parentElement) {
              const bg = getComputedStyle(box).backgroundColor;
              if ((channels(bg)[3] ?? 1) >= 0.95) {
                behind = bg;
                break;
              }
            }
            const luminance = (css: string): number =>
              channels(css)
                .slice(0, 3)
                .map((c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
                .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
            const [hi, lo] = [luminance(getComputedStyle(part).color), luminance(behind)].sort((a, b) => b - a) as [number, number];
            return { text: (part.textContent ?? '').trim().slice(0, 40), px: Number.parseFloat(getComputedStyle(part).fontSize), contrast: (hi + 0.05) / (lo + 0.05) };
          }),
        credit,
      );
      for (const part of parts) {
        expect(part.px, `${t.fixture}: "${part.text}"`).toBeGreaterThanOrEqual(bodyPx - 0.05);
        expect(part.contrast, `${t.fixture}: "${part.text}" contrast`).toBeGreaterThanOrEqual(4.5);
      }
      enlarged++;
      await Promise.all([page.close(), basePage.close()]);
    }
    expect(enlarged).toBeGreaterThan(0);
    expect(smallerWithout, 'captions smaller than the body text without Lectern').toBeGreaterThan(0);
  }, 180_000);

  it('a caption that is not a figcaption becomes the description of its image', async () => {
    for (const t of having('describe')) {
      const [page, basePage] = await openBoth(t.fixture);
      const where = `${t.fixture} ${t.image}`;
      const parts: string[] = [];
      for (const sel of t.describedBy ?? []) parts.push(await page.$eval(sel, (el) => (el as HTMLElement).innerText));
      const wanted = words(parts.join(' '));
      expect(wanted, where).not.toBe('');
      if (name === 'chromium') {
        const [mine, theirs] = await Promise.all([
          page.accessibility.snapshot({ root: await one(page, t.image), interestingOnly: false }),
          basePage.accessibility.snapshot({ root: await one(basePage, t.image), interestingOnly: false }),
        ]);
        expect(words(theirs?.description ?? ''), `${where}: described without Lectern`).toBe('');
        expect(words(mine?.description ?? ''), `${where}: the image's description`).toBe(wanted);
      } else {
        // Firefox: BiDi offers no descriptions; the references in the DOM, and the text they name.
        const described = (p: Page): Promise<string> =>
          p.$eval(t.image, (img) =>
            (img.getAttribute('aria-describedby') ?? '')
              .split(/\s+/)
              .filter(Boolean)
              .map((id) => (document.getElementById(id) as HTMLElement | null)?.innerText ?? '')
              .join(' '),
          );
        expect(words(await described(basePage)), `${where}: described without Lectern`).toBe('');
        expect(words(await described(page)), `${where}: the image's description`).toBe(wanted);
      }
      await Promise.all([page.close(), basePage.close()]);
    }
  }, 180_000);

  it('screenshots of the demo without and with Lectern', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [page, basePage] = await openBoth('demo');
    for (const p of [page, basePage]) {
      await p.setViewport({ width: 1100, height: 900 });
      await until('the photo to load', () => p.evaluate(() => Array.from(document.images).every((img) => img.complete)));
    }
    await basePage.screenshot({ path: `${SHOTS}/captions-demo-before-${name}.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/captions-demo-after-${name}.png`, fullPage: true });
  });

  /**
   * With captions on and after they are switched off, in the same tabs:
   * every axe violation on a page with captions on must be there with them
   * off too (same rule, same node).
   */
  it('axe finds no violation with captions on that is not there with them off', async () => {
    const pages: [string, Page, Page][] = [];
    for (const fixture of PAGES) pages.push([fixture, ...(await openBoth(fixture))]);
    const on = new Map<string, Finding[]>();
    for (const [fixture, page] of pages) on.set(fixture, await step(`axe on ${fixture}`, violations(page), 60_000));
    try {
      await setSwitches(s, { '#pref-captions': false });
      for (const [fixture, page, basePage] of pages) {
        const expected = await html(basePage);
        const landmark = fixture === 'demo';
        await until(`captions undone on ${fixture}`, async () => {
          const now = await html(page);
          return (landmark ? now.replace(' role="main"', '') : now) === expected;
        });
        const off = await step(`axe off ${fixture}`, violations(page), 60_000);
        const fresh = (on.get(fixture) ?? []).filter((f) => !off.some((o) => o.rule === f.rule && o.key === f.key));
        expect(fresh, `new violations on ${fixture} with captions on`).toEqual([]);
        expect(fresh.concat(off).filter((f) => f.key.startsWith('unresolved:')), 'axe targets we could not find again').toEqual([]);
      }
    } finally {
      await setSwitches(s, { '#pref-captions': true });
    }
  }, 600_000);

  it('turning captions off restores every page exactly, with no reload; on again, they come back', async () => {
    const pages: [string, Page, Page][] = [];
    for (const fixture of PAGES) pages.push([fixture, ...(await openBoth(fixture))]);
    const before = new Map<string, string>();
    for (const [fixture, page, basePage] of pages) {
      const expected = await html(basePage);
      before.set(fixture, expected);
      expect((await html(page)) !== expected, `${fixture}: Lectern changed the page`).toBe(true);
    }
    const loads = (): number => s.pageRequests.filter((r) => r.navigation && PAGES.some((f) => r.url === s.server.url(`${f}/`))).length;
    const navigations = loads();
    try {
      await setSwitches(s, { '#pref-captions': false });
      for (const [fixture, page] of pages) {
        const expected = before.get(fixture) as string;
        // The demo has no <main>: the article landmark is the skip-link feature's, and
        // stays until Lectern is off for the site (below). Nothing else may differ.
        const landmark = fixture === 'demo';
        const now = await until(`captions undone on ${fixture}`, async () => {
          const current = await html(page);
          return (landmark ? current.replace(' role="main"', '') : current) === expected ? current : null;
        }).catch(async () => html(page));
        if (landmark) expect(now.split(' role="main"').length, `${fixture}: one landmark attribute`).toBe(expected.split(' role="main"').length + 1);
        expect(difference(landmark ? now.replace(' role="main"', '') : now, expected), fixture).toBe('');
      }

      // A page opened while captions are off is never touched by them, not even before the preferences are read.
      const late = await openRecorded('captions-demo-alt-repeated/index.html');
      expect(await changesSeen(late), 'changes to a page opened with captions off').toEqual([]);
      expect(await captionRuns(late), 'captions ran on a page opened with captions off').toBe(0);
      await late.close();

      await setSwitches(s, { '#site-disabled': true });
      for (const [fixture, page] of pages) {
        const expected = before.get(fixture) as string;
        const now = await until(`Lectern gone from ${fixture}`, async () => ((await html(page)) === expected ? expected : null)).catch(async () => html(page));
        expect(difference(now, expected), `${fixture} with Lectern off for the site`).toBe('');
      }
      // With Lectern off for the site, a page opened now is never touched, not for a moment; its article is still found.
      const lateDemo = await openRecorded('demo/index.html');
      expect(await changesSeen(lateDemo), 'changes to a page opened with Lectern off for the site').toEqual([]);
      expect(await verdict(lateDemo)).toBe('article');
      await lateDemo.close();
    } finally {
      await setSwitches(s, { '#site-disabled': false, '#pref-captions': true });
    }
    for (const [fixture, page] of pages) {
      const runs = await until(`captions back on ${fixture}`, async () => {
        const n = await captionRuns(page);
        return n > 1 && (await html(page)) !== before.get(fixture) ? n : 0;
      });
      expect(runs).toBeGreaterThan(1);
    }
    expect(loads(), 'no page was reloaded').toBe(navigations);
  }, 300_000);

  it('raised no errors from Lectern', () => {
    expect(lecternProblems(s)).toEqual([]);
  });

  it('made no network request of its own', () => {
    expectNoExtensionTraffic(s);
  });
});
