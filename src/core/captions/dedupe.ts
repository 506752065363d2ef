/**
 * Which parts of a caption repeat the alt. They are hidden from assistive
 * technology while the alt stays: in Chromium 156 this leaves the image
 * named by its alt and the caption's other parts (credit, "more" button)
 * exposed, and the words once in the accessibility tree. Links, buttons
 * and credits are never hidden: aria-hidden on focusable content is an
 * axe violation, and a credit must stay with its caption.
 *
 * The caption element itself is never hidden, only what is inside it: a
 * figure takes its accessible name from its figcaption, and Firefox (153)
 * computes that name from an aria-hidden figcaption all the same (hidden
 * content that names something still counts), so the words were heard
 * again as the figure's name. Hidden content inside the figcaption is left
 * out of that name, as it is of a description naming the caption.
 */
import { FOCUSABLE, isElement, isOurs, isText, tag, textNodes, visibleText } from './dom';
import { isToggle } from './find';
import { decodeReferences, inlineCreditStart, repeatsAlt, words } from './text';
import type { TextPart } from './types';

const INERT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Never hidden: the credit, Lectern's own elements, controls, and what the caption's expansion conceals. */
function blocked(el: Element, credit: Element | null, conceal: Element[]): boolean {
  return el === credit || isOurs(el) || INERT.has(tag(el)) || isToggle(el) || el.matches(FOCUSABLE) || conceal.includes(el);
}

/** Holds something that is never hidden, beside words that may be. */
function mixed(el: Element, credit: Element | null, conceal: Element[]): boolean {
  return (
    (!!credit && el.contains(credit)) ||
    !!el.querySelector(FOCUSABLE) ||
    Array.from(el.querySelectorAll('*')).some(isToggle) ||
    conceal.some((c) => el.contains(c)) ||
    textNodes(el).some((t) => inlineCreditStart(t.data) < t.data.length)
  );
}

/**
 * A caption that says more than the alt, one of whose parts says the alt
 * again ("<span>the alt</span><span>Doug Mills/The New York Times</span>",
 * a credit with no label to tell it by): that part.
 */
export function partRepeatingAlt(caption: Element, credit: Element | null, conceal: Element[], alt: string): Element | null {
  for (let child = caption.firstElementChild; child; child = child.nextElementSibling) {
    if (blocked(child, credit, conceal) || mixed(child, credit, conceal)) continue;
    const text = visibleText(child);
    if (words(text).length >= 2 && repeatsAlt(decodeReferences(text), alt)) return child;
  }
  return null;
}

export function repeatedParts(caption: Element, credit: Element | null, conceal: Element[]): Array<Element | TextPart> {
  const out: Array<Element | TextPart> = [];
  const visit = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (isText(child)) {
        const end = inlineCreditStart(child.data);
        if (child.data.slice(0, end).trim()) out.push({ node: child, start: 0, end });
      } else if (isElement(child) && !blocked(child, credit, conceal)) {
        if (mixed(child, credit, conceal)) visit(child);
        else if (visibleText(child)) out.push(child);
      }
    }
  };
  visit(caption);
  return out;
}
