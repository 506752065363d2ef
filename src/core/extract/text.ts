/**
 * Text helpers for extracted articles: the visible text of a subtree with
 * block elements on their own lines, word counts and reading time.
 */

/** Elements that start a new line of text when rendered. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never shown. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);

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

/** Characters counted as one word each: scripts written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words in `text`. Scripts written without spaces (Chinese, Japanese, Thai
 * and their neighbours) count two characters as one word, a common
 * approximation for reading-speed estimates.
 */
export function countWords(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = text.replace(CJK, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
  return rest + Math.ceil(cjk / 2);
}

/** Adults read about 230 words a minute on screen; never say 0 minutes. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
