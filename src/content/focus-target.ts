/**
 * Moves keyboard focus to an element that may not take focus on its own,
 * the way matatk/landmarks does: tabindex=-1 only for the jump, restored
 * as soon as focus leaves, so the page's tab order is unchanged.
 */
import { isFocusable } from '../core/focusable';

/**
 * Returns whether focus is there now: an element under an open modal or
 * `inert` cannot take it. `scroll: false` gives focus back where a person
 * left it (closing the reader), without moving the page.
 */
export function focusTarget(el: HTMLElement, { scroll = true }: { scroll?: boolean } = {}): boolean {
  let restore: (() => void) | null = null;
  if (!isFocusable(el)) {
    el.setAttribute('tabindex', '-1');
    restore = (): void => el.removeAttribute('tabindex');
    el.addEventListener('blur', restore, { once: true });
  }
  el.focus({ preventScroll: true });
  if (el.ownerDocument.activeElement !== el) {
    // No focus, so no blur will ever come to take the tabindex away again.
    if (restore) {
      el.removeEventListener('blur', restore);
      restore();
    }
    return false;
  }
  if (scroll) el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion(el) ? 'auto' : 'smooth' });
  return true;
}

function prefersReducedMotion(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  return !view || view.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
