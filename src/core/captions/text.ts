/**
 * Text tests for captions: is an alt meaningful, is a caption a repeat of
 * the alt, does a text read like a photo credit.
 */
import { PICTURE_FILE } from '../image-files';
import { splitWords } from '../words';

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The character references sites leave in alt text most, escaped twice by their publishing tools. */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©',
};

/**
 * Alt text as a person should read it: "Fans celebrate &mdash; and wait"
 * is an escaping mistake, shown as the dash it meant. Only text: nothing
 * here is parsed as markup. An unknown name is left as written.
 */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]{2,8}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED_REFERENCES[name.toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? '', 16);
    // As browsers read them: 128-159 in Windows-1252 ("It&#146;s" from old tools), other controls left as written.
    if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] || whole;
    const printable = code >= 0x20 && code !== 0x7f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return printable ? String.fromCodePoint(code) : whole;
  });
}

/** Characters 128-159 of Windows-1252, the HTML standard's reading of those references; '' where it has none. */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
  .split('')
  .map((ch) => (ch < '\u00a0' && ch >= '\u0080' ? '' : ch));

/** Lower case words, accents and punctuation dropped, so "Haqqani (R)," equals "haqqani r". */
export function words(text: string): string[] {
  return splitWords(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
}

const CAMERA_NAME = /^(?:img|dsc[nf]?|pict?|pxl|mvimg|gopr|dji|photo|image|screenshot|screen shot|untitled)[\s_-]*\d/i;
/** Alts that only say "there is an image" (in a few languages sites use). */
const GENERIC = new Set([
  'image', 'img', 'photo', 'photograph', 'picture', 'pic', 'graphic', 'illustration', 'thumbnail', 'thumb',
  'placeholder', 'spacer', 'blank', 'null', 'undefined', 'alt', 'default', 'logo', 'icon', 'banner',
  'image of', 'photo of', 'picture of', 'featured image', 'lead image', 'hero image', 'main image',
  'article image', 'story image', 'header image', 'no image', 'foto', 'bild', 'imagen', 'immagine',
]);

const GENERIC_PHRASE = new RegExp(
  /^(?:(?:main|featured|lead|hero|header|article|story|post|default|top|cover|inline|thumbnail|news)\s+)+/.source +
    /(?:image|photo|picture|img|thumbnail|pic)s?$/.source,
  'i',
);
const FURNITURE = /\b(?:logo|icon|avatar|button|banner|sprite|call-to-action|placeholder)\b/i;

/**
 * An alt that is a file's or a camera's name and nothing more, one token:
 * "airpods-pro-2.jpg", "IMG_0042", "010_Clymer-2". Narrower than what
 * isMeaningfulAlt turns down: an alt with words ("A tweet from @Sen_Joe
 * saying...") is read as it is.
 */
export function isFileNameAlt(alt: string): boolean {
  const text = squash(alt);
  return !!text && !/\s/.test(text) && (PICTURE_FILE.test(text) || CAMERA_NAME.test(text) || /[^_]_[^_]/.test(text));
}

/** Search keywords a site adds to the headline to make an alt. */
const MAX_KEYWORDS_ADDED = 3;

/** Words that only frame a headline as a picture's ("Illustration for article titled …"): not keywords. */
const FRAMING_WORDS = new Set(['illustration', 'image', 'photo', 'picture', 'graphic', 'for', 'of', 'the', 'a', 'an', 'article', 'story', 'post', 'titled', 'entitled']);

/**
 * An alt that is the headline again. Either way round: the headline with a
 * few search keywords added ("Meal Prep for 80 Day Obsession, A Little More
 * Obsessed"), or framed as the picture's ("Illustration for article titled
 * …"), is still the headline; with more, the alt tells what the headline
 * does not.
 */
export function repeatsHeadline(alt: string, headline: string): boolean {
  if (!headline.trim()) return false;
  if (repeatsAlt(alt, headline)) return true;
  const said = words(headline);
  const own = words(alt).filter((w) => said.includes(w) || !FRAMING_WORDS.has(w));
  return repeatsAlt(headline, own.join(' ')) && own.length - said.length <= MAX_KEYWORDS_ADDED;
}

/**
 * An alt worth showing: not empty, not a file or camera name, not a
 * generic word, not a single word, not a number, not a bare credit.
 */
export function isMeaningfulAlt(alt: string | null): alt is string {
  if (alt === null) return false;
  const text = squash(alt);
  if (!text || PICTURE_FILE.test(text) || CAMERA_NAME.test(text)) return false;
  // Words joined by an underscore are a file's name ("Light a Wish_OGE Group"), not a description.
  if (/[^\s_]_[^\s_]/.test(text)) return false;
  if (GENERIC.has(text.toLowerCase().replace(/[.:]+$/, '')) || GENERIC_PHRASE.test(text)) return false;
  // "print header logo", "author avatar": site furniture, not a picture of the story.
  if (FURNITURE.test(text) && text.split(/\s+/).length <= 4) return false;
  if (/^[\d\s.,:/-]+$/.test(text)) return false;
  // One token, e.g. "hero", "IMG_0042", "2019-05-03-rally": no sentence, no meaning for a listener.
  if (!/\s/.test(text)) return false;
  // Two words that are not just numbers ("Reuters 2019" is one).
  if (words(text).filter((w) => /\D/.test(w)).length < 2) return false;
  return !looksLikeCredit(text);
}

const AGENCIES =
  'AP|AFP|Reuters|Getty Images|Getty|EPA|EPA-EFE|Shutterstock|Bloomberg|Alamy|PA|PA Images|Xinhua|' +
  'Anadolu|dpa|Sipa|Zuma|NurPhoto|Associated Press|Agence France-Presse|iStock|Unsplash|Pexels|Wikimedia Commons';
const CREDIT_START = new RegExp(
  String.raw`^[\s(\[]*(?:(?:photo(?:graph)?|image|picture|foto|credit|source|courtesy|illustration|video)s?` +
    String.raw`\s*(?:by|credit|courtesy)?\s*(?::|\||/|by\b|-\s|copyright\b|credit\b)` +
    // "Credit...Ann Lee": a credit label that trails off into the name. Not "Photos… from the scene".
    String.raw`|credit\s*(?:\.{3}|…)` +
    String.raw`|courtesy\s+of\b|©|\(c\)|copyright\b|(?:${AGENCIES})\b\s*(?:photo|/|$))`,
  'i',
);

const AGENCY_ONLY = new RegExp(`^(?:${AGENCIES})(?:\\s*(?:/|,|via)\\s*.*)?$`, 'i');

/** A picture's label before what follows it: "Image: The house where…" describes, "Photo: Ann Lee" credits. */
const PICTURE_LABEL = /^[\s([]*(?:photo(?:graph)?|image|picture|foto)s?\s*:\s*/i;
/** Words of a sentence that describes what a picture shows, which a credit's name and agency never hold. */
const DESCRIBING_WORD = /\s(?:in|which|where|was|were|is|are|at|during|after|while|with)\s/;
/** Longer than this after its label, a line that reads as a sentence describes; a long credit has no such words. */
const MAX_LABELLED_CREDIT_WORDS = 6;

/** What follows a picture's label ("Image: The house in which…") where it describes the picture, else null. */
export function labelledDescription(text: string): string | null {
  const t = squash(text);
  const label = PICTURE_LABEL.exec(t);
  if (!label) return null;
  const rest = t.slice(label[0].length);
  return rest.split(' ').length > MAX_LABELLED_CREDIT_WORDS && DESCRIBING_WORD.test(` ${rest} `) ? rest : null;
}

/** "Photo: AP", "© Getty Images", "Credit: Jane Roe", "AP Photo/John Doe", "Getty Images"; not "Image: The house in which…". */
export function looksLikeCredit(text: string): boolean {
  const t = squash(text);
  if (!t || t.length > 120 || labelledDescription(t) !== null) return false;
  if (CREDIT_START.test(t)) return true;
  return AGENCY_ONLY.test(t);
}

/** A credit written into the caption's own text: "... looks on. (AP Photo/John Doe)" or "... Photo: AP". */
const INLINE_CREDIT = new RegExp(
  String.raw`\s*(?:[(\[]\s*(?:(?:photo|image|credit|foto)s?\s*(?:by)?\s*[:/]?|©|(?:${AGENCIES})\b)[^)\]]*[)\]]|` +
    String.raw`(?:(?:photo|image|picture|credit|source)s?\s*(?:by)?\s*:|©|(?:${AGENCIES})\s+photo\s*/)[^.]*)\s*$`,
  'i',
);

/** Index where an inline credit starts in `text`, or text.length when there is none. */
export function inlineCreditStart(text: string): number {
  const match = INLINE_CREDIT.exec(text);
  return match ? match.index : text.length;
}

/**
 * Whether a caption repeats the alt: equal once normalized, or nearly all
 * of the caption's words are in the alt and it is not a mere fragment of
 * it. Only then can the caption be hidden from screen readers without
 * losing anything the alt does not say.
 */
export function repeatsAlt(caption: string, alt: string): boolean {
  const c = words(caption);
  const a = words(alt);
  if (!c.length || !a.length) return false;
  if (c.join(' ') === a.join(' ')) return true;
  const altBag = new Map<string, number>();
  for (const w of a) altBag.set(w, (altBag.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of c) {
    const n = altBag.get(w) ?? 0;
    if (n > 0) {
      shared++;
      altBag.set(w, n - 1);
    }
  }
  return shared / c.length >= 0.85 && c.length / a.length >= 0.6;
}
