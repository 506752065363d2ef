/**
 * The page's words for screen readers alone, in its figures: labels such as
 * "Image caption" or "Credit" that the site hides on screen. Read from the
 * live page's styles, which the extraction's clone does not have; only
 * figures and captions are looked at, so this costs a few style reads.
 */
import { screenReaderOnly } from '../../core/captions';

/** Where such labels sit in a story: in its pictures' captions and credits. */
const IN_FIGURES = 'figure *, figcaption *';

export function screenReaderLabels(root: Element): Element[] {
  const view = root.ownerDocument.defaultView;
  if (!view) return [];
  const labels: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(IN_FIGURES))) {
    // Inside a label already taken: it goes with it.
    if (labels.some((label) => label.contains(el))) continue;
    if (!(el.textContent ?? '').trim()) continue;
    if (screenReaderOnly(el, view.getComputedStyle(el))) labels.push(el);
  }
  return labels;
}
