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

/** Amber inside a dark ring: the skip link's colours, seen on light pages and dark ones alike. */
const RING: Record<string, string> = {
  outline: '3px solid #ffbf47',
  'outline-offset': '0',
  'box-shadow': '0 0 0 6px #0b0c0c',
};
/** Room left between the top of the window (or a bar fixed over it) and the element. */
const MARGIN_PX = 12;

/**
 * Puts the ring on, and returns what takes it off again exactly: through the
 * CSSOM, which a page's Content-Security-Policy allows where a style
 * attribute written back would be blocked.
 */
function wearRing(el: HTMLElement): () => void {
  const hadStyle = el.hasAttribute('style');
  const before = Object.keys(RING).map((name) => [name, el.style.getPropertyValue(name), el.style.getPropertyPriority(name)] as const);
  for (const [name, value] of Object.entries(RING)) el.style.setProperty(name, value, 'important');
  return () => {
    for (const [name, value, priority] of before) {
      if (value) el.style.setProperty(name, value, priority);
      else el.style.removeProperty(name);
    }
    // Read first: Chromium writes CSSOM changes into the attribute lazily, and would bring back an empty one.
    if (!hadStyle && el.style.length === 0 && el.getAttribute('style') !== null) el.removeAttribute('style');
  };
}

/**
 * How far a bar the page fixes to the top of the window (a sticky site
 * header) reaches down over `el`: the fixed or sticky box around whatever
 * lies on top at the element's top edge, unless that is the element itself
 * or around it. A box taller than half the window is an overlay, not a bar.
 */
function coveredBy(el: HTMLElement, view: Window): number {
  const doc = el.ownerDocument;
  const rect = el.getBoundingClientRect();
  if (typeof doc.elementFromPoint !== 'function' || rect.width === 0) return 0;
  const hit = doc.elementFromPoint(rect.left + Math.min(rect.width / 2, 40), Math.max(0, rect.top) + 1);
  if (!hit || el.contains(hit) || hit.contains(el)) return 0;
  for (let box: Element | null = hit; box && box !== doc.body; box = box.parentElement) {
    const position = view.getComputedStyle(box).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    const bar = box.getBoundingClientRect();
    return bar.height > view.innerHeight / 2 ? 0 : Math.max(0, bar.bottom - rect.top);
  }
  return 0;
}

/** Elements holding what focusTarget lent them: a tabindex, the ring, or both. */
const lent = new WeakSet<Element>();

/**
 * Returns whether focus is there now: an element under an open modal or
 * `inert` cannot take it. `scroll: false` gives focus back where a person
 * left it (closing the reader), without moving the page; the ring then goes
 * only on an element that needed a tabindex, since a control of the page's
 * own (a search box) shows focus in the page's own way.
 */
export function focusTarget(el: HTMLElement, { scroll = true }: { scroll?: boolean } = {}): boolean {
  // Already holding focus from an earlier jump: its ring and tabindex are Lectern's, not the page's, and stay as they are.
  if (lent.has(el) && el.ownerDocument.activeElement === el) {
    if (scroll) scrollClear(el);
    return true;
  }
  const undo: (() => void)[] = [];
  const borrows = !isFocusable(el);
  if (borrows) {
    el.setAttribute('tabindex', '-1');
    undo.push(() => el.removeAttribute('tabindex'));
  }
  el.focus({ preventScroll: true });
  if (el.ownerDocument.activeElement !== el) {
    // No focus, so no blur will ever come to take the tabindex away again.
    for (const step of undo) step();
    return false;
  }
  if (scroll || borrows) undo.push(wearRing(el));
  if (undo.length === 0) return true;
  lent.add(el);
  const onBlur = (): void => {
    // The window lost focus (another tab, another app): focus comes back here, so the ring and tabindex stay.
    if (el.ownerDocument.activeElement === el) return;
    el.removeEventListener('blur', onBlur);
    lent.delete(el);
    for (const step of undo) step();
  };
  el.addEventListener('blur', onBlur);
  if (scroll) scrollClear(el);
  return true;
}

/**
 * Scrolls the element to the top of the window at once, as a link to a place
 * on the page does (the check needs it where it will stay), then clear of a
 * fixed site header (WCAG 2.4.11) and of the window's edge, which would cut
 * the ring.
 */
function scrollClear(el: HTMLElement): void {
  el.scrollIntoView({ block: 'start', behavior: 'instant' });
  const view = el.ownerDocument.defaultView;
  if (!view) return;
  const room = coveredBy(el, view) + MARGIN_PX;
  const top = el.getBoundingClientRect().top;
  if (top < room) view.scrollBy({ top: top - room, behavior: 'instant' });
}
