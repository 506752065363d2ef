/**
 * The keyboard path every article page must offer, as assertions: Lectern's
 * link is first, hidden until focused and then plainly visible on top of
 * everything; Enter lands on the headline; the next Tab stays in the story.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { focused, until, type BrowserName } from './harness';

export const SHOTS_DIR = '/tmp/lectern-shots';

export interface LinkState {
  count: number;
  firstInBody: boolean;
  label: string;
  /** Attributes that would rename or hide the link (all should be absent). */
  ariaOverrides: string[];
  rect: { x: number; y: number; width: number; height: number };
  viewport: { width: number; height: number };
  clipPath: string;
  color: string;
  background: string;
  fontSize: string;
  /** The link is what a click at its centre would hit (it is on top). */
  onTop: boolean;
  /** The id its href names, and the tag of the element with that id (if any). */
  hrefId: string;
  hrefTarget: string | null;
}

export function linkState(page: Page): Promise<LinkState | null> {
  return page.evaluate(() => {
    const hosts = document.getElementsByTagName('lectern-skip-link');
    const host = hosts[0] as HTMLElement | undefined;
    const link = host?.shadowRoot?.querySelector('a');
    if (!host || !link) return null;
    const r = link.getBoundingClientRect();
    const style = getComputedStyle(link);
    const cx = r.x + r.width / 2;
    const cy = r.y + r.height / 2;
    const hit = r.width > 1 && document.elementFromPoint(cx, cy) === host && host.shadowRoot?.elementFromPoint(cx, cy) === link;
    const overrides: string[] = [];
    // The link is named by its text; nothing hides it or its host (the
    // host's own aria-label names its landmark, not the link).
    const names = ['aria-label', 'aria-labelledby', 'aria-hidden', 'inert', 'hidden'];
    for (let i = 0; i < names.length; i++) {
      const n = names[i] as string;
      if (link.hasAttribute(n)) overrides.push(`a[${n}]`);
      if (n !== 'aria-label' && host.hasAttribute(n)) overrides.push(`host[${n}]`);
    }
    return {
      count: hosts.length,
      firstInBody: document.body.firstElementChild === host,
      label: (link.textContent || '').trim(),
      ariaOverrides: overrides,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      viewport: { width: window.innerWidth, height: window.innerHeight },
      clipPath: style.clipPath,
      color: style.color,
      background: style.backgroundColor,
      fontSize: style.fontSize,
      onTop: hit,
      hrefId: decodeURIComponent(link.hash.slice(1)),
      hrefTarget: document.getElementById(decodeURIComponent(link.hash.slice(1)))?.tagName.toLowerCase() ?? null,
    };
  });
}

/** Before focus: present once, first in the body, and visually hidden (a 1px clipped box). */
export async function expectHiddenLink(page: Page): Promise<LinkState> {
  const state = await linkState(page);
  expect(state, 'a <lectern-skip-link> with a link in its shadow root').not.toBeNull();
  const s = state as LinkState;
  expect(s.count).toBe(1);
  expect(s.firstInBody, 'Lectern link is the first element in <body>').toBe(true);
  expect(s.label).toBe('Skip to article');
  expect(s.ariaOverrides).toEqual([]);
  expect(s.rect.width).toBeLessThanOrEqual(1);
  expect(s.rect.height).toBeLessThanOrEqual(1);
  expect(s.clipPath).toBe('inset(50%)');
  expect(s.onTop).toBe(false);
  return s;
}

/** Focused: large, readable, inside the viewport and not covered by anything. */
export async function expectShownLink(page: Page): Promise<LinkState> {
  const s = (await linkState(page)) as LinkState;
  expect(s).not.toBeNull();
  expect(s.clipPath).toBe('none');
  expect(s.rect.width).toBeGreaterThan(100);
  expect(s.rect.height).toBeGreaterThan(30);
  expect(s.rect.x).toBeGreaterThanOrEqual(0);
  expect(s.rect.y).toBeGreaterThanOrEqual(0);
  expect(s.rect.x + s.rect.width).toBeLessThanOrEqual(s.viewport.width);
  expect(s.rect.y + s.rect.height).toBeLessThanOrEqual(s.viewport.height);
  expect(s.onTop, 'the focused link is on top of the page').toBe(true);
  expect(s.color).toBe('rgb(255, 255, 255)');
  expect(s.background).toBe('rgb(11, 31, 58)');
  expect(s.fontSize).toBe('24px');
  return s;
}

export async function screenshotLink(page: Page, browser: BrowserName, state: LinkState, name = 'skip-link'): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = `${SHOTS_DIR}/${browser}-${name}.png`;
  const pad = 24;
  const x = Math.max(0, state.rect.x - pad);
  const y = Math.max(0, state.rect.y - pad);
  await page.screenshot({
    path,
    clip: { x, y, width: Math.min(state.viewport.width - x, state.rect.width + 2 * pad), height: state.rect.height + 2 * pad + 60 },
  });
  return path;
}

/**
 * What the focused element is, relative to a headline: inside the story
 * container (article, main or role=main around the headline) and after it.
 */
export function focusRelativeTo(page: Page, headlineSelector: string): Promise<{ inStory: boolean; after: boolean; isHeadline: boolean }> {
  return page.evaluate((sel) => {
    const h = document.querySelector(sel);
    const a = document.activeElement;
    if (!h || !a) return { inStory: false, after: false, isHeadline: false };
    const story = h.closest('article, main, [role="main"]');
    return {
      inStory: !!story && story.contains(a),
      after: !!(h.compareDocumentPosition(a) & 4),
      isHeadline: a === h,
    };
  }, headlineSelector);
}

/** Tab, Enter, as a person uses the skip link, until the demo's headline (#headline) has focus. */
export async function skipToHeadline(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until('focus on the headline', () => page.evaluate(() => document.activeElement?.id === 'headline'), timeoutMs);
}

export interface FlowOptions {
  headline: string;
  headlineText: string;
  screenshot?: { browser: BrowserName; name?: string };
}

/** Tab, check, Enter, check, Tab, check: the whole path from the top of a fresh page. */
export async function expectTabEnterTab(page: Page, options: FlowOptions): Promise<void> {
  const before = await expectHiddenLink(page);
  // The href names the headline (a real in-page link, as tools expect).
  expect(before.hrefTarget).toBe('h1');
  expect(await page.evaluate((sel, id) => document.querySelector(sel) === document.getElementById(id), options.headline, before.hrefId)).toBe(true);

  await page.keyboard.press('Tab');
  const first = await focused(page);
  expect(first, 'focus after the first Tab').toMatchObject({ inLecternLink: true, tag: 'a', text: 'Skip to article' });
  const shown = await expectShownLink(page);
  if (options.screenshot) await screenshotLink(page, options.screenshot.browser, shown, options.screenshot.name);

  await page.keyboard.press('Enter');
  const landed = await until('focus on the headline', async () => {
    const f = await focused(page);
    return f?.tag === 'h1' ? f : null;
  }, 3000);
  expect(landed.text).toBe(options.headlineText);
  expect(await focusRelativeTo(page, options.headline)).toMatchObject({ isHeadline: true });
  // The link hides again once focus has left it.
  expect((await linkState(page))?.clipPath).toBe('inset(50%)');
  // Scrolled into view (smoothly, unless reduced motion is asked for).
  await until('the headline scrolled into view', () =>
    page.evaluate((sel) => {
      const r = (document.querySelector(sel) as Element).getBoundingClientRect();
      return r.top >= -1 && r.top < window.innerHeight / 2;
    }, options.headline),
  );

  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next?.inLecternLink, 'the next Tab does not go back to the skip link').toBe(false);
  expect(await focusRelativeTo(page, options.headline), `next Tab after the headline lands on ${JSON.stringify(next)}`).toEqual({
    inStory: true,
    after: true,
    isHeadline: false,
  });
}
