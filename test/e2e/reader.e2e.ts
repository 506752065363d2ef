/**
 * The reader view in the real browsers: opened through the popup's path
 * (an extension page sends 'toggle-reader-in-tab'; the content script hands
 * it to the background, which injects the reader bundle) and, in Chromium,
 * through the handler of the keyboard command and context menu
 * (lecternToggleReader in the service worker). Checks the article, focus,
 * a live preference change, closing with Escape (page as it was), the
 * no-article message, and the XSS fixture. axe in every theme, on every
 * fixture: reader-axe.e2e.ts.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newestTabId, setSwitches, toggleReaderInNewestTab } from './support/extension-pages';
import { FIXTURES_DIR } from './support/server';
import {
  browsersUnderTest,
  extensionDir,
  findReaderFrame,
  inputThatClosesItsFrame,
  lecternProblems,
  openExtensionPage,
  restartServiceWorker,
  serviceWorker,
  startSession,
  step,
  suggestedShortcuts,
  until,
  type Session,
} from './support/harness';
import { skipToHeadline } from './support/skip-flow';

const DEMO_HEADLINE = 'US Confirms Talks with Militant Haqqani Network';
const SHOTS = '/tmp/lectern-shots';

describe.each(browsersUnderTest())('reader view in %s', (name) => {
  let s: Session;
  let ext: Page;
  beforeAll(async () => {
    // Made here too: this file may run alone, before any other has made it.
    mkdirSync(SHOTS, { recursive: true });
    s = await startSession(name);
    // An extension page to send messages from, as the popup does. Not the popup itself: open, it gets the
    // active tab's reader ready, hidden, and the tests' pages would hold a reader they did not open.
    ext = await openExtensionPage(s, 'src/options/options.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  /**
   * The reader's frame, once its page has rendered. Found by its document's
   * own location, not by Frame.url(): Firefox's WebDriver BiDi sends no
   * load events for a frame whose document is an extension page (it skips
   * extension documents, bug 1755014), so puppeteer never learns that
   * frame's URL and reports it as about:blank for good.
   */
  const readerFrame = (page: Page): Promise<Frame> => findReaderFrame(s, page);
  /** Opens the reader on `page` as the popup's button does, and gives its frame once it shows. */
  async function openReaderOn(page: Page): Promise<Frame> {
    expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: true });
    await page.bringToFront();
    return readerFrame(page);
  }

  const pageState = (page: Page) =>
    page.evaluate(() => ({
      scrollY: Math.round(window.scrollY),
      inert: Array.from(document.querySelectorAll('[inert]')).map((el) => el.tagName),
      hosts: document.getElementsByTagName('lectern-reader').length,
      active: document.activeElement?.id ?? '',
      // The page's own scrollbar: none beside the reader's while it is open.
      scrollbar: window.innerWidth - document.documentElement.clientWidth,
      rootStyle: document.documentElement.getAttribute('style'),
      typed: (document.getElementById('lectern-test-input') as HTMLInputElement | null)?.value ?? null,
      // Whether the page's sound is still playing (its position moves on, so only that it plays is compared).
      playing: (() => {
        const audio = document.getElementById('lectern-test-audio') as HTMLAudioElement | null;
        return audio ? !audio.paused && !audio.ended : null;
      })(),
    }));

  it('demo: opens over the page with the article and focus on its title; a theme change applies live; Escape restores the page', async () => {
    const page = await s.open('demo/');
    await page.setViewport({ width: 1000, height: 800 });
    // Page state to keep: a scroll position, a focused control with typed text.
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'lectern-test-input';
      input.setAttribute('aria-label', 'test');
      document.body.append(input);
      input.value = 'typed by the reader';
      input.focus({ preventScroll: true });
      window.scrollTo(0, 400);
    });
    // And its media: a (muted, so it may play without a gesture) sound, looping, made here as a WAV of silence.
    await page.evaluate(async () => {
      const rate = 8000;
      const samples = rate; // one second, 8-bit mono
      const wav = new DataView(new ArrayBuffer(44 + samples));
      const text = (at: number, s: string) => [...s].forEach((c, i) => wav.setUint8(at + i, c.charCodeAt(0)));
      text(0, 'RIFF'); wav.setUint32(4, 36 + samples, true); text(8, 'WAVEfmt ');
      wav.setUint32(16, 16, true); wav.setUint16(20, 1, true); wav.setUint16(22, 1, true);
      wav.setUint32(24, rate, true); wav.setUint32(28, rate, true); wav.setUint16(32, 1, true); wav.setUint16(34, 8, true);
      text(36, 'data'); wav.setUint32(40, samples, true);
      for (let i = 0; i < samples; i++) wav.setUint8(44 + i, 128);
      const audio = document.createElement('audio');
      audio.id = 'lectern-test-audio';
      audio.muted = true;
      audio.loop = true;
      audio.src = URL.createObjectURL(new Blob([wav.buffer], { type: 'audio/wav' }));
      document.body.append(audio);
      await audio.play();
    });
    const before = await pageState(page);
    expect(before).toMatchObject({ scrollY: 400, inert: [], hosts: 0, active: 'lectern-test-input', playing: true, rootStyle: null });
    // Headless Chromium draws overlay scrollbars, which take no room; Firefox draws one beside the page.
    if (name === 'firefox') expect(before.scrollbar, 'the page has a scrollbar of its own').toBeGreaterThan(0);

    const reply = await toggleReaderInNewestTab(ext);
    expect(reply).toEqual({ readerOpen: true });
    await page.bringToFront();
    const frame = await readerFrame(page);
    const shown = await frame.evaluate(() => ({
      title: document.getElementById('reader-title')?.textContent,
      paragraphs: document.querySelectorAll('.article-body p').length,
      focused: document.activeElement?.id,
      lang: document.querySelector('article')?.getAttribute('lang'),
      scripts: document.querySelectorAll('.article-body script, .article-body iframe, .article-body [onerror]').length,
      caption: document.querySelector('.article-body figcaption')?.textContent ?? '',
      captionNotHeard: document.querySelector('.article-body figcaption [aria-hidden="true"]')?.textContent ?? '',
    }));
    expect(shown.title).toBe(DEMO_HEADLINE);
    // The lead photo's caption repeats its alt: the page's copy has its words hidden from screen readers, and
    // the reader still shows them, heard once (as the image's alt).
    expect(shown.caption).toContain('A 2001 file photo of Jalaluddin Haqqani');
    expect(shown.captionNotHeard).toContain('A 2001 file photo of Jalaluddin Haqqani');
    expect(shown.paragraphs).toBeGreaterThan(3);
    expect(shown.focused).toBe('reader-title');
    expect(shown.scripts).toBe(0);
    if (name === 'chromium') {
      // What a screen reader says on entering: the dialog's name, then the frame's. Both named, not the same
      // words twice. (Firefox gives puppeteer no accessibility tree over WebDriver BiDi.)
      const snapshot = await page.accessibility.snapshot({ interestingOnly: true });
      const dialog = snapshot?.children?.find((n) => n.role === 'dialog');
      const frameNode = dialog?.children?.find((n) => n.role === 'Iframe');
      expect(dialog?.name).toBe('Lectern reader');
      expect(frameNode?.name).toBe('Article and reading settings');
    }
    const during = await pageState(page);
    expect(during.hosts).toBe(1);
    expect(during.inert).toContain('BODY');
    expect(during.scrollY).toBe(400);
    expect(during.playing).toBe(true);
    expect(during.scrollbar, "no page scrollbar beside the reader's").toBe(0);

    // A preference from the toolbar: applied at once, and saved in the shared store.
    await frame.select('select[name="theme"]', 'dark');
    await until('the dark theme', () => frame.evaluate(() => document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.body).color === 'rgb(236, 236, 236)'));
    await page.screenshot({ path: `${SHOTS}/reader-${name}-dark.png` });
    await frame.select('select[name="theme"]', 'light');
    await until('the light theme', () => frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor === 'rgb(255, 255, 255)'));
    await page.screenshot({ path: `${SHOTS}/reader-${name}-light.png` });
    await page.setViewport({ width: 320, height: 640 });
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // On a narrow window the title is held to a tenth of its width (never below the text), not 1.8 times the text.
    const sizes = await frame.evaluate(() => ({
      title: Number.parseFloat(getComputedStyle(document.getElementById('reader-title')!).fontSize),
      text: Number.parseFloat(getComputedStyle(document.querySelector('.article-body p')!).fontSize),
      tenth: window.innerWidth / 10,
    }));
    expect(sizes.title, 'the title on a 320 px window').toBeLessThanOrEqual(Math.max(sizes.text, sizes.tenth) + 0.5);
    await page.screenshot({ path: `${SHOTS}/reader-${name}-320.png` });
    expect(overflow, 'sideways scroll at 320 px').toBeLessThanOrEqual(0);
    await page.setViewport({ width: 1000, height: 800 });

    // Printing prints the reader's own document (the article alone), by its button and by Ctrl+P in the reader,
    // never the tab with the site's page under it. window.print is replaced here so no dialog opens.
    await frame.evaluate(() => {
      const counted = window as unknown as { lecternPrints: number };
      counted.lecternPrints = 0;
      window.print = () => {
        counted.lecternPrints++;
      };
    });
    const prints = (): Promise<number> => frame.evaluate(() => (window as unknown as { lecternPrints: number }).lecternPrints);
    await frame.focus('#reader-title');
    await page.keyboard.down('Control');
    await page.keyboard.press('p');
    await page.keyboard.up('Control');
    await until('a print from Ctrl+P', async () => (await prints()) === 1);
    // The button, pressed from the keyboard.
    await frame.focus('button.print');
    await page.keyboard.press('Enter');
    await until('a print from the Print button', async () => (await prints()) === 2);

    // Escape in the open Spacing panel folds the panel and keeps the reader; focus goes back to its summary.
    await frame.focus('details.more > summary');
    await page.keyboard.press('Enter');
    await until('the Spacing panel open', () => frame.evaluate(() => document.querySelector<HTMLDetailsElement>('details.more')?.open === true));
    await frame.focus('input[name="lineHeight"]');
    await page.keyboard.press('Escape');
    expect(
      await frame.evaluate(() => ({
        open: document.querySelector<HTMLDetailsElement>('details.more')?.open,
        focused: document.activeElement?.tagName,
      })),
    ).toEqual({ open: false, focused: 'SUMMARY' });
    expect((await pageState(page)).hosts, 'the reader still open').toBe(1);

    // Escape closes, and the page is as it was.
    await frame.focus('#reader-title');
    // Key down only: a key-up would go to a frame this Escape removes.
    await inputThatClosesItsFrame('Escape to close the reader', page.keyboard.down('Escape'), async () => (await pageState(page)).hosts === 0);
    expect(await pageState(page)).toEqual(before);
    await page.close();
  });

  it('a right-to-left article reads right to left under the English toolbar, and prints alone', async () => {
    const page = await s.open('rtl-arabic/');
    await page.setViewport({ width: 1000, height: 800 });
    await toggleReaderInNewestTab(ext);
    await page.bringToFront();
    const frame = await readerFrame(page);
    const shown = await frame.evaluate(() => {
      const article = document.querySelector('.article');
      const first = document.querySelector('.article-body p');
      const toolbar = document.querySelector('.toolbar');
      const box = (el: Element | null) => el?.getBoundingClientRect();
      const body = box(document.querySelector('.article-body'));
      const line = box(first);
      return {
        title: document.getElementById('reader-title')?.textContent ?? '',
        lang: article?.getAttribute('lang'),
        direction: first ? getComputedStyle(first).direction : '',
        align: first ? getComputedStyle(first).textAlign : '',
        toolbarDirection: toolbar ? getComputedStyle(toolbar).direction : '',
        // Right to left: a short last line hugs the right edge, so the paragraph's right edge is the body's.
        rightEdgeGap: body && line ? Math.round(body.right - line.right) : NaN,
        // Lectern's meta line, in English: its parts from the left in the order they are read, on the story's side.
        metaOrder: Array.from(document.querySelectorAll('.meta > :not(.sep)'))
          .sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left)
          .map((el) => el.className || el.tagName.toLowerCase()),
        metaRightGap: (() => {
          const meta = document.querySelector('.meta');
          const last = meta?.lastElementChild;
          return meta && last ? Math.round(meta.getBoundingClientRect().right - last.getBoundingClientRect().right) : NaN;
        })(),
      };
    });
    // The reader fills the window and no more: with the page's scrollbar on the left (Firefox, right to left),
    // a frame 100vw wide stuck out past the window's left edge by the scrollbar's width.
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    expect(await frame.evaluate(() => window.innerWidth), 'the reader as wide as the page shows').toBe(pageWidth);
    expect(shown.title).toContain('مكتبة');
    expect(shown.lang).toBe('ar');
    expect(shown.direction).toBe('rtl');
    expect(['start', 'right']).toContain(shown.align);
    expect(shown.toolbarDirection).toBe('ltr');
    expect(shown.rightEdgeGap).toBe(0);
    expect(shown.metaOrder).toEqual(['byline', 'time', 'reading-time']);
    expect(Math.abs(shown.metaRightGap), "the meta line ends at the right edge").toBeLessThan(1);
    await page.screenshot({ path: `${SHOTS}/reader-${name}-rtl.png` });

    // What a printed page holds: the article, without the toolbar, in black on white.
    if (name === 'chromium') {
      // The reader is an extension frame in its own process: its own target takes the print emulation.
      const target = s.browser.targets().find((t) => t.url().startsWith(`${s.extensionOrigin}/src/reader/reader.html`));
      if (!target) throw new Error('no target for the reader frame');
      const cdp = await target.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { media: 'print' });
      const printed = await frame.evaluate(() => ({
        toolbar: getComputedStyle(document.querySelector('.toolbar') as Element).display,
        color: getComputedStyle(document.body).color,
        background: getComputedStyle(document.documentElement).backgroundColor,
      }));
      await page.screenshot({ path: `${SHOTS}/reader-${name}-print.png` });
      await cdp.send('Emulation.setEmulatedMedia', { media: '' });
      await cdp.detach();
      expect(printed).toEqual({ toolbar: 'none', color: 'rgb(0, 0, 0)', background: 'rgb(255, 255, 255)' });
    }
    await page.close();
  });

  it('the page cannot reach the reader: its CSP (default-src none), its styles, its key handlers and its focus trap', async () => {
    const page = await s.open('csp/demo/');
    const keysSeen = await page.evaluate(() => {
      // A hostile page: styles for every iframe and element, a capturing key handler that swallows
      // every key, and a focus trap that pulls focus back to its own button.
      const style = document.createElement('style');
      style.textContent = 'iframe, lectern-reader, * { opacity: 0.1 !important; filter: blur(3px) !important; display: block !important; }';
      document.head.append(style);
      const trap = document.createElement('button');
      trap.id = 'trap';
      trap.textContent = 'trap';
      document.body.append(trap);
      const seen = { keys: 0 };
      document.addEventListener('keydown', (event) => {
        seen.keys++;
        event.preventDefault();
        event.stopImmediatePropagation();
      }, true);
      document.addEventListener('focusout', () => setTimeout(() => trap.focus(), 0), true);
      (window as unknown as { lecternKeysSeen: typeof seen }).lecternKeysSeen = seen;
      return true;
    });
    expect(keysSeen).toBe(true);
    const frame = await openReaderOn(page);
    const shown = await frame.evaluate(() => ({
      title: document.getElementById('reader-title')?.textContent,
      focused: document.activeElement?.id,
      opacity: getComputedStyle(document.body).opacity,
    }));
    expect(shown).toEqual({ title: DEMO_HEADLINE, focused: 'reader-title', opacity: '1' });
    // Keys typed in the reader go to the reader, not to the page's handler: Tab moves focus inside the reader.
    await page.keyboard.press('Tab');
    expect(await frame.evaluate(() => document.activeElement?.id || document.activeElement?.tagName)).not.toBe('reader-title');
    expect(await page.evaluate(() => (window as unknown as { lecternKeysSeen: { keys: number } }).lecternKeysSeen.keys)).toBe(0);
    // The reader's frame is still drawn as the reader drew it: the page's style cannot fade the overlay.
    const host = await page.evaluate(() => {
      const el = document.querySelector('lectern-reader');
      return el ? getComputedStyle(el).opacity : null;
    });
    expect(host).toBe('1');
    await frame.focus('#reader-title');
    await inputThatClosesItsFrame('Escape to close the reader', page.keyboard.down('Escape'), async () => (await pageState(page)).hosts === 0);
    await page.close();
  });

  it('forced colors (Windows High Contrast): the system colours win over every theme (Chromium)', async ({ skip }) => {
    // Only Chromium's driver can emulate forced colours (CDP), on the reader frame's own target.
    if (name !== 'chromium') skip();
    const page = await s.open('demo/');
    await page.setViewport({ width: 1000, height: 800 });
    await toggleReaderInNewestTab(ext);
    await page.bringToFront();
    const frame = await readerFrame(page);
    const target = s.browser.targets().find((t) => t.url().startsWith(`${s.extensionOrigin}/src/reader/reader.html`));
    if (!target) throw new Error('no target for the reader frame');
    const cdp = await target.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: 'active' }] });
    for (const theme of ['sepia', 'dark']) {
      await frame.select('select[name="theme"]', theme);
      const colours = await frame.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        return { forced: matchMedia('(forced-colors: active)').matches, bg: root.getPropertyValue('--bg').trim(), fg: root.getPropertyValue('--fg').trim(), link: root.getPropertyValue('--link').trim() };
      });
      expect(colours, theme).toEqual({ forced: true, bg: 'Canvas', fg: 'CanvasText', link: 'LinkText' });
    }
    await page.screenshot({ path: `${SHOTS}/reader-${name}-forced-colors.png` });
    await cdp.send('Emulation.setEmulatedMedia', { features: [] });
    await cdp.detach();
    await frame.select('select[name="theme"]', 'system');
    await page.close();
  });

  it('"always open the reader on this site": an article there opens in the reader by itself, once', async () => {
    const first = await s.open('demo/');
    expect((await pageState(first)).hosts, 'no reader before the switch').toBe(0);
    await setSwitches(s, { '#site-alwaysReader': true });
    try {
      const page = await s.open('blog-post/');
      await page.bringToFront();
      const frame = await readerFrame(page);
      expect(await frame.evaluate(() => document.activeElement?.id)).toBe('reader-title');
      // Closed by hand, it stays closed on that page, also after a jump to a place on it (a fragment) and a change.
      expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: false });
      await until('the reader to close', async () => (await pageState(page)).hosts === 0);
      await page.evaluate(() => {
        location.hash = '#comments';
        document.body.append(document.createElement('div'));
      });
      await new Promise((done) => setTimeout(done, 1200));
      expect((await pageState(page)).hosts).toBe(0);
      // A page with no article stays as it is.
      const none = await s.open('home-teasers/');
      await new Promise((done) => setTimeout(done, 1000));
      expect((await pageState(none)).hosts).toBe(0);
    } finally {
      await setSwitches(s, { '#site-alwaysReader': false });
    }
  });

  it('a slider dragged in the toolbar shows each value at once and saves once, on release', async () => {
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    const drag = await frame.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { storage: { onChanged: { addListener(f: () => void): void } } } }).chrome;
      let writes = 0;
      api.storage.onChanged.addListener(() => writes++);
      const slider = document.querySelector<HTMLInputElement>('input[name="fontSize"]')!;
      const original = Number(slider.value);
      // One save, as a click on the slider makes it: the storage writes that one save takes.
      slider.value = String(original + 1);
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 800));
      const oneSave = writes;
      writes = 0;
      const start = original + 1;
      const shown: string[] = [];
      // A mouse drag: many input events, then one change on release.
      for (let i = 1; i <= 10; i++) {
        slider.value = String(start + i);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        shown.push(document.documentElement.style.getPropertyValue('--font-size'));
      }
      await new Promise((done) => setTimeout(done, 500));
      const whileDragging = writes;
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 800));
      const afterRelease = writes;
      // Back to where it was, for the tests after this one.
      slider.value = String(original);
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((done) => setTimeout(done, 300));
      return { start, shown, oneSave, whileDragging, afterRelease };
    });
    expect(drag.shown).toEqual(Array.from({ length: 10 }, (_, i) => `${drag.start + i + 1}px`));
    expect(drag.whileDragging).toBe(0);
    expect(drag.oneSave).toBeGreaterThan(0);
    expect(drag.afterRelease).toBe(drag.oneSave);
    await page.close();
  });

  it('the text size stepped by arrow keys faster than storage writes lands on every step and never jumps back', async () => {
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    await frame.focus('input[name="fontSize"]');
    const size = () => frame.evaluate(() => Number.parseFloat(document.documentElement.style.getPropertyValue('--font-size')));
    const original = await size();
    const seen: number[] = [];
    // About a held key's repeat rate: each step saves, and the saves overlap.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('ArrowRight');
      await new Promise((done) => setTimeout(done, 30));
      seen.push(await size());
    }
    await new Promise((done) => setTimeout(done, 800));
    const settled = { size: await size(), slider: await frame.$eval('input[name="fontSize"]', (el) => Number((el as HTMLInputElement).value)) };
    // Back to where it was, for the tests after this one.
    await frame.$eval('input[name="fontSize"]', (el, value) => {
      (el as HTMLInputElement).value = String(value);
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, original);
    await new Promise((done) => setTimeout(done, 300));
    expect(seen.every((value, i) => i === 0 || value >= seen[i - 1]!), `sizes seen: ${seen.join(', ')}`).toBe(true);
    expect(settled).toEqual({ size: original + 12, slider: original + 12 });
    await page.close();
  });

  it("Shift+Tab from the toolbar's first control leaves for the browser's own controls, and the next comes round to the reader's last", async () => {
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    await frame.focus('select[name="theme"]');
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      await page.keyboard.down('Shift');
      await page.keyboard.press('Tab');
      await page.keyboard.up('Shift');
      seen.push(await frame.evaluate(() => document.activeElement?.className || document.activeElement?.tagName || ''));
    }
    // Firefox made the reader's dialog a stop of its own between the two, with nothing shown focused.
    expect(seen[1]).toBe('close');
    await inputThatClosesItsFrame('Escape to close the reader', page.keyboard.down('Escape'), async () => (await pageState(page)).hosts === 0);
    await page.close();
  });

  it("opens above the page's own modal dialog (a cookie notice), takes the focus, and gives both back on close", async () => {
    const page = await s.open('demo/');
    await page.evaluate(() => {
      const notice = document.createElement('dialog');
      notice.id = 'lectern-test-notice';
      const accept = document.createElement('button');
      accept.id = 'lectern-test-accept';
      accept.textContent = 'Accept cookies';
      notice.append(accept);
      document.body.append(notice);
      notice.showModal();
      accept.focus();
    });
    const frame = await openReaderOn(page);
    // On top: what the middle of the window shows is the reader, and the reader has the keyboard.
    expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.localName)).toBe('lectern-reader');
    await until('the reader to have the focus', () => frame.evaluate(() => document.hasFocus() && document.activeElement?.id === 'reader-title'));
    // Back from the title to the toolbar: the keys work in the reader, not in the notice.
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await frame.evaluate(() => document.hasFocus() && !!document.activeElement?.closest('.toolbar, header'))).toBe(true);
    expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await pageState(page)).hosts === 0);
    const notice = await page.evaluate(() => ({
      open: (document.getElementById('lectern-test-notice') as HTMLDialogElement).open,
      focused: document.activeElement?.id,
    }));
    expect(notice).toEqual({ open: true, focused: 'lectern-test-accept' });
    await page.close();
  });

  it("a popover the page had open (a share menu) is open again after the reader closes", async () => {
    const page = await s.open('demo/');
    const isOpen = (): Promise<boolean> => page.evaluate(() => document.getElementById('lectern-test-popover')!.matches(':popover-open'));
    await page.evaluate(() => {
      const menu = document.createElement('div');
      menu.id = 'lectern-test-popover';
      menu.setAttribute('popover', 'auto');
      menu.textContent = 'Share this story';
      document.body.append(menu);
      menu.showPopover();
    });
    expect(await isOpen()).toBe(true);
    await openReaderOn(page);
    expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await pageState(page)).hosts === 0);
    expect(await isOpen()).toBe(true);
    await page.close();
  });

  it("a caption's labels for screen readers alone, hidden on the page, are not shown as stray words in the reader", async () => {
    const page = await s.open('captions-lazy-image/');
    await page.evaluate(() => {
      // The usual visually-hidden utility, as a site sets "Image caption" before its caption text.
      const label = document.createElement('span');
      label.setAttribute('style', 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap');
      label.textContent = 'Image caption';
      document.querySelector('#wheel-figure figcaption')?.prepend(label);
      // A longer text hidden the same way is a description, not a label: it stays.
      const description = label.cloneNode() as HTMLElement;
      description.textContent = 'The wheel has twenty-four paddles, each cut from a single plank of oak.';
      document.querySelector('#wheel-figure figcaption')?.append(description);
    });
    const frame = await openReaderOn(page);
    const captions = await frame.evaluate(() => Array.from(document.querySelectorAll('.article-body figcaption'), (el) => el.textContent ?? ''));
    expect(captions.join(' | ')).toContain('Volunteers fitting new oak paddles');
    expect(captions.join(' | ')).not.toContain('Image caption');
    expect(captions.join(' | ')).toContain('twenty-four paddles');
    await page.close();
  });

  it('says a story the site marks for subscribers may be only its beginning, and says nothing of a free one', async () => {
    const said = async (path: string): Promise<string | null> => {
      const page = await s.open(path);
      const frame = await openReaderOn(page);
      const note = await frame.evaluate(() => document.querySelector('.article-header .for-subscribers')?.textContent ?? null);
      await page.close();
      return note;
    };
    expect(await said('paywall-teaser/')).toMatch(/subscribers/);
    expect(await said('blog-post/')).toBeNull();
  });

  it("shows a story Readability finds only on its second attempt: the build's rewrite of its page restore works in this browser", async () => {
    const page = await s.open('readability-second-attempt/');
    const frame = await openReaderOn(page);
    const shown = await frame.evaluate(() => ({
      state: document.body.dataset.state,
      title: document.getElementById('reader-title')?.textContent,
      paragraphs: document.querySelectorAll('.article-body p').length,
      last: document.querySelector('.article-body p:last-of-type')?.textContent?.slice(0, 40),
    }));
    expect(shown).toEqual({ state: 'article', title: 'Night market returns to the old tram depot', paragraphs: 4, last: 'Neighbours on Canal Street had worried a' });
    await page.close();
  });

  it('names each video link in the link itself, and numbers the players that only their site names', async () => {
    const page = await s.open('video-embeds/');
    const frame = await openReaderOn(page);
    const expected = ['Video 1: youtube.com', 'Video: The captain explains the new timetable', 'Video 2: youtube.com'];
    const shown = await frame.evaluate(() => Array.from(document.querySelectorAll('.article-body a'), (a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()));
    expect(shown).toEqual(expected);
    if (name === 'chromium') {
      // As a screen reader's list of links has them: no two the same.
      const names: string[] = [];
      const visit = (node: SerializedAXNode | null | undefined): void => {
        if (!node) return;
        if (node.role === 'link' && typeof node.name === 'string' && node.name.startsWith('Video')) names.push(node.name);
        for (const child of node.children ?? []) visit(child);
      };
      visit(await page.accessibility.snapshot({ interestingOnly: true, includeIframes: true }));
      expect(names).toEqual(expected);
    }
    await page.close();
  });

  it("a photo outside a figure has a paragraph's space below it: the text under it does not touch it", async () => {
    const page = await s.open('captions-no-alt/');
    const frame = await openReaderOn(page);
    const spaces = await frame.evaluate(() => {
      const loose = Array.from(document.querySelectorAll('.article-body img')).filter((img) => !img.closest('figure') && !img.classList.contains('inline-picture'));
      const paragraph = document.querySelector('.article-body p');
      return { paragraph: paragraph ? getComputedStyle(paragraph).marginBlockEnd : null, photos: loose.map((img) => getComputedStyle(img).marginBlockEnd) };
    });
    expect(spaces.photos.length).toBeGreaterThan(0);
    expect(Number.parseFloat(spaces.paragraph ?? '0')).toBeGreaterThan(0);
    for (const space of spaces.photos) expect(space).toBe(spaces.paragraph);
    await page.close();
  });

  it("the reader page this browser loaded is one script that imports nothing: each module more is a fetch before it runs", async () => {
    const dir = extensionDir(name);
    const html = readFileSync(join(dir, 'src/reader/reader.html'), 'utf8');
    const scripts = Array.from(html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g), (m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(html, 'modules preloaded for it').not.toMatch(/modulepreload/);
    const code = readFileSync(join(dir, scripts[0]!), 'utf8');
    expect(code.match(/^\s*import[\s{*]|\bimport\s*\(/m)?.[0] ?? null, 'an import in the reader page').toBeNull();
    // The file checked is the one the reader runs.
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    expect(await frame.evaluate(() => Array.from(document.scripts, (el) => new URL(el.src).pathname))).toEqual(scripts);
    await page.close();
  });

  it('the fonts Lectern bundles (Atkinson Hyperlegible, OpenDyslexic) load in the reader from the extension itself', async () => {
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    const before = await frame.evaluate(() => document.querySelector<HTMLSelectElement>('select[name="font"]')!.value);
    for (const [value, family] of [['atkinson', 'Atkinson Hyperlegible'], ['opendyslexic', 'OpenDyslexic']] as const) {
      await frame.select('select[name="font"]', value);
      const loaded = await until(`${family} loaded`, () =>
        frame.evaluate((wanted) => {
          const faces = Array.from(document.fonts).filter((face) => face.family.replace(/["']/g, '') === wanted && face.status === 'loaded');
          const title = document.getElementById('reader-title')!;
          // Where the family's @font-face rules fetch their files from, each address resolved against its stylesheet.
          const sources: string[] = [];
          for (const sheet of Array.from(document.styleSheets)) {
            for (const rule of Array.from(sheet.cssRules)) {
              if (!(rule instanceof CSSFontFaceRule) || rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim() !== wanted) continue;
              for (const m of rule.style.getPropertyValue('src').matchAll(/url\(\s*["']?([^"')]+)/g)) sources.push(new URL(m[1]!, sheet.href ?? document.baseURI).origin);
            }
          }
          // Both weights the reader uses: the title's bold and the text's regular.
          return faces.length > 0 && document.fonts.check(`700 20px "${wanted}"`) && document.fonts.check(`400 20px "${wanted}"`)
            ? { used: getComputedStyle(title).fontFamily.split(',')[0]!.replace(/["']/g, '').trim(), from: [...new Set(sources)], origin: location.origin }
            : null;
        }, family),
      );
      expect(loaded?.from.length, `${family}'s font files`).toBeGreaterThan(0);
      expect(loaded).toEqual({ used: family, from: [loaded!.origin], origin: expect.stringMatching(/^(?:chrome|moz)-extension:\/\//) });
    }
    await frame.select('select[name="font"]', before);
    await page.close();
  });

  it('opens for that tab only', async () => {
    const first = await s.open('demo/');
    const second = await s.open('blog-post/');
    await openReaderOn(second);
    expect((await pageState(first)).hosts, 'a reader in the other tab').toBe(0);
    expect((await pageState(second)).hosts).toBe(1);
    expect(await toggleReaderInNewestTab(ext)).toEqual({ readerOpen: false });
    await until('the reader to close', async () => (await pageState(second)).hosts === 0);
    await Promise.all([first.close(), second.close()]);
  });

  it('no article: says so, with a way back that closes the reader', async () => {
    const page = await s.open('login-form/');
    await toggleReaderInNewestTab(ext);
    await page.bringToFront();
    const frame = await readerFrame(page);
    const shown = frame.evaluate(() => ({
      state: document.body.dataset.state,
      focused: document.activeElement?.id,
      print: document.querySelector<HTMLElement>('button.print')?.checkVisibility() ?? false,
    }));
    // Nothing to print, so no Print button, and Ctrl+P prints nothing.
    expect(await step('the no-article state', shown)).toEqual({ state: 'empty', focused: 'reader-title', print: false });
    await frame.evaluate(() => {
      window.print = () => {
        (window as unknown as { lecternPrints: number }).lecternPrints = 1;
      };
    });
    await page.keyboard.down('Control');
    await page.keyboard.press('p');
    await page.keyboard.up('Control');
    await new Promise((done) => setTimeout(done, 300));
    expect(await frame.evaluate(() => (window as unknown as { lecternPrints?: number }).lecternPrints ?? 0), 'prints from Ctrl+P').toBe(0);
    expect((await step('axe on the no-article reader', new AxePuppeteer(frame).analyze(), 30_000)).violations.map((v) => v.id)).toEqual([]);
    await inputThatClosesItsFrame('the way back to close the reader', frame.click('button.back'), async () => (await pageState(page)).hosts === 0);
    expect((await step('the page after closing', pageState(page))).inert).toEqual([]);
    await step('closing the tab', page.close());
  });

  it('the command and context-menu handler toggles the reader open and closed (Chromium)', async ({ skip }) => {
    // Calls into the background through CDP's service-worker target; Firefox's background is an event page, which WebDriver BiDi does not expose.
    if (name !== 'chromium') skip();
    const page = await s.open('demo/');
    const tabId = await newestTabId(ext);
    const worker = await serviceWorker(s);
    const toggle = (id: number) =>
      worker.evaluate((t) => (globalThis as unknown as { lecternToggleReader(id: number): Promise<unknown> }).lecternToggleReader(t), id);
    expect(await toggle(tabId)).toEqual({ readerOpen: true });
    await readerFrame(page);
    expect(await toggle(tabId)).toEqual({ readerOpen: false });
    expect((await pageState(page)).hosts).toBe(0);
    expect(await toggle(tabId)).toEqual({ readerOpen: true });
    await readerFrame(page);
    await page.close();
  });

  it("every keyboard shortcut the manifest suggests is bound by default: the browser reserves none of them", async () => {
    // A browser gives an extension no shortcut it keeps for itself, and says nothing: the command is left with none.
    // Chromium 156 on Linux keeps Alt+Shift+R, the reader's first default.
    const suggested = suggestedShortcuts(name);
    expect(suggested.length).toBeGreaterThanOrEqual(2);
    const bound = (await ext.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> } } }).chrome;
      return (await api.commands.getAll()).map((command) => [command.name, command.shortcut]);
    })) as [string, string][];
    // Chromium writes "Alt+Shift+J" as the manifest does; Firefox too.
    expect(bound.filter(([command]) => suggested.some(([withKey]) => withKey === command))).toEqual(suggested);
  });

  it('xss fixture: the reader shows the story and runs, loads and shows none of the attacks', async () => {
    expect(existsSync(`${FIXTURES_DIR}/xss/index.html`), 'the xss fixture').toBe(true);
    const page = await s.open('xss/');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const offsiteBefore = s.server.requests.filter((r) => r.offsite).length;
    await toggleReaderInNewestTab(ext);
    await page.bringToFront();
    const frame = await readerFrame(page);
    await new Promise((done) => setTimeout(done, 1000)); // let anything that would load or run, do so
    const inReader = await frame.evaluate(() => ({
      state: document.body.dataset.state,
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      dangerous: document.querySelectorAll('.article').length !== 1 ? -1 : document.querySelectorAll('.article').item(0).querySelectorAll('script, iframe, object, embed, form, svg, math, base, meta[http-equiv], [srcdoc], [style], [onerror], [onload], [onclick]').length,
      jsLinks: Array.from(document.querySelectorAll('.article [href], .article [src], .article [action], .article [formaction]')).filter((el) =>
        /^\s*(javascript|data:text|vbscript)/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? ''),
      ).length,
      evil: Array.from(document.querySelectorAll('.article [src], .article [srcset], .article [href]')).filter((el) => /evil\.example/.test(el.outerHTML) && el.tagName !== 'A').length,
    }));
    expect(inReader).toEqual({ state: 'article', xss: null, dangerous: 0, jsLinks: 0, evil: 0 });
    expect(dialogs).toEqual([]);
    expect(s.server.requests.filter((r) => r.offsite).slice(offsiteBefore).map((r) => r.path)
      // Chromium's own autofill service wakes up on pages with forms; that traffic is the browser's, not ours.
      .filter((path) => !/^(https?:\/\/)?(content-autofill\.googleapis\.com|dummy\.test)[:/]/.test(path)), 'requests off the machine after the reader opened').toEqual([]);
    await page.close();
  });

  it('after the skip link, closing the reader gives focus back to the headline, and Tab goes on in the story', async () => {
    const page = await s.open('demo/');
    await page.bringToFront();
    await skipToHeadline(page);
    const frame = await openReaderOn(page);
    await frame.focus('#reader-title');
    await inputThatClosesItsFrame('Escape to close the reader', page.keyboard.down('Escape'), async () => (await pageState(page)).hosts === 0);
    await until('focus back on the headline', () => page.evaluate(() => document.activeElement?.id === 'headline'));
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      inStory: !!document.activeElement?.closest('[role="main"]') && document.activeElement?.id !== 'headline',
      // The tabindex lent to the headline goes with the focus.
      headlineTabindex: document.getElementById('headline')?.getAttribute('tabindex') ?? null,
    }));
    expect(next).toEqual({ inStory: true, headlineTabindex: null });
    await page.close();
  });

  it('closed with nothing focused on the page before, gives the page the focus back: the next Tab reaches the skip link', async () => {
    const page = await s.open('demo/');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    const frame = await openReaderOn(page);
    await frame.focus('#reader-title');
    await inputThatClosesItsFrame('Escape to close the reader', page.keyboard.down('Escape'), async () => (await pageState(page)).hosts === 0);
    // The focus was in the frame that went away: without it given back, neither the keyboard nor a screen reader is anywhere.
    expect(await page.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('lectern-skip-link');
    await page.close();
  });

  it('closing twice (Escape pressed again while the first close is on its way) leaves the reader closed', async () => {
    const page = await s.open('demo/');
    const frame = await openReaderOn(page);
    const closeTwice = async (): Promise<void> => {
      // Both requests leave the reader before the first one has closed it. The frame may go while this runs.
      await frame
        .evaluate(() => {
          const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
          void api.sendMessage({ lectern: 'reader-close', payload: {} });
          void api.sendMessage({ lectern: 'reader-close', payload: {} });
        })
        .catch(() => undefined);
      await until('the reader to close', async () => (await pageState(page)).hosts === 0);
    };
    // Chromium: with the service worker asleep, both requests wait for it and arrive together, as after a
    // minute of reading. (Last but one: the tests before it keep one service worker handle.)
    if (s.name === 'chromium') await restartServiceWorker(s, closeTwice);
    else await closeTwice();
    // Time for the second request to have opened it again, had it toggled.
    await new Promise((done) => setTimeout(done, 1500));
    expect((await pageState(page)).hosts).toBe(0);
    await page.close();
  });

  it('raised no errors from Lectern in any page', () => {
    expect(lecternProblems(s, /probe-error|\/xss\//)).toEqual([]);
  });
});
