/**
 * Where Readability needs to look. The always-on detector has already found
 * the block that holds the story; Readability's passes cost in proportion
 * to the document they walk, so the clone keeps that block, the chain of
 * its ancestors (whose classes Readability weighs) and the page's head, and
 * drops the rest of the page: menus, rails, footers, comment threads.
 */
import { detectArticle } from '../detect/index';

/** The story's block on a page, as the detector finds it, or null when there is none. */
export function storyRegion(doc: Document): Element | null {
  const article = detectArticle(doc)?.article ?? null;
  return article && article !== doc.body ? article : null;
}

/** Child-element indices from the body down to `el`; null when el is not under the body. */
export function pathFromBody(el: Element): number[] | null {
  const body = el.ownerDocument.body;
  if (!body || el === body || !body.contains(el)) return null;
  const path: number[] = [];
  for (let node: Element = el; node !== body; node = node.parentElement as Element) {
    path.push(Array.prototype.indexOf.call((node.parentElement as Element).children, node));
  }
  return path.reverse();
}

/** The element at `path` under the body of `doc` (a deep clone of the document the path was taken in). */
export function elementAtPath(doc: Document, path: number[]): Element | null {
  let node: Element | null = doc.body;
  for (const index of path) node = node?.children[index] ?? null;
  return node;
}

/**
 * Cuts `clone`, a deep clone of `region`'s document, down to the region:
 * every element off the path from the body to it goes. Returns false, with
 * the clone unchanged, when the clone has no such place.
 */
export function keepOnlyRegion(clone: Document, region: Element): boolean {
  // A story in a layout table would come out of Readability still wrapped in
  // the table, which cleaning keeps whole, as data; such old pages are small,
  // so they are read whole.
  if (region.closest('table')) return false;
  const path = pathFromBody(region);
  if (!path || !clone.body) return false;
  const chain: Element[] = [];
  let node: Element = clone.body;
  for (const index of path) {
    const next = node.children[index];
    if (!next) return false;
    chain.push(next);
    node = next;
  }
  if (node.tagName !== region.tagName) return false;
  let parent: Element = clone.body;
  for (const keep of chain) {
    // Text beside the path stays (it is small, and can be a sentence of the story); elements go.
    for (let child = parent.firstElementChild; child; ) {
      const next = child.nextElementSibling;
      if (child !== keep) child.remove();
      child = next;
    }
    parent = keep;
  }
  return true;
}
