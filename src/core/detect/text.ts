/** Small text helpers shared by the detectors. None of them touches layout. */
import { splitWords as words } from '../words';

/** Elements whose text a reader never sees. */
export const INVISIBLE_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);

export function normalizedText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Characters of link text inside el, for link density. */
export function linkTextLength(el: Element): number {
  let total = 0;
  for (const a of el.getElementsByTagName('a')) total += (a.textContent ?? '').trim().length;
  return total;
}

/**
 * How much of `candidate` is made of the words of `title`, from 0 to 1.
 * Titles often carry a site suffix ("... | Site"), so we measure how much of
 * the candidate the title covers, not the reverse.
 */
export function titleSimilarity(candidate: string, title: string): number {
  const c = words(candidate);
  if (c.length === 0) return 0;
  const titleWords = words(title);
  const t = new Set(titleWords);
  let hits = 0;
  for (const w of c) if (t.has(w)) hits++;
  // A site name ("Oakdale Neighbours") is all title words too, but covers
  // only the title's suffix: weigh by how much of the title it spans.
  const coverage = Math.min(1, c.length / (titleWords.length * 0.6));
  return (hits / c.length) * coverage;
}

/**
 * A walker over the text a reader sees under `root`: text in scripts,
 * styles and subtrees marked `hidden` is skipped, and so are subtrees
 * `isVisible` says are not rendered, when it is given (it costs layout).
 */
export function visibleTextWalker(root: Node, isVisible?: (el: Element) => boolean): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  return doc.createTreeWalker(root, 0x5 /* ELEMENT | TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 1) {
        const el = node as Element;
        const unseen = INVISIBLE_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden') || (isVisible !== undefined && !isVisible(el));
        return unseen ? 2 /* REJECT */ : 3 /* SKIP */;
      }
      return 1; // ACCEPT text
    },
  });
}

/** Counts text from the walker's position up to `to`, stopping once `limit` is passed. */
function countUntil(walker: TreeWalker, to: Element, limit: number): number {
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === to || to.contains(node)) break;
    if (to.compareDocumentPosition(node) & 4 /* FOLLOWING */) break;
    count += (node.nodeValue ?? '').trim().length;
    if (count > limit) break;
  }
  return count;
}

/**
 * Counts the characters of text between the end of `from` and the start of
 * `to` (document order), stopping once `limit` is passed. Text in scripts,
 * styles and hidden subtrees marked with `hidden` is not counted, nor,
 * with `isVisible`, text in subtrees that are not rendered.
 */
export function textBetween(from: Element, to: Element, limit: number, isVisible?: (el: Element) => boolean): number {
  const doc = from.ownerDocument;
  const walker = visibleTextWalker(doc.body ?? doc.documentElement, isVisible);
  // Start after the last node inside `from`.
  let last: Node = from;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  return countUntil(walker, to, limit);
}

/** Characters of text inside `container` that come before `el`, counted as textBetween counts. */
export function textBefore(container: Element, el: Element, limit: number): number {
  return container === el ? 0 : countUntil(visibleTextWalker(container), el, limit);
}

export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4 /* b FOLLOWS a */) !== 0;
}
