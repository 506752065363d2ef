/**
 * Moves keyboard focus to an element that may not take focus on its own,
 * the way matatk/landmarks does: tabindex=-1 only for the jump, restored
 * as soon as focus leaves, so the page's tab order is unchanged.
 *
 * While focus is there the element wears Lectern's focus ring, also taken
 * away on blur: many sites remove the outline from their headings, and the
 * browser's thin default ring is easy to lose on a busy page (WCAG 2.4.7).
 */
import { isFocusable } from '../core/focusable';
import { ChangeLog } from './change-log';

/** Amber inside a dark ring: the skip link's colours, seen on light pages and dark ones alike. */
const RING: Record<string, string> = {
  outline: '3px solid #ffbf47',
  'outline-offset': '0',
  'box-shadow': '0 0 0 6px #0b0c0c',
};
/** Room left between the top of the window (or a bar fixed over it) and the element. */
const MARGIN_PX = 12;
/** A fixed box this much of the window's height is an overlay (a dialog's backdrop), not a header to clear. */
const OVERLAY_SHARE = 0.9;

/** What focusTarget lent each element (a tabindex, the ring, a scroll margin), and how to give it back. */
const lent = new Map<Element, { log: ChangeLog; release: () => void }>();

/** The focused element of the element's own tree: a shadow root keeps its own. */
function activeIn(el: Element): Element | null {
  return (el.getRootNode() as Document | ShadowRoot).activeElement ?? null;
}

/**
 * Where a bar the page fixes to the top of the window (a sticky site
 * header) ends, in the window, when it lies over `el`'s top edge; 0 when
 * nothing does. The bar is the fixed or sticky box around whatever lies on
 * top there, unless that box holds the element too (a page laid out in a
 * fixed frame). A row that hangs out of the bar's box (a sub-menu) counts
 * to its own bottom.
 */
function barBottomOver(el: HTMLElement, view: Window): number {
  const doc = el.ownerDocument;
  const rect = el.getBoundingClientRect();
  if (typeof doc.elementFromPoint !== 'function' || rect.width === 0) return 0;
  const hit = doc.elementFromPoint(rect.left + Math.min(rect.width / 2, 40), Math.max(0, rect.top) + 1);
  if (!hit || el.contains(hit) || hit.contains(el)) return 0;
  let bottom = 0;
  for (let box: Element | null = hit; box && box !== doc.body; box = box.parentElement) {
    if (box.contains(el)) return 0;
    const boxRect = box.getBoundingClientRect();
    bottom = Math.max(bottom, boxRect.bottom);
    const position = view.getComputedStyle(box).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    return boxRect.height >= view.innerHeight * OVERLAY_SHARE ? 0 : bottom;
  }
  return 0;
}

/** Bars stacked over one another (a site header, then a sticky section bar) are cleared one at a time. */
const MAX_BARS = 3;

/**
 * Scrolls the element to the top at once, as a link to a place on the page
 * does, then clear of a fixed site header (WCAG 2.4.11) and of the window's
 * edge, which would cut the ring. The room is lent as a scroll margin, so it
 * holds for the browser's own jump too (a site's skip link follows its
 * fragment after Lectern has moved focus) and inside a scrolling box.
 */
function scrollClear(el: HTMLElement, log: ChangeLog): void {
  el.scrollIntoView({ block: 'start', behavior: 'instant' });
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  let margin = -1;
  for (let i = 0; i < MAX_BARS; i++) {
    const wanted = barBottomOver(el, view) + MARGIN_PX;
    if (wanted <= margin) break;
    margin = wanted;
    log.setStyle(el, { 'scroll-margin-top': `${margin}px` });
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
  }
}

/**
 * Returns whether focus is there now: an element under an open modal or
 * `inert` cannot take it. `scroll: false` gives focus back where a person
 * left it (closing the reader), without moving the page; the ring then goes
 * only on an element that needed a tabindex, since a control of the page's
 * own (a search box) shows focus in the page's own way.
 */
export function focusTarget(el: HTMLElement, { scroll = true }: { scroll?: boolean } = {}): boolean {
  const held = lent.get(el);
  if (held && activeIn(el) === el) {
    // Focused from an earlier jump: the ring and tabindex on it are Lectern's, and stay.
    if (scroll) scrollClear(el, held.log);
    return true;
  }
  // Left without a blur (Firefox sends none when the page takes the element out and puts it back):
  // given back first, so that Lectern's own ring is never taken for the page's style.
  held?.release();
  const log = new ChangeLog();
  const borrows = !isFocusable(el);
  if (borrows) log.setAttribute(el, 'tabindex', '-1');
  el.focus({ preventScroll: true });
  if (activeIn(el) !== el) {
    // No focus, so no blur will ever come to take the tabindex away again.
    log.undo();
    return false;
  }
  if (!scroll && !borrows) return true;
  log.setStyle(el, RING);
  const onBlur = (): void => {
    // The window lost focus (another tab, another app): focus comes back here, so the ring and tabindex stay.
    if (activeIn(el) !== el) release();
  };
  const release = (): void => {
    el.removeEventListener('blur', onBlur);
    lent.delete(el);
    log.undo();
  };
  el.addEventListener('blur', onBlur);
  lent.set(el, { log, release });
  if (scroll) scrollClear(el, log);
  return true;
}

/** Gives back everything focusTarget lent: Lectern stops on this page. */
export function releaseFocusTargets(): void {
  for (const { release } of Array.from(lent.values())) release();
}
