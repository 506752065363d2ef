/**
 * The popup, the options page and the reader in the UI's own language and
 * direction, at 100% and at 200% text size: nothing is cut off, nothing
 * sticks out of its box or the window, no text lies on other text; in
 * Arabic the pages are lang=ar dir=rtl and mirrored (start is on the
 * right: headings, checkboxes, the reader's close button at the inline
 * end), while the reader's English article stays left to right; and axe
 * finds nothing. Screenshots go to /tmp/lectern-shots/rtl-*.png (and
 * ltr-*.png for comparison, fr-, it-, es- and ptbr-*.png for the other languages; Firefox's as
 * rtl-firefox-*.png) for a person to look at.
 *
 * 200% text is the person's browser text size (WCAG 1.4.4 "resize text"),
 * not zoom: the browser's default font size at 32 px instead of 16, as
 * Chromium's Settings > Appearance > Font size (Firefox's Settings > Fonts)
 * sets it, in the profile the browser starts with (LaunchOptions.textSize). Zoom scales every pixel, which no
 * layout can fail; text size grows only what is sized in rem and em, which
 * is what this test is for. Each page's 1rem is checked to have doubled.
 * The reader's article has its own text-size preference (in px): at 200%
 * it is set to twice its default.
 *
 * The popup is the popup page in a tab at the real popup's size: a popup
 * is as wide as its body (and its scrollbar), at most 800 x 600 (a real
 * popup closes as soon as anything else takes focus; popup.e2e.ts opens
 * one in Chromium).
 *
 * Firefox sizes a popup to its content too, at most 800 x 600, so the
 * popup part holds there as well.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTabId, toggleReaderInTab } from './support/extension-pages';
import { browsersUnderTest, findReaderFrame, lecternProblems, openExtensionPage, readerHosts, startSession, until, type Session } from './support/harness';

const SHOTS = '/tmp/lectern-shots';

/**
 * English, Arabic (right to left), and every other language Lectern
 * speaks at 200% text, where long words and sentences would break out of
 * their boxes first. French has the longest sentences, and no-break spaces
 * that keep a word and its colon or quote marks on one line. `words` is
 * the language of Lectern's own words there: Spanish for a browser in
 * Spain's Spanish.
 */
const LOCALES = [
  { locale: 'en', words: 'en', dir: 'ltr', shots: 'ltr', sizes: [100, 200] },
  { locale: 'ar', words: 'ar', dir: 'rtl', shots: 'rtl', sizes: [100, 200] },
  { locale: 'fr', words: 'fr', dir: 'ltr', shots: 'fr', sizes: [200] },
  { locale: 'it', words: 'it', dir: 'ltr', shots: 'it', sizes: [200] },
  { locale: 'es-ES', words: 'es', dir: 'ltr', shots: 'es', sizes: [200] },
  { locale: 'pt-BR', words: 'pt-BR', dir: 'ltr', shots: 'ptbr', sizes: [200] },
] as const;

/** The browsers' default font size (Chromium's "medium"), which is 1rem on every page. */
const DEFAULT_FONT_PX = 16;

type Side = 'left' | 'right';

interface Audit {
  problems: string[];
  /** The root element's font size in px: what the text-size setting made of 1rem. */
  rootFontSize: number;
  viewport: { width: number; height: number };
}

/**
 * Everything on the page (or under `scope`) that a person could not read
 * or reach in full. Runs in the page: no named inner functions (see the
 * harness).
 */
function auditLayout(scope: string | null): Audit {
  const problems: string[] = [];
  const root = document.documentElement;
  const vw = root.clientWidth;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the document scrolls sideways (${root.scrollWidth} > ${root.clientWidth} px)`);
  const top = (scope ? document.querySelector(scope) : document.body) as HTMLElement;
  const elements: Element[] = [top, ...Array.from(top.querySelectorAll('*'))];
  const names = new Map<Node, string>();
  for (const el of elements) {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    names.set(el, `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`);
  }
  // The article's own wide tables and code scroll sideways on purpose (reader.css).
  const intendedScrollers = Array.from(document.querySelectorAll('.article-body *')).filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowX));

  // Boxes that text must not lie on: form controls and buttons.
  const boxes: { owner: Node; rect: DOMRect; name: string }[] = [];
  for (const el of elements) {
    if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) continue;
    if (intendedScrollers.some((s) => s.contains(el) && s !== el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden') continue;
    const name = names.get(el) ?? el.tagName;
    const r = el.getBoundingClientRect();
    // Outside the window sideways: in a right-to-left page, what sticks out on the right cannot be scrolled to at all.
    if (r.width > 0 && (r.left < -1 || r.right > vw + 1)) problems.push(`${name} is outside the window sideways (${Math.round(r.left)}..${Math.round(r.right)} of ${vw} px)`);
    const control = /^(INPUT|SELECT|TEXTAREA|OPTION|OPTGROUP)$/.test(el.tagName);
    if (/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName)) boxes.push({ owner: el, rect: r, name });
    if (!control && el.clientWidth > 0 && !intendedScrollers.includes(el)) {
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = clips && el.scrollHeight > el.clientHeight + 1;
      if (wide || tall) {
        problems.push(
          `${name} ${clips ? `clips its content (overflow ${style.overflowX} ${style.overflowY})` : 'has content sticking out'}: ` +
            `${el.scrollWidth} x ${el.scrollHeight} in ${el.clientWidth} x ${el.clientHeight} px`,
        );
      }
    }
    if (el instanceof HTMLSelectElement && el.selectedIndex >= 0 && el.parentElement) {
      // The chosen option must fit: the same select holding only that option, at its own width, is what it needs.
      const chosen = (el.options[el.selectedIndex] as HTMLOptionElement).text;
      const probe = el.cloneNode(false) as HTMLSelectElement;
      probe.removeAttribute('id');
      probe.removeAttribute('name');
      probe.setAttribute('aria-hidden', 'true');
      probe.append(new Option(chosen));
      probe.style.cssText = 'position:absolute;visibility:hidden;display:inline-block;inline-size:auto;min-inline-size:0;max-inline-size:none';
      el.parentElement.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      if (r.width + 1 < needed) problems.push(`${name} is too narrow for "${chosen}" (${Math.round(r.width)} < ${Math.round(needed)} px)`);
    }
  }

  // Text: inside its box and the window, and never on other text or a control.
  const rem = parseFloat(getComputedStyle(root).fontSize);
  const texts: { owner: Node; rect: DOMRect; name: string }[] = [];
  const walker = document.createTreeWalker(top, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('select, script, style, template, noscript, title')) continue;
    if (intendedScrollers.some((s) => s.contains(parent))) continue;
    let box: HTMLElement = parent;
    while (box.parentElement && /^(inline|contents)$/.test(getComputedStyle(box).display)) box = box.parentElement;
    const b = box.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(parent).fontSize);
    const slack = Math.max(2, 0.25 * size);
    const range = document.createRange();
    range.selectNodeContents(node);
    const label = `"${text.slice(0, 40)}" (in ${names.get(parent) ?? parent.tagName})`;
    // The smallest text here is a hint at 0.85rem: smaller text was sized in px and ignores the person's text size.
    if (size < 0.75 * rem - 0.5 && range.getClientRects().length > 0) problems.push(`${label} is ${size}px, under 0.75rem (${rem}px): it does not follow the text size`);
    for (const rect of Array.from(range.getClientRects())) {
      if (rect.width < 1 || rect.height < 1) continue;
      if (rect.left < b.left - 1 || rect.right > b.right + 1) problems.push(`${label} sticks out of ${names.get(box) ?? box.tagName} sideways`);
      if (rect.top < b.top - slack || rect.bottom > b.bottom + slack) problems.push(`${label} sticks out of ${names.get(box) ?? box.tagName} at the top or bottom`);
      if (rect.left < -1 || rect.right > vw + 1) problems.push(`${label} is outside the window sideways`);
      texts.push({ owner: node, rect, name: label });
    }
  }
  const others = [...texts, ...boxes];
  for (const a of texts) {
    for (const o of others) {
      if (a === o || a.owner === o.owner || o.owner.contains(a.owner) || a.owner.contains(o.owner)) continue;
      const across = Math.min(a.rect.right, o.rect.right) - Math.max(a.rect.left, o.rect.left);
      const down = Math.min(a.rect.bottom, o.rect.bottom) - Math.max(a.rect.top, o.rect.top);
      // Line boxes of neighbouring lines may touch; text on text covers a good part of a line's height.
      if (across > 2 && down > 0.3 * Math.min(a.rect.height, o.rect.height)) {
        // Each pair once.
        if (texts.includes(o) && texts.indexOf(o) < texts.indexOf(a)) continue;
        problems.push(`${a.name} overlaps ${o.name}`);
      }
    }
  }
  return { problems: problems.slice(0, 40), rootFontSize: parseFloat(getComputedStyle(root).fontSize), viewport: { width: vw, height: root.clientHeight } };
}

interface PageLocale {
  lang: string;
  dir: string;
  direction: string;
}

function pageLocale(): PageLocale {
  return { lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.documentElement).direction };
}

/**
 * Where things sit, as physical sides, for the selectors asked about:
 * - `text`: the side of its box that the element's text (its last line) hugs: start-aligned text hugs the start;
 * - `inBox`: the side of the given container that the element is nearer to;
 * - `before`: the side on which the first element is, next to the second;
 * - `digitsFirst`: whether a "20 px" value reads number-then-unit from left to right.
 */
interface SideQuery {
  text?: string[];
  inBox?: [string, string][];
  before?: [string, string][];
  digitsFirst?: string[];
}

function sidesOf(query: SideQuery): Record<string, Side | boolean | null> {
  const out: Record<string, Side | boolean | null> = {};
  for (const sel of query.text ?? []) {
    const el = document.querySelector(sel);
    if (!el) {
      out[`text ${sel}`] = null;
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(el);
    // The last line: a full first line of wrapped text hugs both sides.
    const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    const t = lines[lines.length - 1] ?? range.getBoundingClientRect();
    const b = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const leftGap = t.left - (b.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft));
    const rightGap = b.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight) - t.right;
    out[`text ${sel}`] = leftGap < rightGap ? 'left' : 'right';
  }
  for (const [sel, boxSel] of query.inBox ?? []) {
    const el = document.querySelector(sel);
    const box = document.querySelector(boxSel);
    if (!el || !box) {
      out[`${sel} in ${boxSel}`] = null;
      continue;
    }
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    out[`${sel} in ${boxSel}`] = r.left - b.left < b.right - r.right ? 'left' : 'right';
  }
  for (const [sel, otherSel] of query.before ?? []) {
    const el = document.querySelector(sel);
    const other = document.querySelector(otherSel);
    if (!el || !other) {
      out[`${sel} beside ${otherSel}`] = null;
      continue;
    }
    out[`${sel} beside ${otherSel}`] = el.getBoundingClientRect().right <= other.getBoundingClientRect().left + 1 ? 'left' : 'right';
  }
  for (const sel of query.digitsFirst ?? []) {
    const el = document.querySelector(sel);
    const node = el?.firstChild;
    const text = node?.textContent ?? '';
    const split = text.search(/[^\d.,\s]/);
    if (!node || split <= 0) {
      out[`digits first ${sel}`] = null;
      continue;
    }
    const digits = document.createRange();
    digits.setStart(node, 0);
    digits.setEnd(node, split);
    const unit = document.createRange();
    unit.setStart(node, split);
    unit.setEnd(node, text.length);
    out[`digits first ${sel}`] = digits.getBoundingClientRect().left < unit.getBoundingClientRect().left;
  }
  return out;
}

function sides(target: Page | Frame, query: SideQuery): Promise<Record<string, Side | boolean | null>> {
  return target.evaluate(sidesOf, query);
}

async function expectNoAxeViolations(target: Page | Frame, what: string): Promise<void> {
  const results = await new AxePuppeteer(target).analyze();
  expect(results.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const cases = browsersUnderTest().flatMap((name) =>
  LOCALES.flatMap(({ locale, words, dir, shots, sizes }) => sizes.map((percent) => ({ name, locale, words, dir, shots, percent }))),
);

describe.each(cases)('layout in $name, UI in $locale, $percent% text', ({ name, locale, words, dir, shots, percent }) => {
  const start: Side = dir === 'rtl' ? 'right' : 'left';
  const end: Side = dir === 'rtl' ? 'left' : 'right';
  const shot = (what: string): string => `${SHOTS}/${shots}-${name === 'chromium' ? '' : `${name}-`}${what}${percent === 100 ? '' : `-${percent}`}.png`;
  // The language of the words shown; 'en' may come out as en-US, 'es' as es-ES: the browser's own locale for it.
  const langPattern = new RegExp(`^${words}(-|$)`);
  const lang = expect.stringMatching(langPattern);
  let s: Session;
  let article: Page;
  let tabId = 0;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const pack = name === 'chromium' ? 'chromium-l10n' : `firefox-esr-l10n-${locale.toLowerCase()}`;
    // The browser must really run in this language: Debian's browsers know only English without their language
    // packs. Once in a full run on a busy machine (es-ES, Chromium), a browser started with the language set
    // gave its extension pages English all the same, where every run alone gave Spanish: such a browser is
    // started again, once, and the language is then required.
    for (let attempt = 1; ; attempt++) {
      s = await startSession(name, { locale, textSize: percent });
      article = await s.open('demo/');
      const finder = await openExtensionPage(s, 'src/options/options.html');
      // The tab whose content script reported from the fixture server, as the popup would ask.
      tabId = await articleTabId(finder);
      const seen = await finder.evaluate(pageLocale);
      await finder.close();
      if (langPattern.test(seen.lang) || attempt === 2) {
        expect(seen, `the options page's language with the browser in ${locale} (is ${pack} installed?)`).toEqual({ lang, dir, direction: dir });
        break;
      }
      console.warn(`${name} started in ${seen.lang}, not ${locale}: starting it again`);
      await s.close();
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The text really is at `percent`: 1rem is the default font size times that. */
  function expectTextSize(what: string, audit: Audit): void {
    expect(audit.rootFontSize, `${what}: 1rem at ${percent}% text`).toBe((DEFAULT_FONT_PX * percent) / 100);
  }

  it('the skip link speaks the UI language and sits at its start corner', async () => {
    // A page without a working skip link of its own, so Lectern adds one.
    const page = await s.open('article-jsonld/');
    await page.bringToFront();
    await page.keyboard.press('Tab');
    const link = await until('the skip link to have focus and show', () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const focused = host?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        if (!focused || host?.tagName.toLowerCase() !== 'lectern-skip-link') return null;
        const box = focused.getBoundingClientRect();
        if (box.width < 10) return null;
        return { lang: focused.lang, dir: focused.dir, left: box.left, right: window.innerWidth - box.right, pageLang: document.documentElement.lang };
      }),
    );
    expect(link).toMatchObject({ lang, dir, pageLang: 'en' });
    // Within 40 px of the start corner's edge, far from the other.
    const [near, far] = dir === 'rtl' ? [link.right, link.left] : [link.left, link.right];
    expect(near, 'distance from the start edge').toBeLessThan(40);
    expect(far, 'distance from the end edge').toBeGreaterThan(near);
    await page.close();
  });

  it('the popup at its real size: lang/dir, mirrored, nothing cut off', async () => {
    const popup = await openExtensionPage(s, `src/popup/popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 800, height: 600 });
    // A popup is as wide as its content wants, at most 800 x 600: the body,
    // plus the vertical scrollbar when it is taller than that (both browsers
    // size it so; Chromium's headless scrollbars take no room).
    const width = await popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().width) + (window.innerWidth - document.documentElement.clientWidth));
    await popup.setViewport({ width: Math.min(800, width), height: 600 });

    expect(await popup.evaluate(pageLocale)).toEqual({ lang, dir, direction: dir });
    const audit = await popup.evaluate(auditLayout, null);
    expectTextSize('popup', audit);
    await popup.screenshot({ path: shot('popup'), fullPage: true });
    expect(audit.problems, `popup, ${locale}, ${percent}% text, ${audit.viewport.width} px wide`).toEqual([]);

    expect(
      await sides(popup, {
        text: ['h1', '#page-status', '#page-heading'],
        inBox: [
          ['label[for="pref-fontSize"]', '.field-range:has(#pref-fontSize)'],
          ['#reader-toggle', '#main'],
          ['.site legend', '.site'],
          ['output[for="pref-fontSize"]', '#pref-fontSize'],
        ],
        before: [['#site-skipLink', 'label[for="site-skipLink"]']],
        digitsFirst: ['output[for="pref-fontSize"]'],
      }),
    ).toEqual({
      'text h1': start,
      'text #page-status': start,
      'text #page-heading': start,
      'label[for="pref-fontSize"] in .field-range:has(#pref-fontSize)': start,
      '#reader-toggle in #main': start,
      '.site legend in .site': start,
      // The value sits at the end of its slider's label line.
      'output[for="pref-fontSize"] in #pref-fontSize': end,
      // A checkbox comes before its label.
      '#site-skipLink beside label[for="site-skipLink"]': start,
      'digits first output[for="pref-fontSize"]': true,
    });
    // Sliders run the way the text does: in Arabic the smallest value is on the right.
    expect(await popup.$eval('#pref-fontSize', (el) => getComputedStyle(el).direction)).toBe(dir);

    await expectNoAxeViolations(popup, `popup (${locale})`);
    await popup.close();
  });

  it('the options page: lang/dir, mirrored, nothing cut off', async () => {
    const options = await openExtensionPage(s, 'src/options/options.html');
    await options.setViewport({ width: 1000, height: 800 });

    expect(await options.evaluate(pageLocale)).toEqual({ lang, dir, direction: dir });
    const audit = await options.evaluate(auditLayout, null);
    expectTextSize('options', audit);
    await options.screenshot({ path: shot('options'), fullPage: true });
    expect(audit.problems, `options, ${locale}, ${percent}% text`).toEqual([]);
    expect(
      await sides(options, {
        text: ['h1', '.intro', '#prefs-heading'],
        inBox: [['.group-appearance legend', '.group-appearance']],
        before: [['#pref-showImages', 'label[for="pref-showImages"]']],
        digitsFirst: ['output[for="pref-lineHeight"]', 'output[for="pref-contentWidth"]'],
      }),
    ).toEqual({
      'text h1': start,
      'text .intro': start,
      'text #prefs-heading': start,
      '.group-appearance legend in .group-appearance': start,
      '#pref-showImages beside label[for="pref-showImages"]': start,
      // "1.6" has no unit to order.
      'digits first output[for="pref-lineHeight"]': null,
      'digits first output[for="pref-contentWidth"]': true,
    });
    await expectNoAxeViolations(options, `options (${locale})`);
    await options.close();
  });

  it('the reader on the demo article: toolbar in the UI direction, article in its own, nothing cut off', async () => {
    await article.bringToFront();
    await article.setViewport({ width: 1000, height: 800 });
    // The popup's way in and out: 'toggle-reader-in-tab' from an extension page.
    const opener = await openExtensionPage(s, 'src/options/options.html');
    const toggle = (): Promise<unknown> => toggleReaderInTab(opener, tabId);
    expect(await toggle()).toEqual({ readerOpen: true });
    await article.bringToFront();
    const frame = await findReaderFrame(s, article, ['article']);
    // The article's size is the reader's own preference (px): at 200%, twice its default.
    const articlePx = percent === 100 ? 20 : 40;
    await frame.$eval('input[name="fontSize"]', (el, px) => {
      const input = el as HTMLInputElement;
      input.value = String(px);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, articlePx);
    await until(`the article text at ${articlePx}px`, () => frame.evaluate((px) => getComputedStyle(document.body).fontSize === `${px}px`, articlePx));
    // Open the spacing sliders too: they must fit as well.
    await frame.$eval('details.more', (el) => ((el as HTMLDetailsElement).open = true));

    expect(await frame.evaluate(pageLocale)).toEqual({ lang, dir, direction: dir });
    const audit = await frame.evaluate(auditLayout, null);
    expectTextSize('reader', audit);
    await article.screenshot({ path: shot('reader') });
    expect(audit.problems, `reader, ${locale}, ${percent}% text`).toEqual([]);
    // A phone's width (WCAG 1.4.10's 320 px) with this text size: the toolbar's controls keep to the window.
    await article.setViewport({ width: 320, height: 640 });
    const narrow = await frame.evaluate(() => {
      const root = document.documentElement;
      const wide = Array.from(document.querySelectorAll('.toolbar select, .toolbar input, .toolbar button'))
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 || el.getBoundingClientRect().left < -1)
        .map((el) => el.getAttribute('name') ?? el.className);
      return { sideways: root.scrollWidth - root.clientWidth, wide };
    });
    await article.screenshot({ path: shot('reader-320') });
    expect(narrow, `reader at 320 px, ${locale}, ${percent}% text`).toEqual({ sideways: 0, wide: [] });
    await article.setViewport({ width: 1000, height: 800 });

    expect(
      await sides(frame, {
        inBox: [
          ['.toolbar .close', '.toolbar'],
          ['.toolbar .field', '.toolbar'],
        ],
        text: ['summary'],
        digitsFirst: ['.toolbar output'],
      }),
    ).toEqual({
      // The close button at the toolbar's inline end (on a line of its own when the toolbar wraps), the settings at its start.
      '.toolbar .close in .toolbar': end,
      '.toolbar .field in .toolbar': start,
      // The disclosure triangle is at the summary's start, so its text hugs the end.
      'text summary': end,
      'digits first .toolbar output': true,
    });
    // The demo article is English: it keeps its own language and direction under an Arabic toolbar.
    expect(
      await frame.evaluate(() => {
        const art = document.querySelector('article.article') as HTMLElement;
        const title = document.getElementById('reader-title') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(title);
        const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0);
        const text = lines[lines.length - 1] ?? range.getBoundingClientRect();
        const box = title.getBoundingClientRect();
        const time = document.querySelector('.reading-time') as HTMLElement;
        return {
          lang: art.lang,
          direction: getComputedStyle(art).direction,
          titleSide: text.left - box.left < box.right - text.right ? 'left' : 'right',
          readingTime: { lang: time.lang, direction: getComputedStyle(time).direction },
        };
      }),
    ).toEqual({ lang: 'en', direction: 'ltr', titleSide: 'left', readingTime: { lang, direction: dir } });

    await expectNoAxeViolations(frame, `reader (${locale})`);

    expect(await toggle()).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await readerHosts(article)) === 0);
    await opener.close();
  });

  it('raised no errors from Lectern', () => {
    expect(lecternProblems(s)).toEqual([]);
  });
});
