/**
 * detectArticle(document): is this page an article, and where are its
 * headline and its first paragraph? Takes a Document, returns data, never
 * changes the page; runs unchanged in jsdom and in a content script.
 */
import { readMetadata } from './metadata';
import { BudgetExceeded, findProse, type ProseCluster } from './paragraphs';
import { normalizedText, precedes, textBetween, titleSimilarity } from './text';

export type Signal =
  | 'json-ld'
  | 'microdata'
  | 'og:article'
  | 'article-element'
  | 'main-element'
  | 'headline'
  | 'text-density';

export interface DetectedArticle {
  /** The element that holds the story (its headline too, where it can). */
  article: Element;
  /** The story's headline, or null when none could be told apart. */
  headline: Element | null;
  /** The story's first paragraph. */
  start: Element;
  /**
   * Where a skip link should land: the headline when it sits right above
   * the story, else the first paragraph.
   */
  target: Element;
  /** The evidence used, for the popup and for tests. */
  signals: Signal[];
}

export interface DetectOptions {
  /** Give up (return null) after this many milliseconds. */
  budgetMs?: number;
  /**
   * Told when the budget ran out: null then means "did not finish" (the
   * thread may just have been busy), not "no article".
   */
  onGiveUp?: () => void;
  now?: () => number;
  /**
   * Whether an element is rendered. A live page passes checkVisibility; it
   * is asked of a handful of candidates only, since each call costs layout.
   * Without it (jsdom), markup alone decides.
   */
  isVisible?: (el: Element) => boolean;
}

/** Prose needed to call a page an article, with and without metadata saying so. */
const MIN_CHARS_WITH_METADATA = 250;
const MIN_CHARS_WITHOUT_METADATA = 900;
const MIN_PARAGRAPHS = 3;
/**
 * Landing on the headline must leave the story's first sentence in reach:
 * if the headline and what follows it before the story are longer than
 * this, we land on the story itself.
 */
const MAX_HEADLINE_TO_STORY_CHARS = 360;
/** Prose this close before the main cluster still belongs to the story. */
const MAX_LEAD_GAP_CHARS = 200;
/** How far above the cluster a lead paragraph may branch off. */
const MAX_LEAD_LEVELS = 3;

function isHtmlDocument(doc: Document): boolean {
  const root = doc.documentElement as Element | null;
  return (
    !!root &&
    root.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    !!doc.body &&
    doc.body.tagName.toUpperCase() === 'BODY'
  );
}

/**
 * Headings that look like teaser titles: a heading that is a link. One
 * article has few; a home page or a result list has one per item.
 */
function linkedHeadingCount(root: Element): number {
  let count = 0;
  for (const h of root.querySelectorAll('h2,h3,h4')) {
    if (h.querySelector('a[href]') || h.closest('a[href]')) count++;
  }
  return count;
}

/** Where a headline that matches the page's title may be set, when not in an h1. */
const TITLE_LIKE = 'h2,[class*="headline" i],[id*="headline" i],[class*="title" i],[id*="title" i]';
/** How much of a heading must be words of the page's title to count as a match. */
const TITLE_MATCH = 0.7;

function bestTitleMatch(text: string, titles: string[]): number {
  return Math.max(0, ...titles.map((t) => titleSimilarity(text, t)));
}

/**
 * The story's headline: an h1 before the story that best matches the
 * page's title, closest to the story on a tie. Where the h1 is the site's
 * logo, or there is none, an h2 or a title-classed element that matches
 * the title takes its place.
 */
function findHeadline(doc: Document, start: Element, titles: string[], isVisible: (el: Element) => boolean): Element | null {
  // A block of text without <p> can hold its own headline at the top.
  const usable = (h: Element): boolean =>
    (precedes(h, start) || start.contains(h)) && !h.closest('nav,footer,aside,[hidden],[aria-hidden="true"]') && normalizedText(h).length > 0;
  const h1s = Array.from(doc.querySelectorAll('h1,[itemprop="headline"]')).filter(usable);
  let best: Element | null = null;
  let bestScore = -Infinity;
  h1s.forEach((h, index) => {
    // Closer to the story is better; matching the page's title is better still.
    const score = bestTitleMatch(normalizedText(h), titles) * 2 + index / h1s.length;
    if (score > bestScore && isVisible(h)) {
      bestScore = score;
      best = h;
    }
  });
  const chosen = best as Element | null;
  const chosenMatch = chosen ? bestTitleMatch(normalizedText(chosen), titles) : 0;
  // Most news pages stop here: their h1 is the title.
  if (chosen && chosenMatch >= 0.9) return chosen;
  const others = Array.from(doc.querySelectorAll(TITLE_LIKE)).filter(usable).reverse();
  const match = others.find((h) => {
    const text = normalizedText(h);
    const similarity = text.length <= 300 ? bestTitleMatch(text, titles) : 0;
    return similarity >= TITLE_MATCH && similarity > chosenMatch && isVisible(h);
  });
  return match ?? chosen;
}

/** The lowest element that holds both a and b. */
function commonAncestor(a: Element, b: Element): Element {
  let node: Element | null = a;
  while (node && !node.contains(b)) node = node.parentElement;
  return node ?? a.ownerDocument.documentElement;
}

/**
 * The element to call the article: a semantic wrapper (<article>, microdata)
 * around the prose when there is one that is not much more than the story,
 * else the prose container widened to take in the headline.
 */
function chooseArticleElement(prose: ProseCluster, headline: Element | null, microdata: Element | null): Element {
  const body = prose.container.ownerDocument.body;
  const semantic = prose.container.closest('article,[itemprop="articleBody"]');
  for (const candidate of [microdata, semantic]) {
    // Some sites put their microdata on <html> or <body>: that says nothing of where the story is.
    if (candidate && body.contains(candidate) && candidate !== body && candidate.contains(prose.container)) {
      if (!headline || candidate.contains(headline)) return candidate;
      const outer = commonAncestor(candidate, headline);
      if (outer !== body && body.contains(outer)) return outer;
      return candidate;
    }
  }
  if (headline) {
    const outer = commonAncestor(prose.container, headline);
    if (outer !== body && body.contains(outer) && outer.getElementsByTagName('p').length <= prose.count * 3 + 10) {
      return outer;
    }
  }
  return prose.container;
}

function depth(el: Element): number {
  let d = 0;
  for (let a = el.parentElement; a; a = a.parentElement) d++;
  return d;
}

/**
 * The story's first paragraph. The best cluster can miss a lead that the
 * site sets apart (a lede block, an ad break after it), so we walk back over
 * prose that sits just before the cluster, close in the tree and the text.
 */
function findStart(prose: ProseCluster, headline: Element | null): number {
  const containerDepth = depth(prose.container);
  let first = prose.first;
  while (first > 0) {
    const previous = prose.prose[first - 1] as Element;
    const current = prose.prose[first] as Element;
    if (headline && !precedes(headline, previous)) break;
    if (!mayLead(previous)) break;
    if (containerDepth - depth(commonAncestor(previous, prose.container)) > MAX_LEAD_LEVELS) break;
    if (textBetween(previous, current, MAX_LEAD_GAP_CHARS) > MAX_LEAD_GAP_CHARS) break;
    first--;
  }
  return first;
}

/** Shorter than prose, a lead paragraph still starts the story ("Reader, I bought the boat."). */
const MIN_LEAD_CHARS = 15;
/** Bylines, datelines, credits and standfirsts are set as paragraphs too, but are not the story. */
const NOT_LEAD_CLASS = /byline|author|date|time|meta|credit|caption|share|tag|breadcrumb|kicker|dek|standfirst|subtitle|subhead|summary|description/i;
const BYLINE_TEXT = /^\s*(by|von|par|por|di|door|av|przez)\s/i;
const SENTENCE_END = /[.!?。!?"”'’»)]\s*$/;
/** A paragraph that asks the reader to sign up for a newsletter is the site talking, not the story. */
const SIGN_UP_PROMO = /\b(?:sign up|subscribe|register)\b.{0,60}\bnewsletters?\b|\bnewsletters?\b.{0,60}\b(?:sign up|subscribe)\b/i;

/** Could this paragraph be the story's first? Judged from markup and text alone. */
function mayLead(p: Element): boolean {
  const text = (p.textContent ?? '').trim();
  if (text.length < MIN_LEAD_CHARS) return false;
  if (text.length < 60 && !SENTENCE_END.test(text)) return false;
  if (BYLINE_TEXT.test(text) && text.length < 160) return false;
  if (text.length < 400 && SIGN_UP_PROMO.test(text)) return false;
  return !NOT_LEAD_CLASS.test(`${typeof p.className === 'string' ? p.className : ''} ${p.id}`);
}

/**
 * Sites style their first paragraph apart (a drop cap, links to earlier
 * coverage) so that it can fail the prose test; take the first real
 * paragraph of the cluster that comes before our start.
 */
function leadParagraph(prose: ProseCluster, start: Element, headline: Element | null, isVisible: (el: Element) => boolean): Element {
  const container = commonAncestor(prose.container, start);
  for (const p of container.getElementsByTagName('p')) {
    if (p === start || !precedes(p, start)) break;
    if (headline && !precedes(headline, p)) continue;
    if (!mayLead(p)) continue;
    if (p.closest('figure,figcaption,aside,nav,header,footer,[hidden],[aria-hidden="true"]')) continue;
    if (isVisible(p)) return p;
  }
  return start;
}

/** Punctuation a place name in a dateline may hold ("BAAR, SWITZERLAND", "ST. JOHN'S (AP)"). */
const DATELINE_PUNCTUATION = new Set([' ', ',', '.', "'", '’', '(', ')', '/', '-']);
const DATELINE_END = new Set(['-', '–', '—', ':']);

/**
 * A dateline set as its own line: a place in capitals ("BAAR, SWITZERLAND",
 * "LONDON —"), up to 50 characters, at least four capital letters. Tested
 * character by character: a Unicode property class (\p{Lu}) would cost half
 * a millisecond to compile on every page.
 */
function isDateline(text: string): boolean {
  const body = DATELINE_END.has(text.at(-1) ?? '') ? text.slice(0, -1).trimEnd() : text;
  if (body.length < 3 || body.length > 49) return false;
  let capitals = 0;
  for (const ch of body) {
    const upper = ch !== ch.toLowerCase();
    // Letters without case (Arabic, CJK) do not make a line of capitals; combining accents may follow one.
    if (upper) capitals++;
    else if (!DATELINE_PUNCTUATION.has(ch) && !(ch >= '\u0300' && ch <= '\u036f')) return false;
    if (capitals === 0) return false; // it starts with a capital
  }
  return capitals >= 4;
}

/**
 * A dateline on its own line right before the first paragraph opens the
 * story: a reader who lands after it misses where the story is told from.
 */
function withDateline(start: Element, headline: Element | null, isVisible: (el: Element) => boolean): Element {
  const previous = start.previousElementSibling;
  if (!previous || !/^(?:P|DIV|SPAN|STRONG|B)$/.test(previous.tagName.toUpperCase())) return start;
  const text = normalizedText(previous);
  if (!isDateline(text)) return start;
  if (headline && !precedes(headline, previous)) return start;
  return isVisible(previous) ? previous : start;
}

function detect(doc: Document, checkBudget: () => void, isVisible: (el: Element) => boolean): DetectedArticle | null {
  if (!isHtmlDocument(doc)) return null;
  const body = doc.body as HTMLElement;
  const meta = readMetadata(doc);
  checkBudget();
  const prose = findProse(body, checkBudget);
  if (!prose || prose.count === 0) return null;

  const signals: Signal[] = [];
  if (meta.jsonLdArticle) signals.push('json-ld');
  if (meta.microdataArticle) signals.push('microdata');
  if (meta.ogType === 'article') signals.push('og:article');
  const claimsArticle = signals.length > 0;

  const minChars = claimsArticle ? MIN_CHARS_WITH_METADATA : MIN_CHARS_WITHOUT_METADATA;
  if (prose.chars < minChars || prose.count < (claimsArticle ? 2 : MIN_PARAGRAPHS)) return null;
  // Pages that declare themselves players or lists need a real story to count.
  const claimsOther = meta.jsonLdNonArticle || meta.ogType.startsWith('video') || meta.ogType === 'website';
  if (claimsOther && !claimsArticle && prose.chars < MIN_CHARS_WITHOUT_METADATA * 2) return null;
  // Teaser lists: a linked heading for every short blurb. A page that says
  // it is an article may still carry a rail of related links in its body.
  if (!claimsArticle) {
    const teasers = linkedHeadingCount(prose.container);
    if (teasers >= 4 && prose.chars / teasers < 500) return null;
  }

  const clusterStart = prose.prose[prose.first] as Element;
  const headline = findHeadline(doc, clusterStart, meta.titles, isVisible);
  checkBudget();
  let startIndex = findStart(prose, headline);
  // The cluster may open with a byline or a standfirst set as prose.
  while (startIndex < prose.prose.length - 1 && !mayLead(prose.prose[startIndex] as Element)) startIndex++;
  // A paragraph the page does not render cannot take focus; use the next one.
  while (startIndex < prose.prose.length - 1 && !isVisible(prose.prose[startIndex] as Element)) startIndex++;
  const start = withDateline(leadParagraph(prose, prose.prose[startIndex] as Element, headline, isVisible), headline, isVisible);

  if (headline) signals.push('headline');
  const article = chooseArticleElement(prose, headline, meta.microdataArticle);
  if (article.closest('article')) signals.push('article-element');
  if (article.closest('main,[role="main"]')) signals.push('main-element');
  if (prose.fromTextBlocks) signals.push('text-density');

  const target = headline && headlineLeadsToStory(headline, start) ? headline : start;
  return { article: article.contains(start) ? article : commonAncestor(article, start), headline, start, target, signals };
}

/** Whether the headline and what the reader reads after it, up to the story, are short enough to land on the headline. */
function headlineLeadsToStory(headline: Element, start: Element, isVisible?: (el: Element) => boolean): boolean {
  const gapLimit = MAX_HEADLINE_TO_STORY_CHARS - normalizedText(headline).length;
  return gapLimit > 0 && textBetween(headline, start, gapLimit, isVisible) <= gapLimit;
}

/**
 * Where a jump to the article lands, asked when a person asks for it: the
 * headline, where the text between it and the story that is hidden from view
 * (an author's pop-up card in the page, display:none) left the gap too long
 * by markup alone. Layout is read for that gap's elements only.
 */
export function landingTarget(found: DetectedArticle, isVisible: (el: Element) => boolean): Element {
  const { headline, start, target } = found;
  if (target !== start || !headline || !isVisible(headline)) return target;
  return headlineLeadsToStory(headline, start, isVisible) ? headline : target;
}

export function detectArticle(doc: Document, options: DetectOptions = {}): DetectedArticle | null {
  const now = options.now ?? (() => Date.now());
  const deadline = options.budgetMs === undefined ? Infinity : now() + options.budgetMs;
  const checkBudget = (): void => {
    if (now() > deadline) throw new BudgetExceeded();
  };
  try {
    return detect(doc, checkBudget, options.isVisible ?? (() => true));
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    options.onGiveUp?.();
    return null;
  }
}
