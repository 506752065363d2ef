/**
 * The page's words for screen readers alone, in its figures: labels such as
 * "Image caption" or "Credit" that the site hides on screen. Read from the
 * live page's styles, which the extraction's clone does not have; only
 * figures and captions are looked at, so this costs a few style reads.
 *
 * Only short labels beside a caption's visible words count: a hidden long
 * description (a chart's text alternative) or a whole caption hidden until
 * a button is pressed is content, and stays in the reader.
 */
import { visuallyHidden } from '../../core/captions/dom';

/** Where such labels sit in a story: in its pictures' captions and credits. */
const IN_FIGURES = 'figure *, figcaption *';
/** "Image caption", "Credit...", "Photo:": a few words. */
const MAX_LABEL_CHARS = 40;
const MAX_LABEL_WORDS = 4;

function isLabel(el: Element, view: Window): boolean {
  if (el.localName === 'figcaption') return false;
  const text = (el.textContent ?? '').trim();
  if (!text || text.length > MAX_LABEL_CHARS || text.split(/\s+/).length > MAX_LABEL_WORDS) return false;
  // Beside visible words of the same caption, not the caption itself.
  const caption = el.closest('figcaption') ?? el.closest('figure');
  if (!caption || (caption.textContent ?? '').trim().length <= text.length) return false;
  return visuallyHidden(el, view.getComputedStyle(el));
}

export function screenReaderLabels(root: Element | null): Element[] {
  const view = root?.ownerDocument.defaultView;
  if (!root || !view) return [];
  const labels: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(IN_FIGURES))) {
    // Inside a label already taken: it goes with it.
    if (labels.some((label) => label.contains(el))) continue;
    if (isLabel(el, view)) labels.push(el);
  }
  return labels;
}
