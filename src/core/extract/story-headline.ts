/**
 * The story's own headline on the page, for the readings that start under
 * it (the printed date, the printed summary): not the first h1, which on
 * some pages is a menu's label ("Games") or the next story's headline, with
 * the story's own an h2.
 */
import { squash } from '../captions/text';
import { titleSimilarity } from '../detect/text';

/** How much of a heading must be the page's title's words for it to be the story's headline. */
const MIN_H1_MATCH = 0.6;
/** An h2 is the headline only where it says the title outright: h2s are the story's sections and teasers. */
const MIN_H2_MATCH = 0.9;
/**
 * Where a page sets its headline in no heading at all ("<dl class=newsTitle><dt>…"): a box named as a title
 * counts only where it says the title outright, since a page names many boxes so (its logo, its teasers).
 */
const TITLE_BOX = '[class*="title" i],[id*="title" i],[class*="headline" i],[id*="headline" i]';
const MIN_TITLE_BOX_MATCH = 0.9;
/** Longer than this, a heading is a teaser's paragraph in a heading's tag. */
const MAX_HEADLINE_CHARS = 300;

function titlesOf(doc: Document): string[] {
  const meta = (key: string): string => doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? '';
  return [meta('og:title'), meta('twitter:title'), doc.title].map(squash).filter(Boolean);
}

function bestMatch(headings: Element[], titles: string[], min: number): Element | null {
  let best: Element | null = null;
  let bestScore = min;
  for (const h of headings) {
    const text = squash(h.textContent ?? '');
    if (!text || text.length > MAX_HEADLINE_CHARS) continue;
    const score = Math.max(0, ...titles.map((t) => titleSimilarity(text, t)));
    if (score >= bestScore && (!best || score > bestScore)) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The h1 that says the page's title, else an h2 or a box named as a title that says it outright, else the
 * first h1 with words.
 */
export function storyHeadline(doc: Document): Element | null {
  const root = doc.body;
  if (!root) return null;
  const h1s = Array.from(root.getElementsByTagName('h1'));
  const titles = titlesOf(doc);
  if (titles.length) {
    const found =
      bestMatch(h1s, titles, MIN_H1_MATCH) ??
      bestMatch(Array.from(root.getElementsByTagName('h2')), titles, MIN_H2_MATCH) ??
      bestMatch(Array.from(root.querySelectorAll(TITLE_BOX)), titles, MIN_TITLE_BOX_MATCH);
    if (found) return found;
  }
  return h1s.find((h) => squash(h.textContent ?? '')) ?? null;
}
