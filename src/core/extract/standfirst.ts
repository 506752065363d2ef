/**
 * The summary a page prints under its headline, found in the page itself.
 * Readability often drops it (set as an h2, or in a box whose class it
 * scores as clutter, or above the story's block), and the body's cleaning
 * can only lift out a standfirst that Readability kept. It is recognised by
 * what the page says it is: the page's own description (its meta, Open Graph
 * or JSON-LD description), printed after the headline and before the story.
 */
import { squash } from '../captions/text';
import { wordCoverage } from './text';

/** Elements read after the headline: a header's worth, not the page. */
const MAX_ELEMENTS = 80;
/** A box with more children than this is a layout's, not a summary's: its words are not read whole. */
const MAX_CHILDREN = 8;
/** A summary's own element, whatever links and emphasis it holds. */
const TEXT_BLOCKS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6']);
const MIN_CHARS = 40;
const MAX_CHARS = 600;
/** A paragraph this long that is not the summary is the story's first. */
const STORY_PARAGRAPH_CHARS = 150;
/** A box the page names as its summary: where its words differ from the page's description, its name says what it is. */
export const SUMMARY_NAME = /(?:^|[\s_-])(?:standfirst|dek|deck|blurb|summary|subtitle|sub-?headline|subhead|excerpt|strapline|intro-?text)(?:$|[\s_-])/i;
/** Fewer words than this in the h1 are a site's name ("River Post"), not a story's headline. */
const MIN_HEADLINE_WORDS = 3;
/** Where a box named as a summary is another story's or the author's. */
const NOT_SUMMARY_BOX = 'aside, nav, footer, [class*="author" i], [class*="related" i], [class*="teaser" i], [class*="card" i]';
/** Boxes that may hold a named summary's words alone. */
const NAMED_BLOCKS = new Set([...TEXT_BLOCKS, 'DIV']);

/** Text cut short ("… illegally entering the..."): a teaser of the story's opening, which the story says whole. */
const CUT_SHORT = /(?:\.\.\.|…)$/;

/** The same words as the headline, either way round: a summary that says nothing more. */
function repeatsTitle(text: string, title: string): boolean {
  return wordCoverage(text, title) >= 0.85 && wordCoverage(title, text) >= 0.85;
}

/** Never shown as words. */
const UNSHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

function says(text: string, descriptions: readonly string[]): boolean {
  if (CUT_SHORT.test(text)) return false;
  return text.length >= MIN_CHARS && text.length <= MAX_CHARS && descriptions.some((d) => wordCoverage(d, text) >= 0.85 && wordCoverage(text, d) >= 0.6);
}

/** The innermost box that still says it: not the summary with the share buttons or the byline set beside it. */
function innermost(el: Element, descriptions: readonly string[]): string {
  for (const child of Array.from(el.children)) {
    if (UNSHOWN.has(child.tagName.toUpperCase())) continue;
    const text = squash(child.textContent ?? '');
    if (says(text, descriptions)) return innermost(child, descriptions);
  }
  return squash(el.textContent ?? '');
}

/** The next element in document order; past `el`'s own children when `skipInside`. */
function following(el: Element, skipInside: boolean): Element | null {
  if (!skipInside && el.firstElementChild) return el.firstElementChild;
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (at.nextElementSibling) return at.nextElementSibling;
  }
  return null;
}

/**
 * The text of the first element after the story's headline (storyHeadline) that says what one of
 * `descriptions` says (all but a few of its words, and not much more: a
 * description may be cut short), or null. Stops at the story's first
 * paragraph.
 */
export function standfirstPrinted(headline: Element | null, descriptions: readonly string[], title: string): string | null {
  // A page whose description is its headline says nothing more under it.
  const summaries = descriptions.filter((d) => !repeatsTitle(d, title));
  if (!headline) return null;
  let el = following(headline, true);
  // The first box after the headline that the page names as its summary, kept in case none says the description;
  // looked for only under the story's headline (not a site's name set as its h1, with its tagline under it).
  const headlineText = squash(headline.textContent ?? '');
  const underHeadline =
    headlineText.split(' ').length >= MIN_HEADLINE_WORDS && (wordCoverage(title, headlineText) >= 0.6 || wordCoverage(headlineText, title) >= 0.6);
  let named: string | null = null;
  for (let seen = 0; el && seen < MAX_ELEMENTS; seen++) {
    const tag = el.tagName.toUpperCase();
    if (UNSHOWN.has(tag)) {
      el = following(el, true);
      continue;
    }
    if (el.childElementCount > MAX_CHILDREN && !TEXT_BLOCKS.has(tag)) {
      el = following(el, false);
      continue;
    }
    const text = squash(el.textContent ?? '');
    if (says(text, summaries)) return innermost(el, summaries);
    if (named === null && underHeadline && namedSummary(el, text, title)) {
      named = text;
      el = following(el, true);
      continue;
    }
    if (tag === 'P' && text.length >= STORY_PARAGRAPH_CHARS) return named;
    // A box too short to hold the summary holds nothing of it.
    el = following(el, text.length < MIN_CHARS);
  }
  return named;
}

/** A box named as the summary that holds a summary's words alone: no paragraphs or headings of its own, no byline. */
function namedSummary(el: Element, text: string, title: string): boolean {
  if (!NAMED_BLOCKS.has(el.tagName.toUpperCase()) || !SUMMARY_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return false;
  if (text.length < MIN_CHARS || text.length > MAX_CHARS || /^by\s/i.test(text) || CUT_SHORT.test(text)) return false;
  // The headline again, set as a subtitle, says nothing more.
  if (repeatsTitle(text, title)) return false;
  // A teaser's summary in a rail of other stories, an author's blurb: named so, but not this story's summary.
  if (el.closest(NOT_SUMMARY_BOX)) return false;
  return !el.querySelector('p, h1, h2, h3, h4, h5, h6, ul, ol, figure, img');
}
