/**
 * Text helpers for extracted articles: the visible text of a subtree with
 * block elements on their own lines, word counts and reading time.
 */

import { squash } from '../captions/text';

/** Elements that start a new line of text when rendered. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never shown. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

const UNSHOWN_TAGS = ['noscript', 'script', 'style', 'template'];
const UNSHOWN_SELECTOR = UNSHOWN_TAGS.join(',');

/** Characters of text, runs of whitespace counted as one space. */
function squashedLength(text: string): number {
  return squash(text).length;
}

/**
 * Characters of all the text in `el`, a <noscript>'s markup included: one
 * read of textContent, for sizing the many boxes the pre-processing weighs
 * (shownTextLength reads the subtree four more times).
 */
export function textLength(el: Element): number {
  return squashedLength(el.textContent ?? '');
}

/**
 * Characters of the words `el` shows, runs of whitespace counted as one. A
 * <noscript>'s markup is text in a page that runs scripts, and a script's
 * or a style's is never shown: their text is taken off. For the few boxes
 * where a noscript copy would be counted as words (a picture's box).
 */
export function shownTextLength(el: Element): number {
  let length = squashedLength(el.textContent ?? '');
  for (const tag of UNSHOWN_TAGS) {
    for (const unshown of Array.from(el.getElementsByTagName(tag))) {
      // Taken off once: a <style> inside a <noscript> (a page read with scripting off) is in the noscript's text.
      const outer = unshown.parentElement?.closest(UNSHOWN_SELECTOR);
      if (!outer || !el.contains(outer)) length -= squashedLength(unshown.textContent ?? '');
    }
  }
  return Math.max(0, length);
}

/**
 * The text a reader sees in `root`: whitespace collapsed within a block,
 * one line per block element (paragraph, heading, list item, caption, cell).
 */
export function blockText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const trimmed = line.replace(/\s+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT */) {
      line += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT */ && node.nodeType !== 11 /* FRAGMENT */ && node.nodeType !== 9) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
    else if (tag === 'IMG') line += ' ';
  };
  walk(root);
  flush();
  return lines.join('\n');
}

/*
 * Letters are matched by code-point ranges, not Unicode properties (\p{L},
 * \p{Script=Han}): V8 takes milliseconds to compile and first run those on
 * a page's text, and extraction runs on a cold page every time the reader
 * opens. The ranges cover the scripts news is written in.
 */

/** Scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): counted by characters. */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3038-\u303B\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA9E0-\uA9FF\uAA60-\uAA7F\uF900-\uFAFF\uFF66-\uFF9F]/g;

/** Letters and digits of spaced scripts: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Georgian, Hangul, Ethiopic. */
const LETTER = String.raw`0-9A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02AF\u0370-\u03FF\u0400-\u052F\u0531-\u0587\u05D0-\u05F2\u0620-\u064A\u0660-\u0669\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08C9\u0900-\u0DFF\u10A0-\u10FF\u1100-\u137F\u1E00-\u1FFF\u3130-\u318F\uAC00-\uD7AF\uFB1D-\uFDFB\uFE70-\uFEFC`;
/** Combining marks that belong to the letter before them (accents, Hebrew points, Arabic vowels). */
const MARK = String.raw`\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u064B-\u065F\u0670\u06D6-\u06ED`;

/** A word: a letter or digit, then letters, digits, marks, apostrophes and hyphens. */
// eslint-disable-next-line no-misleading-character-class -- code-point ranges: the rule reads a range end followed by a mark (U+08C9 then U+0900, U+FEFC then U+0300) as a letter with its accent
const WORD = new RegExp(`[${LETTER}][${LETTER}${MARK}'’-]*`, 'g');
/** Runs of letters and digits (marks kept): the words compared when texts are matched. */
// eslint-disable-next-line no-misleading-character-class -- as above
const WORD_PARTS = new RegExp(`[${LETTER}${MARK}]+`, 'g');

/** Text without a trailing ellipsis: a truncated copy of a caption or summary. */
export function truncatedStem(text: string): string | null {
  const m = /^(.*?)\s*(?:\.{3}|…)\s*(?:more|read more)?$/i.exec(text);
  return m && m[1]!.length >= 30 ? m[1]! : null;
}

/** Lower-case runs of letters and digits in `text` (apostrophes and hyphens split them). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD_PARTS) ?? [];
}

/** How much of `a` is made of words of `b`: the share of a's distinct words that b holds (0 to 1; 0 for no words). */
export function wordCoverage(a: string, b: string): number {
  const wa = new Set(wordsOf(a));
  if (wa.size === 0) return 0;
  const wb = new Set(wordsOf(b));
  let hits = 0;
  for (const w of wa) if (wb.has(w)) hits++;
  return hits / wa.size;
}

/**
 * Words in `text`. Scripts written without spaces (Chinese, Japanese, Thai
 * and their neighbours) count two characters as one word, a common
 * approximation for reading-speed estimates.
 */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const rest = text.replace(UNSPACED, ' ').match(WORD)?.length ?? 0;
  return rest + Math.ceil(unspaced / 2);
}

/** Adults read about 230 words a minute on screen; never say 0 minutes. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
