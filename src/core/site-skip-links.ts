/**
 * Finds the skip links a site already offers at the top of the page and
 * judges each: does its target exist, can it take focus, and does it land
 * in the article? Takes a Document, returns data, changes nothing.
 */
import { textBefore } from './detect/text';
import { isFocusable } from './focusable';

export interface SiteSkipLink {
  link: HTMLAnchorElement;
  /** The element the link points at, or null when it does not exist. */
  target: Element | null;
  /** The target can receive focus as it is. */
  focusable: boolean;
  /** Following the link puts the reader at (or just before) the story. */
  landsInArticle: boolean;
  /** Only other in-page links come before it in the tab order. */
  first: boolean;
}

/** Skip links sit among the first few things Tab reaches. */
const MAX_FOCUSABLES_SCANNED = 12;
/** Text before the story that still counts as landing on it. */
const MAX_CHARS_BEFORE_STORY = 150;

function fragmentTarget(doc: Document, link: HTMLAnchorElement): Element | null {
  const href = link.getAttribute('href') ?? '';
  const hash = href.startsWith('#') ? href : '';
  if (hash.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    id = hash.slice(1);
  }
  return doc.getElementById(id) ?? doc.getElementsByName(id)[0] ?? null;
}

/**
 * Does jumping to `target` put the reader at the story? Either the target is
 * inside the article (before or at the landing point), or it contains the
 * landing point with little text before it.
 */
function landsAt(target: Element, article: Element, landing: Element): boolean {
  if (target === landing || target.contains(landing)) {
    return textBefore(target, landing, MAX_CHARS_BEFORE_STORY) <= MAX_CHARS_BEFORE_STORY;
  }
  if (!article.contains(target)) return false;
  // Inside the article and before the landing point, with little in between.
  if (!(target.compareDocumentPosition(landing) & 4)) return false;
  return textBefore(article, landing, MAX_CHARS_BEFORE_STORY * 2) - textBefore(article, target, MAX_CHARS_BEFORE_STORY * 2) <= MAX_CHARS_BEFORE_STORY;
}

const FOCUSABLE = 'a[href],area[href],button,input,select,textarea,iframe,summary,[tabindex],[contenteditable]';

/** The first elements Tab reaches, by markup, in order (positive tabindex first). */
function firstFocusables(doc: Document, max: number, isVisible: (el: Element) => boolean): Element[] {
  if (!doc.body) return [];
  const all = doc.body.querySelectorAll(FOCUSABLE);
  const ordered: Element[] = [];
  const positive: Element[] = [];
  for (let i = 0; i < all.length && ordered.length < max; i++) {
    const el = all[i] as Element;
    const tabindex = Number(el.getAttribute('tabindex'));
    if (!isFocusable(el) || tabindex < 0 || !isVisible(el)) continue;
    (tabindex > 0 ? positive : ordered).push(el);
  }
  positive.sort((a, b) => Number(a.getAttribute('tabindex')) - Number(b.getAttribute('tabindex')));
  return [...positive, ...ordered].slice(0, max);
}

/** A link to a fragment of this very page (a <base> can send "#x" elsewhere). */
function isInPageLink(el: Element): boolean {
  if (el.tagName !== 'A' || !(el.getAttribute('href') ?? '').startsWith('#')) return false;
  const resolved = (el as HTMLAnchorElement).href;
  const here = el.ownerDocument.URL;
  return resolved.split('#')[0] === here.split('#')[0];
}

export function findSiteSkipLinks(
  doc: Document,
  article: Element,
  landing: Element,
  isVisible: (el: Element) => boolean = () => true,
): SiteSkipLink[] {
  const result: SiteSkipLink[] = [];
  // Most pages have no fragment link at all; then there is nothing to judge.
  if (!doc.body?.querySelector('a[href^="#"]')) return result;
  let onlyInPageLinksSoFar = true;
  for (const el of firstFocusables(doc, MAX_FOCUSABLES_SCANNED, isVisible)) {
    if (!isInPageLink(el)) {
      onlyInPageLinksSoFar = false;
      continue;
    }
    const link = el as HTMLAnchorElement;
    const target = fragmentTarget(doc, link);
    result.push({
      link,
      target,
      focusable: !!target && isFocusable(target),
      landsInArticle: !!target && landsAt(target, article, landing),
      first: onlyInPageLinksSoFar,
    });
  }
  return result;
}
