/**
 * Lectern's pre-processing of the page clone, before Readability sees it:
 * captions that the site collapsed are shown (Readability drops hidden
 * nodes), lazy images get a real `src`, and page furniture that Readability
 * tends to keep (share bars, sign-up boxes, "related" modules, ads,
 * breadcrumbs) is removed.
 *
 * Everything here is a generic heuristic about how pages are built; nothing
 * names a site. It runs in one walk over the clone, so it costs a small
 * fraction of Readability's own passes.
 */
import { isOurs, isOwnId, leavesPage, OWN_ARIA_HIDDEN } from '../captions/dom';
import { fileNameOf, originalFileNameOf, PICTURE_FILE, PICTURE_FILE_WITHIN } from '../image-files';
import { inlineCreditStart, looksLikeCredit, repeatsAlt, squash } from '../captions/text';
import { captionsAsFigures, centredCaptionsAsFigures } from './caption-figures';
import { classWords, namesCaption } from './class-words';
import { isThumbnail } from './lead-figure';
import { AUTHOR_BOX, AUTHOR_MARK } from './metadata';
import { dropRepeatedCaptions, joinCaptionsSetAfterFigures } from './picture-captions';
import { namedPlaceholders, sharpenLowDensity, sharpenPlaceholders } from './placeholder-pictures';
import { textLength } from './text';
import { posterLink, videoLink } from './video-links';

/** Tags that never hold article text in a reader view. */
const DROP_TAGS = new Set(['NAV', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU']);

/** Landmark and widget roles of page furniture. */
const DROP_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog', 'alertdialog',
  'menu', 'menubar', 'toolbar', 'tablist', 'alert', 'marquee',
]);

/**
 * Class and id words of page furniture. Matched as whole words of the
 * class/id string (split on anything that is not a letter), so "ad" does not
 * match "head" and "share" does not match "shareholder".
 */
const CLUTTER_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'sharetools', 'social', 'socials', 'newsletter', 'newsletters',
  'subscribe', 'subscription', 'signup', 'optin', 'related', 'recommended', 'recommendations',
  'recirc', 'recirculation', 'promo', 'promos', 'advert', 'adverts', 'advertisement', 'ad', 'ads',
  'adslot', 'adunit', 'adsense', 'dfp', 'gpt', 'sponsor', 'sponsored', 'outbrain', 'taboola',
  'breadcrumb', 'breadcrumbs', 'cookie', 'cookies', 'consent', 'gdpr', 'paywall', 'popup',
  'modal', 'overlay', 'disqus', 'trending', 'mostread', 'mostpopular', 'popular', 'readmore',
  'readnext', 'upnext', 'morestories', 'moreon', 'skiplink', 'skip', 'print', 'toolbar',
  'byline', 'dateline', 'timestamp', 'authorbio', 'bio', 'tags', 'taglist', 'topics', 'widget',
  'comments', 'comment', 'cta', 'tooltip', 'popover', 'rollover', 'hovercard', 'flyout', 'dropdown', 'sronly', 'visuallyhidden', 'screenreader', 'offscreen',
]);

/** Pop-up UI, hidden by the site's CSS until hovered or opened: never part of a sentence. */
const HIDDEN_UI_WORDS = new Set(['tooltip', 'popover', 'rollover', 'hovercard', 'flyout', 'dropdown']);

/**
 * Names of a banner that is a picture alone. Not "ad": generated class names
 * ("css-1ad9x0") split into it.
 */
const PICTURE_AD_WORDS = new Set(['cta', 'promo', 'advert', 'advertisement', 'sponsored']);

/** A picture inside a link to another page: what a banner is. */
function isLinkedPicture(el: Element): boolean {
  return Array.from(el.getElementsByTagName('a')).some((a) => leavesPage(a) && a.getElementsByTagName('img').length > 0);
}

/** Pairs of words that only mean clutter together ("more stories", "read more", "sign up"). */
const CLUTTER_PAIRS: readonly (readonly [string, string])[] = [
  ['read', 'more'], ['more', 'stories'], ['most', 'read'], ['most', 'popular'], ['sign', 'up'],
  ['opt', 'in'], ['you', 'may'], ['also', 'like'], ['read', 'next'], ['up', 'next'],
  ['author', 'bio'], ['about', 'author'], ['author', 'info'], ['sr', 'only'], ['visually', 'hidden'],
  ['screen', 'reader'], ['skip', 'link'], ['ad', 'slot'], ['ad', 'container'], ['ad', 'wrapper'],
  ['more', 'from'], ['story', 'timeline'],
];
/**
 * Most class names hold none of the pairs' first words: one look-up each
 * rules them out. clutterReason runs on every element of the story's block,
 * in code run once per page (not yet optimised by the engine); a CPU
 * profile of the reader's extraction put most of its time in walking the
 * 22 pairs for each element.
 */
const PAIR_FIRST_WORDS = new Set(CLUTTER_PAIRS.map((pair) => pair[0]));

/** Words that protect a node: it is (or wraps) the story itself or a caption. */
const KEEP_WORDS = new Set(['caption', 'figcaption', 'credit', 'credits']);

/** Byline and date boxes are clutter only while small (the story is shown with its own byline). */
const SMALL_ONLY = new Set(['byline', 'dateline', 'timestamp', 'bio', 'tags', 'topics', 'widget', 'print', 'skip', 'toolbar', 'popular', 'overlay', 'modal']);

/** Weak words that never remove a picture or a caption ("image-overlay", "photo-widget"). */
const MEDIA_SAFE = new Set(['overlay', 'widget', 'print', 'skip', 'toolbar']);

/** A clutter box holds little prose; above this, a match is probably a wrapper class. */
const MAX_CLUTTER_CHARS = 1500;

/**
 * Inline elements are never judged by their class: a link or a span with a
 * furniture-like class inside a sentence is part of the sentence.
 */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'FONT', 'LABEL', 'BR', 'WBR', 'IMG', 'PICTURE', 'SOURCE',
]);

export function isInlineElement(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
}

/** Why a node looks like page furniture, or null when it does not. */
export function clutterReason(el: Element): string | null {
  const words = classWords(el);
  if (words.length === 0) return null;
  const tag = el.tagName.toUpperCase();
  if (INLINE_TAGS.has(tag)) {
    // Inline boxes count only when they are pop-up UI that CSS hides until
    // hover (the link that opens it is part of the sentence), or a picture
    // with no words that is named an advertisement (a "call to action" banner).
    if (tag === 'A') return null;
    const hidden = words.find((w) => HIDDEN_UI_WORDS.has(w));
    if (hidden) return hidden;
    const ad = words.find((w) => PICTURE_AD_WORDS.has(w));
    return ad && textLength(el) === 0 && isLinkedPicture(el) ? ad : null;
  }
  let hit: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (KEEP_WORDS.has(w)) return null;
    // "content__header--no-promo" is a header without a promo in it.
    if (!hit && CLUTTER_WORDS.has(w) && words[i - 1] !== 'no') hit = w;
  }
  if (hit) return hit;
  let pairStarts = false;
  for (let i = 0; i < words.length - 1 && !pairStarts; i++) pairStarts = PAIR_FIRST_WORDS.has(words[i]!);
  if (!pairStarts) return null;
  for (const [a, b] of CLUTTER_PAIRS) {
    const i = words.indexOf(a);
    if (i >= 0 && words[i + 1] === b) return `${a}${b}`;
  }
  return null;
}

const CAPTIONISH = /(?:^|[^a-z])(?:caption|credit|figcaption)/i;

function isCaptionish(el: Element): boolean {
  if (el.tagName === 'FIGCAPTION') return true;
  const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return CAPTIONISH.test(cls) && el.closest('figure, [class*="image" i], [class*="photo" i], [class*="media" i]') !== null;
}

/** Words in a figure's caption that say its picture's alt again. */
function repeatsFigureAlt(el: Element): boolean {
  const figure = el.parentElement?.closest('figcaption')?.closest('figure');
  const text = el.textContent ?? '';
  return !!figure && Array.from(figure.getElementsByTagName('img')).some((img) => repeatsAlt(text, img.getAttribute('alt') ?? ''));
}

/** Makes a collapsed caption visible to Readability's visibility check. */
function expandCaption(el: Element): void {
  el.removeAttribute('hidden');
  if (el.getAttribute('aria-hidden') === 'true') el.removeAttribute('aria-hidden');
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) {
    el.setAttribute('style', style.replace(/display\s*:\s*none|visibility\s*:\s*hidden/gi, ''));
  }
}

/** URLs of placeholders that lazy loaders put in `src` until the real image loads. */
const PLACEHOLDER_SRC = /^data:|(?:^|[/_.-])(?:blank|spacer|placeholder|transparent|pixel|lazy|loader|loading|grey|gray|1x1)(?:[/_.-]|$)/i;

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-src'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set'];

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const v = el.getAttribute(name);
    if (v && v.trim() && !/^data:/i.test(v.trim())) return v.trim();
  }
  return null;
}

/** Gives lazy images and picture sources their real URLs. */
export function resolveLazyImage(el: Element): void {
  if (el.tagName === 'SOURCE') {
    const set = firstAttr(el, LAZY_SRCSET_ATTRS);
    // A stand-in set ("data:image/png;base64,…") would be the one the browser picks over the picture's img.
    const own = el.getAttribute('srcset')?.trim();
    if (set && (!own || PLACEHOLDER_SRC.test(own))) el.setAttribute('srcset', set);
    return;
  }
  const src = el.getAttribute('src')?.trim() ?? '';
  const lazySrc = firstAttr(el, LAZY_SRC_ATTRS);
  const lazySet = firstAttr(el, LAZY_SRCSET_ATTRS);
  // A class naming the loader ("penci-lazy") says the src is its stand-in, whatever its name: Readability's own test.
  const srcIsPlaceholder = !src || PLACEHOLDER_SRC.test(src) || /lazy/i.test(el.getAttribute('class') ?? '');
  if (lazySrc && srcIsPlaceholder) el.setAttribute('src', lazySrc);
  if (lazySet && (!el.getAttribute('srcset') || PLACEHOLDER_SRC.test(el.getAttribute('srcset')!))) {
    el.setAttribute('srcset', lazySet);
  }
  if (!el.getAttribute('src') || PLACEHOLDER_SRC.test(el.getAttribute('src')!)) {
    // No lazy attribute: fall back to the best <picture> source, then srcset.
    const set = el.getAttribute('srcset') ?? siblingSourceSet(el);
    const first = set ? pickFromSrcset(set) : null;
    if (first) el.setAttribute('src', first);
  }
  // sizes="auto" asks for the size the picture is laid out at, and makes the browser draw a lazy picture as a
  // 300×150 box until then (its own style, which no page can override): the reader's column picks the size.
  const sizes = el.getAttribute('sizes');
  if (sizes !== null && /^\s*auto\b/i.test(sizes)) {
    const rest = sizes.replace(/^\s*auto\s*,?\s*/i, '');
    if (rest) el.setAttribute('sizes', rest);
    else el.removeAttribute('sizes');
  }
  // The alt a lazy loader keeps aside until it loads the picture.
  const lazyAlt = el.getAttribute('data-alt')?.trim();
  if (lazyAlt && !el.getAttribute('alt')?.trim()) el.setAttribute('alt', lazyAlt);
}

/**
 * A picture the site shows small, in a link to a larger copy of the same
 * picture (Blogger's "s320" in a link to "s1600", a WordPress thumbnail
 * linked to its original): the reader shows the larger copy, at the size
 * the site gave the picture, so it stays sharp for a reader who zooms in.
 * Not where the picture names its sizes itself (srcset, <picture>): the
 * browser picks from those.
 */
function showLinkedLargerCopy(img: Element): void {
  const link = img.parentElement;
  if (!link || link.tagName !== 'A' || img.hasAttribute('srcset') || link.getElementsByTagName('img').length !== 1 || textLength(link) > 0) return;
  const src = img.getAttribute('src')?.trim() ?? '';
  const href = link.getAttribute('href')?.trim() ?? '';
  if (!src || !href || href === src || !/^(?:https?:|\/|[^:]*$)/i.test(href) || !PICTURE_FILE.test(fileNameOf(href))) return;
  if (originalFileNameOf(href) === originalFileNameOf(src)) img.setAttribute('src', href);
}

function siblingSourceSet(img: Element): string | null {
  const picture = img.parentElement;
  if (!picture || picture.tagName !== 'PICTURE') return null;
  for (const source of picture.getElementsByTagName('source')) {
    const set = source.getAttribute('srcset') ?? firstAttr(source, LAZY_SRCSET_ATTRS);
    if (set) return set;
  }
  return null;
}

/** The largest candidate of a srcset ("a.jpg 320w, b.jpg 640w" -> "b.jpg"). */
export function pickFromSrcset(set: string): string | null {
  let best: string | null = null;
  let bestSize = -1;
  for (const part of set.split(/,\s+/)) {
    const [url, size] = part.trim().split(/\s+/);
    if (!url || /^data:/i.test(url)) continue;
    const n = size ? parseFloat(size) : 1;
    if (n > bestSize) {
      best = url;
      bestSize = n;
    }
  }
  return best;
}

const MAX_SPACER_PX = 2;
/** A box named as a picture ("js-delayed-image-load", "photo-placeholder"). */
const NAMED_PICTURE = /(?:^|[^a-z])(?:image|img|photo|picture)/i;
/** A data: URL this short is a 1×1 blank, not a picture. */
const MAX_BLANK_DATA_URL = 200;
/** What Readability's lazy-image fix takes for a picture's address in another attribute (its own test, file types included). */
const READABILITY_PICTURE_FILE = /\.(?:jpg|jpeg|png|webp)/i;

/** What a loading indicator's picture says ("Loading...", "processing…"). */
const LOADING_ALT = /^(?:loading|processing|please wait)\s*(?:\.{3}|…)?$/i;
/** A spinner's file ("nbc-ajax-loader.gif", "spinner.svg"): animations, never a photo's format. */
const LOADER_FILE = /^(?:[a-z\d]+[-_])*(?:ajax[-_]?)?(?:loader|spinner|loading)(?:[-_][a-z\d]+)*\.(?:gif|svg)$/i;

/** A loading indicator's picture, left by a widget in the story's column: the page's machinery, never the story's. */
function isLoadingIndicator(img: Element): boolean {
  return LOADING_ALT.test((img.getAttribute('alt') ?? '').trim()) || LOADER_FILE.test(fileNameOf(img.getAttribute('src') ?? ''));
}

/** A lazy loader's blank (a 1×1 data: picture) with no address of the picture it stands for: it can never show. */
export function isBlankPlaceholder(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').trim();
  // Readability swaps a blank for the picture in a <noscript> beside it.
  const noscript = img.nextElementSibling?.tagName.toUpperCase() === 'NOSCRIPT';
  // Readability gives the picture any attribute that names an image file ("data-echo", "data-orig-file").
  const named = Array.from(img.attributes).some((a) => a.name !== 'src' && a.name !== 'alt' && READABILITY_PICTURE_FILE.test(a.value));
  return /^data:/i.test(src) && src.length <= MAX_BLANK_DATA_URL && !img.getAttribute('srcset') && img.parentElement?.tagName.toUpperCase() !== 'PICTURE' && !noscript && !named;
}

/**
 * An empty element that a lazy loader's script turns into a picture
 * (`<div class="js-delayed-image-load" data-src=… data-alt=…>`): the img it
 * would have made. Only where it says what the picture shows or sits in a
 * figure, so other lazy widgets stay what they are.
 */
function pictureDrawnLater(el: Element): Element | 'spacer' | null {
  const tag = el.tagName.toUpperCase();
  if (tag !== 'DIV' && tag !== 'SPAN') return null;
  const src = el.getAttribute('data-src')?.trim();
  if (!src || /^data:/i.test(src) || el.firstElementChild || textLength(el) > 0) return null;
  const alt = el.getAttribute('data-alt');
  if (alt === null && !el.closest('figure')) return null;
  // A picture, not a player or another widget that loads later: an image file, or a box named as a picture.
  if (!PICTURE_FILE_WITHIN.test(src) && !NAMED_PICTURE.test(el.getAttribute('class') ?? '')) return null;
  // A rule or a spacer (a picture a pixel or two tall): not worth drawing.
  const size = (side: string): number => {
    const px = el.getAttribute(`data-${side}`)?.trim() ?? '';
    return /^\d+$/.test(px) ? Number(px) : NaN;
  };
  const width = size('width');
  const height = size('height');
  if (width <= MAX_SPACER_PX || height <= MAX_SPACER_PX) return 'spacer';
  const img = el.ownerDocument.createElement('img');
  img.setAttribute('src', src);
  img.setAttribute('alt', alt ?? '');
  if (Number.isFinite(width)) img.setAttribute('width', String(width));
  if (Number.isFinite(height)) img.setAttribute('height', String(height));
  return img;
}

/** Cheaper than querySelector in every DOM we run in. */
function hasTag(el: Element, tag: string): boolean {
  return el.getElementsByTagName(tag).length > 0;
}

function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return n;
}

/** Paragraphs of at least 150 characters that are not mostly a link. */
function proseParagraphs(el: Element): number {
  let n = 0;
  for (const p of el.getElementsByTagName('p')) {
    const len = textLength(p);
    if (len >= 150 && linkTextLength(p) < len / 2) n++;
    if (n >= 3) break;
  }
  return n;
}

/**
 * Whether a node that matched a clutter word is really a box of furniture,
 * not a wrapper of the story that happens to carry such a class.
 */
function isClutterBox(el: Element, reason: string): boolean {
  const len = textLength(el);
  if (len === 0) return true;
  if (SMALL_ONLY.has(reason)) {
    return len < 300 && !(MEDIA_SAFE.has(reason) && (hasTag(el, 'img') || hasTag(el, 'figcaption')));
  }
  // A box around the headline or the story itself is a wrapper, whatever its class.
  if (len >= 300 && (hasTag(el, 'h1') || hasTag(el, 'article') || hasTag(el, 'main'))) return false;
  const density = linkTextLength(el) / len;
  // Story wrappers sometimes carry furniture classes ("body share-enabled"):
  // several paragraphs of unlinked prose mean this is the story.
  if (density < 0.25 && proseParagraphs(el) >= 3) return false;
  if (len < MAX_CLUTTER_CHARS) return true;
  // Long boxes go only when they are mostly links (lists of teasers).
  return density > 0.5;
}

/** Whether a descendant of el carries the same furniture word (el is then only a wrapper). */
function hasInnerMatch(el: Element, word: string): boolean {
  for (const d of el.querySelectorAll('[class]')) if (classWords(d).includes(word)) return true;
  return false;
}

export interface PrepareStats {
  removed: number;
  captions: number;
  images: number;
  /** Pictures with a caption built from divs, made figures. */
  figures: number;
  /** Text of the first byline box removed, if any. */
  byline?: string;
}

/**
 * Prepares a clone of the page for Readability. Mutates `doc`, which must
 * be a clone: the live page is never touched. `sharedImage` is the page's
 * og:image, read from the page before the clone was cut to the story.
 */
export function prepareDocument(doc: Document, sharedImage: string | null = null): PrepareStats {
  const stats: PrepareStats = { removed: 0, captions: 0, images: 0, figures: 0 };
  const body = doc.body;
  if (!body) return stats;
  // Readability judges <html> by its class and id like any box, and a
  // layout class ("header-spacing") reads as clutter: its first pass then
  // throws the whole page away, and its second, without that pass's
  // tidying, loses a caption set in bare divs. Names on <html> never say
  // where the story is.
  doc.documentElement.removeAttribute('class');
  doc.documentElement.removeAttribute('id');
  const doomed: Element[] = [];
  const unwrapped: Element[] = [];
  const named: Element[] = [];
  // An explicit stack: pages can nest deeper than is safe to recurse.
  const stack: Element[] = [];
  for (let child = body.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  while (stack.length) {
    const el = stack.pop()!;
    const verdict = judge(el, stats, named);
    if (verdict === 'drop') doomed.push(el);
    if (verdict === 'unwrap') unwrapped.push(el);
    if (verdict !== 'keep' && verdict !== 'unwrap') continue;
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  for (const el of unwrapped) el.replaceWith(...Array.from(el.childNodes));
  for (const el of doomed) el.remove();
  stats.removed = doomed.length + dropRepeatedCaptions(body);
  stats.figures = captionsAsFigures(named.filter((el) => el.isConnected)) + centredCaptionsAsFigures(body);
  joinCaptionsSetAfterFigures(body);
  if (sharedImage) {
    sharpenPlaceholders(body, sharedImage);
    namedPlaceholders(body, sharedImage);
  }
  sharpenLowDensity(body);
  return stats;
}

/** Tags whose insides are never walked (no article text, no pictures). */
const OPAQUE_TAGS = new Set(['SCRIPT', 'STYLE', 'SVG', 'TEMPLATE', 'MATH', 'IFRAME', 'OBJECT', 'CANVAS', 'NOSCRIPT']);

/**
 * What to do with one element: drop it, keep it and look inside, or keep
 * its contents without it.
 */
function judge(el: Element, stats: PrepareStats, named: Element[]): 'drop' | 'keep' | 'leaf' | 'unwrap' {
  const tag = el.tagName.toUpperCase();
  // The page is read as the site made it, not as Lectern's captions feature
  // changed it: the alt text it shows goes (the reader shows the image with its
  // alt), and caption words it hid from screen readers come back, else
  // Readability would drop them as hidden.
  if (isOurs(el)) return tag === 'LECTERN-REPEAT' ? 'unwrap' : 'drop';
  // The ids Lectern gave the story and its captions: the page's own, not the story's. A caption
  // box named "lectern-caption-1" would read as a caption by its name, with everything in it.
  if (isOwnId(el.id)) el.removeAttribute('id');
  const describedBy = el.getAttribute('aria-describedby');
  if (describedBy) {
    const siteIds = describedBy.split(/\s+/).filter((id) => id && !isOwnId(id));
    if (siteIds.length) el.setAttribute('aria-describedby', siteIds.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  if (el.hasAttribute(OWN_ARIA_HIDDEN)) {
    el.removeAttribute(OWN_ARIA_HIDDEN);
    el.removeAttribute('aria-hidden');
  }
  // The author's headshot, or their outlet's logo, beside the byline: the reader names the author in words.
  if (tag === 'IMG' && isThumbnail(el) && el.closest(AUTHOR_BOX)) return 'drop';
  if (tag === 'IMG' || tag === 'SOURCE') {
    resolveLazyImage(el);
    if (tag === 'IMG' && isLoadingIndicator(el)) return 'drop';
    if (tag === 'IMG') showLinkedLargerCopy(el);
    stats.images++;
    // A lazy loader's blank that names no picture to load: without the size it was given it takes no room,
    // so the reader shows no blank box, and the figure keeps its caption (and the picture its alt).
    if (tag === 'IMG' && isBlankPlaceholder(el)) {
      el.removeAttribute('width');
      el.removeAttribute('height');
    }
    return 'leaf';
  }
  const drawnLater = pictureDrawnLater(el);
  if (drawnLater === 'spacer') return 'drop';
  if (drawnLater) {
    el.replaceWith(drawnLater);
    stats.images++;
    return 'leaf';
  }
  if (tag === 'IFRAME') {
    const caption = playerCaption(el);
    const name = caption ? squash(caption.textContent ?? '') : '';
    const link = videoLink(el, el.ownerDocument.baseURI, name);
    if (link) {
      el.replaceWith(link);
      liftOutOfWrappers(link);
      // The caption is the link's name now: heard once, as the link.
      if (caption && link.textContent === name) caption.remove();
    }
    return 'leaf';
  }
  if (OPAQUE_TAGS.has(tag)) return 'leaf';
  const poster = tag === 'A' ? posterLink(el, el.ownerDocument.baseURI) : null;
  if (poster) {
    el.replaceWith(poster);
    liftOutOfWrappers(poster);
    return 'leaf';
  }
  if (tag === 'BLOCKQUOTE' && el.matches(EMBEDDED_POST)) {
    singleBreaks(el);
    return 'keep';
  }
  const role = el.getAttribute('role');
  if (DROP_TAGS.has(tag) || (role && DROP_ROLES.has(role))) {
    // Navigation and dialogs hold no story, unless a site put its story in one.
    return holdsStory(el) ? 'keep' : 'drop';
  }
  if (tag === 'FORM' && textLength(el) < 500) return 'drop';
  if (tag !== 'ARTICLE' && tag !== 'MAIN') {
    const reason = clutterReason(el);
    // A post the story quotes, in its embed box ("social-media-embed"): the box goes, the quote stays.
    if (reason && holdsOnlyEmbeddedPosts(el)) return 'unwrap';
    if (reason && HIDDEN_UI_WORDS.has(reason) && hasInnerMatch(el, reason)) {
      // The box holds both the visible trigger (a name) and the pop-up: remove only the pop-up, deeper down.
    } else if (reason && isClutterBox(el, reason)) {
      // The byline box goes (the reader shows the byline in its header), but its words are kept.
      if (reason === 'byline' && !stats.byline) {
        // The author's own element where the box marks it: the box also holds dates, comment links and topics.
        const author = Array.from(el.querySelectorAll(AUTHOR_MARK)).find((a) => squash(a.textContent ?? '') !== '');
        const text = squash((author ?? el).textContent ?? '');
        if (text && text.length < 120) stats.byline = text;
      }
      // A box drawn around a player ("player-overlay", with its buttons): the box goes, the video's link stays.
      const player = PLAYER_BOX_WORDS.has(reason) ? lonePlayer(el) : null;
      if (player) {
        el.replaceWith(player);
        liftOutOfWrappers(player);
        return 'leaf';
      }
      return 'drop';
    }
  }
  if (isCaptionish(el) && (el.hasAttribute('hidden') || el.hasAttribute('aria-hidden') || el.hasAttribute('style'))) {
    expandCaption(el);
    stats.captions++;
  } else if (el.getAttribute('aria-hidden') === 'true' && repeatsFigureAlt(el)) {
    // Caption words the site hid from screen readers because the picture's alt says them: a sighted reader sees
    // them on the page, and the reader makes such a repeat heard once itself. Readability would drop them as hidden.
    el.removeAttribute('aria-hidden');
  }
  if (tag !== 'FIGCAPTION' && namesCaption(el)) named.push(el);
  return 'keep';
}

/** Names of the box a player is drawn in (its floating frame, its pop-up): not a related video's nor an ad's. */
const PLAYER_BOX_WORDS = new Set(['overlay', 'modal', 'popup']);
/** Words a player's box may hold beside the player (a button's label, a "Watch"), and no more. */
const MAX_PLAYER_BOX_CHARS = 100;

/** A caption as long as a title, at most: a longer one describes the video, and stays under it. */
const MAX_PLAYER_CAPTION_CHARS = 120;

/**
 * The caption of a figure that holds this player and nothing else to see
 * (the video's title, set under it), for a player without a title of its
 * own: a link named by the site's host tells nothing.
 */
function playerCaption(iframe: Element): Element | null {
  const figure = iframe.closest('figure');
  if (!figure || figure.querySelectorAll('iframe, img, picture, video, svg image').length !== 1) return null;
  const caption = Array.from(figure.getElementsByTagName('figcaption')).find((fc) => fc.closest('figure') === figure);
  const length = caption ? textLength(caption) : 0;
  if (!caption || length === 0 || length > MAX_PLAYER_CAPTION_CHARS) return null;
  // A credit ("Video: Ann Lee / River Post") says who made the video, not what it shows: it stays a caption.
  const text = squash(caption.textContent ?? '');
  return looksLikeCredit(text) || inlineCreditStart(text) < text.length ? null : caption;
}

/** The link to the one video player in a box that holds nothing else to read (its title bar at most, which names it), or null. */
function lonePlayer(box: Element): Element | null {
  const frames = box.getElementsByTagName('iframe');
  if (frames.length !== 1 || textLength(box) >= MAX_PLAYER_BOX_CHARS) return null;
  return videoLink(frames[0]!, box.ownerDocument.baseURI, squash(box.textContent ?? ''));
}

/**
 * The player's link moved out of the divs that wrapped the player (up to its
 * figure): Readability removes a div that is all link, as it removes a box
 * of teasers, and the link is all the div would hold. An svg there is the
 * player's icons (a sprite of its buttons), not a picture.
 */
function liftOutOfWrappers(link: Element): void {
  let wrapper = link.parentElement;
  while (wrapper && wrapper.tagName.toUpperCase() === 'DIV' && textLength(wrapper) === textLength(link) && !wrapper.querySelector('img, picture, video, audio, iframe, canvas, table')) {
    wrapper.replaceWith(link);
    wrapper = link.parentElement;
  }
}

/**
 * The quotes that social sites' embed codes write before their script turns
 * them into a card: the post's words, its author and date. A story that
 * embeds a post quotes it; readers of the story read it.
 */
const EMBEDDED_POST = 'blockquote.twitter-tweet,blockquote.instagram-media,blockquote.tiktok-embed,blockquote.reddit-embed-bq,blockquote.bluesky-embed,blockquote.text-post-media,blockquote.mastodon-embed';
/** Words an embed box may hold beside its posts (a "View on X" label). */
const MAX_EMBED_BOX_EXTRA_CHARS = 40;

/** A box that holds embedded posts and next to nothing else. */
function holdsOnlyEmbeddedPosts(el: Element): boolean {
  const posts = el.querySelectorAll(EMBEDDED_POST);
  if (posts.length === 0) return false;
  let inPosts = 0;
  for (const post of posts) inPosts += textLength(post);
  return textLength(el) - inPosts <= MAX_EMBED_BOX_EXTRA_CHARS;
}

/**
 * A post's blank lines (<br><br>) as single line breaks: Readability reads a
 * run of breaks as the end of a paragraph, makes the post's paragraph a div,
 * and then drops that div for its links (a post's hashtags and short links).
 */
function singleBreaks(post: Element): void {
  for (const br of Array.from(post.getElementsByTagName('br'))) {
    if (!br.isConnected) continue;
    let next = br.nextSibling;
    while (next && ((next.nodeType === 3 && !(next.nodeValue ?? '').trim()) || (next.nodeType === 1 && (next as Element).tagName.toUpperCase() === 'BR'))) {
      const after = next.nextSibling;
      if (next.nodeType === 1) next.remove();
      next = after;
    }
  }
}

/** Several paragraphs of unlinked prose: a story, whatever box it is in. */
function holdsStory(el: Element): boolean {
  const len = textLength(el);
  return len > 500 && linkTextLength(el) / len < 0.25 && proseParagraphs(el) >= 3;
}
