/** Small DOM helpers shared by the caption finders. Realm-safe: no instanceof. */
import { PICTURE_FILE } from '../image-files';

/** What keyboard users can reach: never hidden from screen readers (axe: aria-hidden-focus). */
export const FOCUSABLE =
  'a[href], button, input, select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"]), ' +
  '[contenteditable=""], [contenteditable="true"], audio[controls], video[controls]';

/** Content that is never shown as text: its text must not count. */
const INERT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export function isElement(node: Node | null): node is Element {
  return !!node && node.nodeType === 1;
}

export function isText(node: Node | null): node is Text {
  return !!node && node.nodeType === 3;
}

/** Upper case for HTML elements (the only ones compared); no toUpperCase: this runs per ancestor. */
export function tag(el: Element): string {
  return el.tagName;
}

/** A link with somewhere to go ("Read more" to another story), not one to nowhere ("#", javascript:) that a script handles. */
export function navigates(el: Element): boolean {
  // localName: an XHTML page's tagName is lower case.
  const href = el.localName === 'a' ? (el.getAttribute('href') ?? '').trim() : '';
  return href !== '' && href !== '#' && !/^javascript:/i.test(href);
}

/**
 * Hidden on screen on purpose, for screen readers alone: the visually-hidden
 * utility (Bootstrap's and Tailwind's sr-only, WordPress's
 * screen-reader-text) takes words such as "Image caption" or "Credit" out of
 * the flow and clips them, or sets them in a box of a pixel. Where nothing
 * has a layout (jsdom), only the clip tells.
 */
export function visuallyHidden(el: Element, s: CSSStyleDeclaration): boolean {
  if (s.position !== 'absolute' && s.position !== 'fixed') return false;
  // clip-path: inset(50%), the utility's modern form; a shape (a polygon badge) is a design, not hiding.
  const clipped = (!!s.clip && s.clip !== 'auto') || /^inset\((?:50|100)%\)$/.test(s.clipPath ?? '');
  return clipped || (hasLayout(el) && el.clientWidth <= 1 && el.clientHeight <= 1);
}

/** A box the browser laid out: jsdom, which lays out nothing, gives every box 0 × 0. */
export function hasLayout(el: Element): boolean {
  return el.clientHeight > 0 || el.clientWidth > 0;
}

/** A link that leaves for another page: not one to nowhere, to a place on this page, or to the picture's own file (a lightbox). */
export function leavesPage(el: Element): boolean {
  const href = (el.getAttribute('href') ?? '').trim();
  return navigates(el) && !href.startsWith('#') && !PICTURE_FILE.test(href);
}

/** Lectern's own nodes (custom elements named lectern-*): never page content. */
export function isOurs(el: Element): boolean {
  return el.localName.startsWith('lectern-');
}

/**
 * Set beside the aria-hidden that Lectern puts on a caption's element: it
 * tells our aria-hidden from the site's to code that reads the page as the
 * site made it (the reader's extraction, on a clone).
 */
export const OWN_ARIA_HIDDEN = 'data-lectern-hidden';

/** The id the skip link gives a story target that has none, so its href can name it; the reader's extraction drops it. */
export const OWN_TARGET_ID = 'lectern-article';

/** The ids the captions feature gives a caption that has none, so the picture's aria-describedby can name it. */
export const OWN_CAPTION_ID_PREFIX = 'lectern-caption-';

/** An id Lectern gave, not the site: it names nothing of the page ("lectern-caption-1" is no sign of a caption). */
export function isOwnId(id: string): boolean {
  return id === OWN_TARGET_ID || id.startsWith(OWN_CAPTION_ID_PREFIX);
}

/** id, class, itemprop and data-testid, for naming tests ("caption", "credit"). */
export function nameOf(el: Element): string {
  return [isOwnId(el.id) ? '' : el.id, el.getAttribute('class'), el.getAttribute('itemprop'), el.getAttribute('data-testid')]
    .filter(Boolean)
    .join(' ');
}

/** Text nodes under `root` that a reader could see, skipping `skip` subtrees, scripts and our own nodes. */
export function textNodes(root: Node, skip: (el: Element) => boolean = () => false): Text[] {
  const out: Text[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (isText(child)) out.push(child);
      else if (isElement(child) && !INERT_TEXT.has(tag(child)) && !isOurs(child) && !skip(child)) walk(child);
    }
  };
  walk(root);
  return out;
}

export function visibleText(root: Node, skip?: (el: Element) => boolean): string {
  return textNodes(root, skip)
    .map((t) => t.data)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `root` holds any visible text, stopping at the first non-blank text node. */
export function hasText(root: Node): boolean {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (isText(child) && child.data.trim()) return true;
    if (isElement(child) && !INERT_TEXT.has(tag(child)) && !isOurs(child) && hasText(child)) return true;
  }
  return false;
}

/** textLength never counts past this; every caller's limit is at most this. */
const TEXT_CAP = 1200;
/**
 * Neighbouring images look at the same blocks: one planning pass measures
 * each block once. resetMemo() starts a pass (the page may have changed).
 */
let lengths = new WeakMap<Node, number>();
export function resetMemo(): void {
  lengths = new WeakMap();
}

/** Length of the visible text, counting no further than `limit` (big blocks are not read whole). */
export function textLength(root: Node, limit: number): number {
  const known = lengths.get(root);
  if (known !== undefined) return Math.min(known, limit + 1);
  let length = 0;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && length <= TEXT_CAP; child = child.nextSibling) {
      if (isText(child)) length += child.data.trim().length;
      else if (isElement(child) && !INERT_TEXT.has(tag(child)) && !isOurs(child)) walk(child);
    }
  };
  walk(root);
  lengths.set(root, length);
  return Math.min(length, limit + 1);
}

/** Content images in `root`, counting no further than `limit` (galleries are not walked whole). */
export function countImages(root: Element, limit: number): number {
  if (root.localName === 'img') return 1;
  const images = root.getElementsByTagName('img');
  let n = 0;
  for (let i = 0; i < images.length && n < limit; i++) {
    const img = images.item(i);
    if (img && !ancestor(img, root.parentElement, (a) => COPIES.has(tag(a)))) n++;
  }
  return n;
}

export function hasImage(root: Element): boolean {
  return countImages(root, 1) > 0;
}

/** The first `limit` descendant elements, in document order, without visiting the rest. */
export function firstDescendants(root: Element, limit: number): Element[] {
  const out: Element[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstElementChild; child && out.length < limit; child = child.nextElementSibling) {
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** Characters of visible text inside links, over all of it: teaser headlines are links, captions are not. */
export function linkShare(root: Element): number {
  const nodes = textNodes(root);
  const total = nodes.reduce((n, t) => n + t.data.trim().length, 0);
  // A link around the block (a teaser card) or inside it; a few levels are enough to tell.
  const linked = nodes
    .filter((t) => t.parentElement && near(t.parentElement, 8, isLink))
    .reduce((n, t) => n + t.data.trim().length, 0);
  return total ? linked / total : 0;
}

/**
 * The nearest ancestor of `el` (itself included) below `root` that passes
 * `test`; a plain walk, cheaper than closest() in both browsers and jsdom.
 */
export function ancestor(el: Element, root: Element | null, test: (a: Element) => boolean): Element | null {
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) if (test(a)) return a;
  return null;
}

/** `el` or one of its first `levels` ancestors passes `test`. */
function near(el: Element, levels: number, test: (a: Element) => boolean): boolean {
  for (let a: Element | null = el, i = 0; a && i < levels; a = a.parentElement, i++) if (test(a)) return true;
  return false;
}

const COPIES = new Set(['NOSCRIPT', 'TEMPLATE']);

/** Images that count as content of `root` (not noscript or template copies). */
export function contentImages(root: Element): HTMLImageElement[] {
  const all = root.localName === 'img' ? [root] : Array.from(root.getElementsByTagName('img'));
  return all.filter((img) => !ancestor(img, root.parentElement, (a) => COPIES.has(tag(a)))) as HTMLImageElement[];
}

export function isLink(el: Element): boolean {
  return tag(el) === 'A' && el.hasAttribute('href');
}

/** Element siblings after (or before) `el`, skipping scripts, line breaks and our nodes. */
export function siblings(el: Element, forward: boolean, limit: number): Element[] {
  const out: Element[] = [];
  let sib = forward ? el.nextElementSibling : el.previousElementSibling;
  while (sib && out.length < limit) {
    if (!INERT_TEXT.has(tag(sib)) && tag(sib) !== 'BR' && !isOurs(sib)) out.push(sib);
    sib = forward ? sib.nextElementSibling : sib.previousElementSibling;
  }
  return out;
}
