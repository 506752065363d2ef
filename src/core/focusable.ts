/** Whether an element takes focus from a click, a script or Tab, by markup alone. */

const NATIVELY_FOCUSABLE = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'SUMMARY']);

export function isFocusable(el: Element): boolean {
  if (el.hasAttribute('tabindex')) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'A' || tag === 'AREA') return el.hasAttribute('href');
  if (NATIVELY_FOCUSABLE.has(tag)) return !el.hasAttribute('disabled');
  return el.getAttribute('contenteditable') === 'true' || el.getAttribute('contenteditable') === '';
}
