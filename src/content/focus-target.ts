/**
 * Moves keyboard focus to an element that may not take focus on its own,
 * the way matatk/landmarks does: tabindex=-1 only for the jump, restored
 * as soon as focus leaves, so the page's tab order is unchanged.
 */
import { isFocusable } from '../core/focusable';

export function focusTarget(el: HTMLElement): void {
  if (!isFocusable(el)) {
    el.setAttribute('tabindex', '-1');
    const restore = (): void => {
      el.removeAttribute('tabindex');
    };
    el.addEventListener('blur', restore, { once: true });
  }
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion(el) ? 'auto' : 'smooth' });
}

function prefersReducedMotion(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  return !view || view.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
