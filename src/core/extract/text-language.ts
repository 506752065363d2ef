/**
 * Which of the languages a page declares its text is written in, where the
 * declarations disagree (`<html lang="en">` over German text that its
 * content-language meta calls "de"): a screen reader reads the article in
 * the voice of the language the reader names, and the wrong one garbles it.
 * Judged by each language's commonest short words, for the languages whose
 * dates the reader also reads; others are left as declared. A page that
 * declares no language gets the one its text clearly is, where it is one of
 * these.
 */

const COMMON_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'it', 'for', 'was', 'with', 'on', 'are', 'this', 'be', 'have'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'sich', 'auf', 'ein', 'eine', 'dem', 'des', 'auch', 'wir', 'sie'],
  fr: ['le', 'les', 'et', 'des', 'est', 'une', 'du', 'que', 'pour', 'dans', 'pas', 'qui', 'sur', 'au', 'avec'],
  es: ['el', 'los', 'las', 'y', 'que', 'es', 'por', 'con', 'para', 'una', 'del', 'se', 'no', 'su', 'al'],
  it: ['il', 'gli', 'e', 'di', 'che', 'è', 'per', 'con', 'una', 'del', 'della', 'non', 'sono', 'alla', 'nel'],
  pt: ['o', 'os', 'e', 'que', 'em', 'é', 'para', 'com', 'uma', 'do', 'da', 'não', 'no', 'na', 'ao'],
  nl: ['het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'niet', 'met', 'voor', 'zijn', 'ook', 'naar', 'bij'],
};

/**
 * With no language declared, the winner's common words must be this share of the text's words at least: the
 * lists' words are a quarter of a text in their language, and a few in another (Indonesian "di" is Italian's).
 */
const MIN_SHARE_UNDECLARED = 0.1;
/** Words read: enough to tell, few enough to cost nothing on a long story. */
const MAX_WORDS = 2000;
/** The winner's common words must be this many times the runner-up's, and this many at least. */
const MIN_LEAD = 2;
const MIN_HITS = 10;

const primary = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/**
 * The declared language (a tag as given) whose common words the text uses
 * clearly most, or null where the declarations agree, a language has no
 * word list here, or the text does not tell them apart.
 */
export function languageOfText(declared: readonly string[], text: string): string | null {
  const byPrimary = new Map<string, string>();
  for (const tag of declared) if (!byPrimary.has(primary(tag))) byPrimary.set(primary(tag), tag);
  if (byPrimary.size < 2 || [...byPrimary.keys()].some((lang) => !COMMON_WORDS[lang])) return null;
  const winner = clearWinner([...byPrimary.keys()], text, 0);
  return winner ? (byPrimary.get(winner) ?? null) : null;
}

/**
 * The language of a text whose page declares none, where its common words
 * say it clearly (one of the languages listed here), else null: the reader
 * then marks the article's language unknown, as before.
 */
export function undeclaredLanguage(text: string): string | null {
  return clearWinner(Object.keys(COMMON_WORDS), text, MIN_SHARE_UNDECLARED);
}

/** Of `languages`, the one whose common words the text uses clearly most, and in at least `minShare` of its words. */
function clearWinner(languages: readonly string[], text: string, minShare: number): string | null {
  // Latin letters spelled out: a \p{L} class costs its compiling on every reader (docs/performance.md).
  const words = text.toLowerCase().split(/[^a-zß-ÿ]+/, MAX_WORDS).filter(Boolean);
  const counts = languages.map((lang) => {
    const common = new Set(COMMON_WORDS[lang]);
    return { lang, hits: words.filter((w) => common.has(w)).length };
  });
  counts.sort((a, b) => b.hits - a.hits);
  const [first, second] = counts;
  if (!first || !second || first.hits < MIN_HITS || first.hits < second.hits * MIN_LEAD || first.hits < words.length * minShare) return null;
  return first.lang;
}
