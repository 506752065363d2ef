/**
 * Finds the block of the page that holds the story's paragraphs, by where
 * the page's prose sits (Readability's idea, reduced to what a skip link
 * needs, so it is cheap enough to run on every page).
 */
import { INVISIBLE_TAGS, linkTextLength } from './text';

/** Regions whose paragraphs are never the story. */
const OUTSIDE_STORY =
  'nav,aside,footer,[role="navigation"],[role="complementary"],[role="contentinfo"],[hidden],[aria-hidden="true"],[role="dialog"],dialog';

/** Cheap pre-filter for readers' comments, confirmed by COMMENTS_CLASS. */
const COMMENTS_HINT = '[id*="comment" i],[class*="comment" i],[itemtype*="Comment"],[role="comment"]';
/** "comments", "comment-list", "js-comment" but not "commentary", which can be the story. */
const COMMENTS_CLASS = /(?:^|[\s_-])comment(?:s|list|-list|-body|-content|-text)?(?:$|[\s_-])/i;

/** Readers' comments under a story: prose, but never the story. */
function inComments(el: Element): boolean {
  for (let a = el.closest(COMMENTS_HINT); a; a = a.parentElement?.closest(COMMENTS_HINT) ?? null) {
    if (a.getAttribute('role') === 'comment' || /Comment/.test(a.getAttribute('itemtype') ?? '')) return true;
    if (COMMENTS_CLASS.test(`${a.id} ${typeof a.className === 'string' ? a.className : ''}`)) return true;
  }
  return false;
}

const MIN_PARAGRAPH_CHARS = 60;
const MIN_PARAGRAPHS_BEFORE_FALLBACK = 2;
const MIN_CHARS_BEFORE_FALLBACK = 500;
const MAX_LINK_DENSITY = 0.4;
/** Sentences have punctuation; menus and data tables rarely do. */
const SENTENCE_MARK = /[.!?。!?»"”'’:;,،]/;

export interface ProseCluster {
  /** The element whose subtree holds the most prose, by decayed score. */
  container: Element;
  /** Every prose paragraph on the page, in document order. */
  prose: Element[];
  /** Index in `prose` of the container's first paragraph. */
  first: number;
  /** Prose paragraphs inside the container. */
  count: number;
  /** Characters of prose inside the container. */
  chars: number;
  /** True when the prose came from text blocks without <p> (text density). */
  fromTextBlocks: boolean;
}

export class BudgetExceeded extends Error {}

interface Scored {
  score: number;
  chars: number;
  count: number;
  first: number;
}

/** How many paragraphs (text lines between <br>s) each text block holds. */
let blockParagraphs = new WeakMap<Element, number>();

/**
 * Inline wrappers: text inside them reads as part of the block around
 * them. Old editors wrap every line in <span style> or <font>.
 */
const INLINE_TAGS = new Set(['SPAN', 'FONT', 'B', 'STRONG', 'I', 'EM', 'U', 'SMALL', 'BIG', 'A', 'MARK', 'CITE', 'Q', 'ABBR', 'TIME', 'SUB', 'SUP']);

/**
 * Block-level text that sites write without <p>: a div or cell whose own
 * text (text nodes and the inline wrappers around them; lines separated by
 * <br>) makes prose.
 */
function textBlocks(body: Element, checkBudget: () => void): Element[] {
  const found: Element[] = [];
  blockParagraphs = new WeakMap();
  // A static list: jsdom recounts a live collection's length on every read.
  const all = body.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    if ((i & 255) === 0) checkBudget();
    const el = all[i] as Element;
    const tag = el.tagName.toUpperCase();
    // An inline element's text is counted with its block.
    if (INVISIBLE_TAGS.has(tag) || INLINE_TAGS.has(tag)) continue;
    let own = 0;
    let lines = 0;
    let line = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      let length = 0;
      if (n.nodeType === 3) length = (n.nodeValue ?? '').trim().length;
      else if (n.nodeType === 1) {
        const childTag = (n as Element).tagName.toUpperCase();
        if (childTag === 'BR') {
          if (line >= MIN_PARAGRAPH_CHARS) lines++;
          line = 0;
        } else if (INLINE_TAGS.has(childTag)) length = (n.textContent ?? '').trim().length;
      }
      own += length;
      line += length;
    }
    if (line >= MIN_PARAGRAPH_CHARS) lines++;
    if (own >= MIN_PARAGRAPH_CHARS * 2) {
      found.push(el);
      blockParagraphs.set(el, Math.max(1, lines));
    }
  }
  return found;
}

function score(blocks: ArrayLike<Element>, body: Element, checkBudget: () => void, fromTextBlocks: boolean): ProseCluster | null {
  const scores = new Map<Element, Scored>();
  const prose: Element[] = [];
  for (let i = 0; i < blocks.length; i++) {
    if ((i & 63) === 0) checkBudget();
    const el = blocks[i] as Element;
    const text = el.textContent ?? '';
    // Raw length first: it rules out most blocks before any real work.
    if (text.length < MIN_PARAGRAPH_CHARS) continue;
    const trimmed = text.trim();
    if (trimmed.length < MIN_PARAGRAPH_CHARS || !SENTENCE_MARK.test(trimmed)) continue;
    if (linkTextLength(el) / trimmed.length > MAX_LINK_DENSITY) continue;
    if (el.closest(OUTSIDE_STORY) || inComments(el)) continue;
    const len = Math.min(trimmed.length, 2000);
    const index = prose.length;
    prose.push(el);
    // Parent gets full credit, each ancestor further up half as much: the
    // best-scoring element is the one that directly holds the paragraphs.
    // A block of several lines (paragraphs between <br>s) holds its own
    // paragraphs, so it is credited first.
    const lines = fromTextBlocks ? (blockParagraphs.get(el) ?? 1) : 1;
    let weight = 1;
    for (let a = lines > 1 ? el : el.parentElement; a && a !== body.parentElement; a = a.parentElement) {
      let s = scores.get(a);
      if (!s) {
        s = { score: 0, chars: 0, count: 0, first: index };
        scores.set(a, s);
      }
      s.score += len * weight;
      s.chars += len;
      s.count += lines;
      weight = Math.max(weight / 2, 0.05);
    }
  }
  let best: Element | null = null;
  let bestScored: Scored | undefined;
  for (const [el, s] of scores) {
    if (!bestScored || s.score > bestScored.score) {
      bestScored = s;
      best = el;
    }
  }
  if (!best || !bestScored) return null;
  return {
    container: best,
    prose,
    first: bestScored.first,
    count: bestScored.count,
    chars: bestScored.chars,
    fromTextBlocks,
  };
}

/**
 * Returns the prose cluster of the page, or null when it has no prose.
 * `checkBudget` throws BudgetExceeded when the caller's time is up.
 */
export function findProse(body: Element, checkBudget: () => void): ProseCluster | null {
  const fromParagraphs = score(body.getElementsByTagName('p'), body, checkBudget, false);
  if (fromParagraphs && fromParagraphs.count >= MIN_PARAGRAPHS_BEFORE_FALLBACK && fromParagraphs.chars >= MIN_CHARS_BEFORE_FALLBACK) {
    return fromParagraphs;
  }
  // Text-density fallback for pages that write prose without <p>. It visits
  // every element, so it runs only where paragraphs tell us nothing.
  const fromBlocks = score(textBlocks(body, checkBudget), body, checkBudget, true);
  if (!fromParagraphs) return fromBlocks;
  if (!fromBlocks) return fromParagraphs;
  return fromBlocks.chars > fromParagraphs.chars ? fromBlocks : fromParagraphs;
}
