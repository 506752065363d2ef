/**
 * Finding an image's picture box, caption and credit. Captions are either
 * native (a figcaption of the image's figure), already tied (the image's
 * aria-describedby), or nearby text that names itself a caption or sits
 * alone with the image in a small wrapper.
 */
import {
  ancestor, countImages, firstDescendants, hasImage, hasText, isElement, isOurs, isText,
  linkShare, nameOf, siblings, tag, textLength, visibleText,
} from './dom';
import { looksLikeCredit } from './text';

const CAPTION_NAME = /caption|cutline|legend|figcap|(?:image|img|photo|media|pic)[-_]*(?:desc|text|info)/i;
/** Names that mention captions but are switches, icons or "has no caption" flags. */
const NOT_CAPTION_NAME =
  /no-?caption|without-?caption|caption-?(?:icon|toggle|button|btn|trigger|checkbox)|closed-?caption/i;
const CREDIT_NAME = /credit|copyright|photographer|attribution|courtesy|byline|creator|author|\bsource\b/i;
/** Blocks a picture box must not grow into: lists, cells and landmarks. */
const STOP_TAGS = new Set([
  'LI', 'UL', 'OL', 'DL', 'DD', 'DT', 'TD', 'TH', 'TR', 'TABLE', 'FIGURE', 'ARTICLE', 'MAIN', 'SECTION',
  'ASIDE', 'NAV', 'BODY', 'HTML', 'FORM', 'PICTURE',
]);
const NOT_CAPTION_TAGS = new Set([
  'BUTTON', 'A', 'INPUT', 'LABEL', 'SELECT', 'TEXTAREA', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE',
  'NAV', 'FORM', 'IMG', 'PICTURE', 'VIDEO', 'IFRAME', 'svg',
]);
const TOGGLE_TEXT =
  /^\W*(?:(?:read|show|see|view|expand|hide)\s+)?(?:more|less|full caption|caption)\W*$|^\W*(?:…|\.\.\.)\W*$/i;

export interface FoundCaption {
  caption: Element | null;
  credit: Element | null;
  container: Element | null;
  /** A figcaption of the image's own figure: already tied by HTML. */
  native: boolean;
  /** Already the image's aria-describedby. */
  tied: boolean;
  /** Found by its name (class "caption", a figcaption, aria-describedby), not only by where it sits. */
  named: boolean;
}

/** Nodes that may sit beside a picture in its wrapper without being content. */
const FURNITURE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'INPUT', 'META', 'LINK', 'BR', 'SOURCE']);

/** The wrapper holds `inner` and nothing a reader sees besides. Looks at its children only. */
function holdsOnly(wrapper: Element, inner: Element): boolean {
  for (let child = wrapper.firstChild; child; child = child.nextSibling) {
    if (child === inner) continue;
    if (isText(child)) {
      if (child.data.trim()) return false;
    } else if (isElement(child) && !FURNITURE.has(tag(child)) && !isOurs(child)) {
      if (hasText(child) || hasImage(child)) return false;
    }
  }
  return true;
}

/** The img, grown to its picture/link/ratio wrappers while they hold this image and no text. */
export function findMedia(img: Element, article: Element): Element {
  let media: Element = img.parentElement && tag(img.parentElement) === 'PICTURE' ? img.parentElement : img;
  for (let depth = 0; depth < 6; depth++) {
    const parent = media.parentElement;
    if (!parent || parent === article || STOP_TAGS.has(tag(parent)) || !holdsOnly(parent, media)) break;
    media = parent;
  }
  return media;
}

/** Switches that open or close a caption ("more", "Show caption"), never clicked by Lectern. */
export function isToggle(el: Element): boolean {
  const role = el.getAttribute('role');
  const control = ['BUTTON', 'SUMMARY', 'LABEL', 'A'].includes(tag(el)) || role === 'button';
  if (!control) return false;
  if (el.hasAttribute('aria-expanded')) return true;
  const text = visibleText(el);
  return text.length <= 30 && TOGGLE_TEXT.test(text);
}

function captionNamed(el: Element): boolean {
  const name = nameOf(el);
  return CAPTION_NAME.test(name) && !NOT_CAPTION_NAME.test(name);
}

function creditNamed(el: Element): boolean {
  return CREDIT_NAME.test(nameOf(el));
}

/** Hidden for the eye on purpose ("Image copyright" labels for screen readers): not a caption to show. */
const SCREEN_READER_ONLY = /sr-only|visually-?hidden|screen-?reader|off-?screen|a11y-?hidden/i;

/**
 * Text that could be a caption: not a control or heading, no picture
 * inside, not a whole story, not a teaser headline (mostly link text),
 * not a bare URL.
 */
function captionLike(el: Element): boolean {
  if (NOT_CAPTION_TAGS.has(tag(el)) || isOurs(el) || SCREEN_READER_ONLY.test(nameOf(el)) || hasImage(el)) return false;
  // A block that holds a heading is the story's title or a section, never the picture's caption.
  if (el.querySelector('h1,h2,h3,h4,h5,h6,[role="heading"]')) return false;
  // Comment forms and author boxes with an avatar: fields and buttons, not a caption.
  if (el.getElementsByTagName('input').length || ancestor(el, null, (a) => tag(a) === 'FORM')) return false;
  const length = textLength(el, 1200);
  if (length < 2 || length > 1200) return false;
  const text = visibleText(el);
  return !/^(?:https?:\/\/|www\.)\S+$/.test(text) && linkShare(el) <= 0.5;
}

/**
 * An unnamed block counts as a caption only when it shares a small wrapper
 * with the picture and nothing else, and reads like a sentence: the next
 * paragraph of a story, a teaser title or a comment is not a caption.
 */
function wrappedWith(el: Element, level: Element, article: Element): boolean {
  const wrapper = el.parentElement;
  if (!wrapper || wrapper === article || STOP_TAGS.has(tag(wrapper)) || tag(wrapper) === 'P') return false;
  if (!['DIV', 'P', 'SPAN', 'SMALL', 'EM', 'I', 'CITE'].includes(tag(el))) return false;
  if (siblings(level, true, 3).length + siblings(level, false, 3).length > 2 || textLength(el, 400) > 400) return false;
  return visibleText(el).split(' ').length >= 3 && countImages(wrapper, 2) === 1;
}

function creditIn(caption: Element): Element | null {
  const whole = visibleText(caption);
  for (const el of firstDescendants(caption, 30)) {
    // Credits are short: longer parts are the caption's own words.
    if (isOurs(el) || textLength(el, 120) > 120 || isToggle(el)) continue;
    const text = visibleText(el);
    if (text && text !== whole && (creditNamed(el) || looksLikeCredit(text))) return el;
  }
  return null;
}

function creditNear(caption: Element): Element | null {
  for (const sib of [...siblings(caption, true, 1), ...siblings(caption, false, 1)]) {
    if (hasImage(sib) || textLength(sib, 120) > 120) continue;
    const text = visibleText(sib);
    if (text && (creditNamed(sib) || looksLikeCredit(text))) return sib;
  }
  return null;
}

/** The credit of a caption: inside it, next to it, or the caption itself when it only says "Photo: AP". */
export function findCredit(caption: Element): Element | null {
  const inside = creditIn(caption);
  if (inside) return inside;
  if (looksLikeCredit(visibleText(caption)) || (creditNamed(caption) && !captionNamed(caption))) return caption;
  return creditNear(caption);
}

function describedByCaption(img: Element): Element | null {
  const doc = img.ownerDocument;
  for (const id of (img.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)) {
    const el = doc.getElementById(id);
    if (el && visibleText(el)) return el;
  }
  return null;
}

function nativeCaption(figure: Element): Element | null {
  for (const fc of Array.from(figure.querySelectorAll('figcaption'))) {
    if (fc.closest('figure') === figure) return fc;
  }
  return null;
}

/** A caption named so inside a sibling block (e.g. a "meta" div holding caption and credit). */
function namedInside(el: Element): Element | null {
  if (hasImage(el)) return null;
  for (const inner of firstDescendants(el, 40)) {
    if (captionNamed(inner) && captionLike(inner)) return inner;
  }
  return null;
}

/** Search outwards from the picture box: its next siblings first, then a named one just above. */
function nearbyCaption(media: Element, figure: Element | null, article: Element): Element | null {
  let level = media;
  for (let depth = 0; depth < 4; depth++) {
    for (const sib of siblings(level, true, 2)) {
      // A long block (the story going on) or another picture ends the search.
      if (textLength(sib, 1200) > 1200 || hasImage(sib)) break;
      // A credit line before the caption belongs to it; keep looking past it.
      if (textLength(sib, 120) <= 120 && (creditNamed(sib) || looksLikeCredit(visibleText(sib)))) continue;
      if ((captionNamed(sib) || wrappedWith(sib, level, article)) && captionLike(sib)) return sib;
      const inner = namedInside(sib);
      if (inner) return inner;
    }
    const before = siblings(level, false, 1)[0];
    if (before && captionNamed(before) && captionLike(before)) return before;
    const parent = level.parentElement;
    if (!parent || parent === figure || parent === article || STOP_TAGS.has(tag(parent))) break;
    level = parent;
  }
  return null;
}

function commonParent(a: Element, b: Element): Element | null {
  let p = a.parentElement;
  while (p && !p.contains(b)) p = p.parentElement;
  return p;
}

/** How many boxes that hold only the figure are looked through for a figcaption after them. */
const MAX_FIGURE_BOXES = 3;

/**
 * A figcaption a site set right after the figure instead of inside it, or
 * after a box that holds the figure alone (a hero's container): a caption,
 * but not tied by HTML.
 */
function captionAfterFigure(figure: Element, article: Element): Element | null {
  let box = figure;
  for (let level = 0; level <= MAX_FIGURE_BOXES; level++) {
    const next = siblings(box, true, 1)[0];
    if (next) return tag(next) === 'FIGCAPTION' && captionLike(next) ? next : null;
    const parent = box.parentElement;
    // The box holds the figure alone: no other picture, no words of its own.
    if (!parent || parent === article || !article.contains(parent) || STOP_TAGS.has(tag(parent))) return null;
    if (countImages(parent, 2) !== countImages(figure, 2) || textLength(parent, 300) !== textLength(figure, 300)) return null;
    box = parent;
  }
  return null;
}

export function findCaption(img: Element, media: Element, article: Element): FoundCaption {
  const figure = ancestor(img, article, (a) => tag(a) === 'FIGURE');
  const fromFigure = figure ? nativeCaption(figure) : null;
  const described = fromFigure ? null : describedByCaption(img);
  const caption = fromFigure ?? described ?? (figure ? captionAfterFigure(figure, article) : null) ?? nearbyCaption(media, figure, article);
  const credit = caption ? findCredit(caption) : null;
  const container = figure ?? (caption ? commonParent(media, caption) : null);
  const named = !!fromFigure || !!described || (!!caption && (tag(caption) === 'FIGCAPTION' || captionNamed(caption)));
  return { caption, credit, container, native: !!fromFigure, tied: !!described, named };
}

/** A lone credit right after the picture box, for images without a caption. */
export function creditAfter(media: Element): Element | null {
  for (const next of siblings(media, true, 2)) {
    if (hasImage(next) || textLength(next, 120) > 120) return null;
    if (SCREEN_READER_ONLY.test(nameOf(next))) continue;
    const text = visibleText(next);
    return text && (creditNamed(next) || looksLikeCredit(text)) ? next : null;
  }
  return null;
}
