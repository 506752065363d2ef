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
import { inlineCreditStart } from './text';
import type { TextPart } from './types';

const INERT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

export function repeatedParts(caption: Element, credit: Element | null, conceal: Element[]): Array<Element | TextPart> {
  const blocked = (el: Element) =>
    el === credit || isOurs(el) || INERT.has(tag(el)) || isToggle(el) || el.matches(FOCUSABLE) || conceal.includes(el);
  const inlineCredit = (el: Element) => textNodes(el).some((t) => inlineCreditStart(t.data) < t.data.length);
  const mixed = (el: Element) =>
    (!!credit && el.contains(credit)) ||
    !!el.querySelector(FOCUSABLE) ||
    Array.from(el.querySelectorAll('*')).some(isToggle) ||
    conceal.some((c) => el.contains(c)) ||
    inlineCredit(el);

  const out: Array<Element | TextPart> = [];
  const visit = (el: Element): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (isText(child)) {
        const end = inlineCreditStart(child.data);
        if (child.data.slice(0, end).trim()) out.push({ node: child, start: 0, end });
      } else if (isElement(child) && !blocked(child)) {
        if (mixed(child)) visit(child);
        else if (visibleText(child)) out.push(child);
      }
    }
  };
  visit(caption);
  return out;
}
