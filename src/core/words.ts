/**
 * Splitting text into words, shared by every part of the always-on script.
 *
 * Deliberately not /\p{L}+/u or /[^\p{L}\p{N}]+/u: on a cold page V8 takes
 * about half a millisecond to compile a Unicode property class, on every
 * page load. Splitting on spaces and punctuation gives the same words for
 * the texts these heuristics compare (titles, headings, alts, captions), and
 * one regular expression object shared by detection and captions is
 * compiled once.
 */
export const WORD_SEPARATORS = /[\s.,;:!?'"“”‘’„()[\]{}«»‹›<>|/\\—–\-_*#@&+=~^%$…•·،؛؟]+/;

/** Lower-case words of `text`, split on spaces and punctuation. */
export function splitWords(text: string): string[] {
  return text.toLowerCase().split(WORD_SEPARATORS).filter(Boolean);
}
