/**
 * The words of an element's class list and id, as the extraction's rules
 * read them ("shareBar tag-ads" is "share", "bar"), and what they name.
 */

/** Class-ish words of a node: class list and id, lower-cased, split on non-letters. */
const NO_WORDS: readonly string[] = [];
/**
 * classWords by class-and-id string: a page repeats the same few class
 * strings on thousands of elements, and splitting them was a good part of
 * extraction's own time. Bounded, since ids make some keys unique.
 */
const classWordsCache = new Map<string, readonly string[]>();
const CLASS_WORDS_CACHE_MAX = 4096;

export function classWords(el: Element): readonly string[] {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  if (!cls && !id) return NO_WORDS;
  const key = `${cls} ${id}`;
  let words = classWordsCache.get(key);
  if (words) return words;
  words = key
    // "shareBar" -> "share Bar", "AdSlot" -> "Ad Slot"
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    // Taxonomy classes ("tag-social-media", "category-ads") describe the story, not the box.
    .split(/\s+/)
    .filter((token) => !/^(?:tag|category|categories|topic|section|format|post|type|status)[-_]/.test(token))
    .join(' ')
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (classWordsCache.size >= CLASS_WORDS_CACHE_MAX) classWordsCache.clear();
  classWordsCache.set(key, words);
  return words;
}

const isCreditWord = (w: string): boolean => w === 'credit' || w === 'credits';

/** Named as a picture's credit by a class or id word ("image-credit", "photoCredits"). */
export function namesCredit(el: Element): boolean {
  return classWords(el).some(isCreditWord);
}

/**
 * Named as a picture's copyright ("story-image-copyright"): a credit where it
 * sits inside a figure; elsewhere the site's own notice, so not a caption.
 */
export function namesCopyright(el: Element): boolean {
  return classWords(el).includes('copyright');
}

/** Named as a picture's caption or credit by a class or id word ("media-caption", "photoCredit", "imagecaption"). */
export function namesCaption(el: Element): boolean {
  return classWords(el).some((w) => w.endsWith('caption') || isCreditWord(w));
}
