/**
 * On a page loaded with Lectern: what the content script found and cost,
 * and where Tab, Enter takes a keyboard user.
 */
import type { Page } from 'puppeteer-core';

export interface SkipLinkResult {
  articleFound: boolean;
  /** Detection, the skip link and the landmark: the always-on script's article work on this page, in ms. */
  detectMs: number;
  /**
   * The always-on script's whole work at load but for captions (added in run.ts): its start-up (its modules'
   * code, reaching the extension's APIs, the verdict sent to the background) as well as detection. Not the
   * compiling of its code before its first line runs.
   */
  scriptWorkMs: number;
  /** The longest single stretch of that work, for the long-task check. */
  longestTaskMs: number;
  skipTargetText: string;
  /** tag#id.class of the element focused after Tab, Enter. */
  skipTargetElement: string;
}

const SKIP_TEXT_CHARS = 600;

/**
 * Waits for the content script's verdict (a user-timing mark). Not a "no article" given up on a busy
 * machine (detail.gaveUp): the script looks again soon, and without its link Tab, Enter would follow
 * the page's first link away.
 */
export async function waitForLectern(page: Page, timeoutMs = 5000): Promise<boolean> {
  try {
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('lectern:article-found').length > 0 ||
        performance.getEntriesByName('lectern:no-article').some((mark) => !(mark as PerformanceMark).detail?.gaveUp),
      { timeout: timeoutMs, polling: 20 },
    );
  } catch {
    return false;
  }
  return true;
}

/** The first characters of visible text from the focused element onward. */
export async function textFromFocus(page: Page, chars = SKIP_TEXT_CHARS): Promise<string> {
  return page.evaluate((limit) => {
    let focused: Element | null = document.activeElement;
    while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
    if (!focused || focused === document.body || focused === document.documentElement) return '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    walker.currentNode = focused;
    // No named helpers in here: tsx would wrap them with a __name() call
    // that does not exist in the page.
    const seen = new Map<Element, boolean>();
    let out = '';
    let lastBlock: Element | null = null;
    // The nearest ancestor that is laid out as a block: words in different blocks are apart.
    const blocks = new Map<Element, Element>();
    for (let node = walker.nextNode(); node && out.length < limit * 2; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(parent.tagName)) continue;
      const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
      if (!text.trim()) {
        // Whitespace between elements still separates words.
        out += ' ';
        continue;
      }
      if (!seen.has(parent)) {
        seen.set(parent, parent.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions));
      }
      if (!seen.get(parent)) continue;
      let block = blocks.get(parent);
      if (!block) {
        block = parent;
        // A floated initial (a drop cap) is blockified by CSS but still part of its word.
        while (block.parentElement && (getComputedStyle(block).display.startsWith('inline') || getComputedStyle(block).float !== 'none')) block = block.parentElement;
        blocks.set(parent, block);
      }
      out += block === lastBlock ? text : ` ${text}`;
      lastBlock = block;
    }
    return out.replace(/\s+/g, ' ').trim().slice(0, limit);
  }, chars);
}

export async function measureSkipLink(page: Page): Promise<SkipLinkResult> {
  const timing = await page.evaluate(() => {
    const runs = performance.getEntriesByName('lectern:article-access');
    // The script's whole work at load: its start-up, its preferences callback (where the first detection runs),
    // and the detections that ran later on their own (a page still loading, a client-side navigation).
    // No helper functions here: the bench's TypeScript runner would wrap them in one the page does not have.
    const blocks = [...performance.getEntriesByName('lectern:start-up'), ...performance.getEntriesByName('lectern:prefs-work')];
    const alone = runs.filter((run) => !blocks.some((b) => run.startTime >= b.startTime && run.startTime + run.duration <= b.startTime + b.duration + 0.01));
    const work = [...blocks, ...alone];
    return {
      found: performance.getEntriesByName('lectern:article-found').length > 0,
      total: runs.reduce((sum, e) => sum + e.duration, 0),
      work: work.reduce((sum, e) => sum + e.duration, 0),
      longest: work.reduce((max, e) => Math.max(max, e.duration), 0),
    };
  });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  // Following a site's own skip link is a navigation to a fragment.
  await new Promise((done) => setTimeout(done, 100));
  return {
    articleFound: timing.found,
    detectMs: timing.total,
    scriptWorkMs: timing.work,
    longestTaskMs: timing.longest,
    skipTargetText: await textFromFocus(page),
    skipTargetElement: await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el) return '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`.slice(0, 120);
    }),
  };
}
