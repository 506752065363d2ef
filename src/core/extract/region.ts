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

/** Child-element indices from `ancestor` down to `el`; null when el is not under it. */
export function pathFrom(ancestor: Element, el: Element): number[] | null {
  if (el === ancestor || !ancestor.contains(el)) return null;
  const path: number[] = [];
  for (let node: Element = el; node !== ancestor; node = node.parentElement as Element) {
    path.push(Array.prototype.indexOf.call((node.parentElement as Element).children, node));
  }
  return path.reverse();
}

/** The element at `path` under `root` (a deep copy of the element the path was taken from). */
export function elementAtPath(root: Element, path: number[]): Element | null {
  let node: Element | null = root;
  for (const index of path) node = node?.children[index] ?? null;
  return node;
}

/** A copy of the page cut down to the story's block, and the block's copy in it. */
export interface RegionCopy {
  doc: Document;
  region: Element;
}

/**
 * A copy of `region`'s document cut down to the region: the head whole,
 * the chain of the region's ancestors from the body down with the text
 * beside them (it is small, and can be a sentence of the story), and the
 * region whole; every other element of the body is left out. Only what is
 * kept is copied: copying the whole page to cut most of it away cost more
 * than the rest of the cut. Null, and the page is read whole, for a story
 * in a layout table: it would come out of Readability still wrapped in the
 * table, which cleaning keeps whole, as data (such old pages are small).
 */
export function copyRegion(region: Element): RegionCopy | null {
  const doc = region.ownerDocument;
  const root = doc.documentElement;
  const body = doc.body;
  if (!root || !body || body.parentElement !== root || region === body || !body.contains(region) || region.closest('table')) return null;
  // From the root down to the region.
  const chain: Element[] = [region];
  for (let node = region.parentElement; node && node !== root; node = node.parentElement) chain.unshift(node);
  chain.unshift(root);
  const copy = doc.cloneNode(false) as Document;
  for (let child = doc.firstChild; child; child = child.nextSibling) copy.appendChild(copy.importNode(child, child !== root));
  let parentCopy = copy.documentElement as Element;
  let regionCopy: Element = parentCopy;
  for (let level = 0; level < chain.length - 1; level++) {
    const next = chain[level + 1] as Element;
    // Under the root, everything but the body stays whole (the head above all); below it, only the chain's elements.
    for (let child = (chain[level] as Element).firstChild; child; child = child.nextSibling) {
      if (child === next) {
        regionCopy = parentCopy.appendChild(copy.importNode(next, next === region)) as Element;
      } else if (level === 0 || child.nodeType !== 1) {
        parentCopy.appendChild(copy.importNode(child, true));
      }
    }
    parentCopy = regionCopy;
  }
  return { doc: copy, region: regionCopy };
}
