/**
 * The story's lead picture. News pages set it between the headline and the
 * text, beside the block that holds the paragraphs; Readability keeps that
 * block and leaves the picture out, since a picture scores no text. The
 * reader puts it back at the top of the article, with its caption and credit.
 */

import { precedes } from '../detect/text';
import { originalFileNameOf } from '../image-files';
import { AUTHOR_BOX } from './metadata';
import { squash } from '../captions/text';
import { textLength, wordCoverage } from './text';

/** A paragraph this long is the story's text, not a kicker or a byline. */
const MIN_PROSE_CHARS = 80;

const isProse = (p: Element): boolean => (p.textContent ?? '').trim().length >= MIN_PROSE_CHARS;

/** How far down the story's first paragraph is looked for: a standfirst or a notice or two come first. */
const LEADING_PROSE = 6;

/**
 * The first paragraph of the story's text: of the first long ones, the first
 * that has another beside it. A long paragraph alone in its block comes
 * before the story (a standfirst under the headline, a cookie notice) and
 * may sit above the picture. On a site that wraps every paragraph on its
 * own, none has: the first long one it is.
 */
function storyStart(body: HTMLElement): Element | null {
  const prose: Element[] = [];
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    if (isProse(p)) prose.push(p);
    if (prose.length === LEADING_PROSE) break;
  }
  const perParent = new Map<Element | null, number>();
  for (const p of prose) perParent.set(p.parentElement, (perParent.get(p.parentElement) ?? 0) + 1);
  const shared = prose.find((p) => (perParent.get(p.parentElement) ?? 0) > 1);
  if (shared) return shared;
  // With every paragraph on its own, the first that is not the page's description printed as a standfirst (a dek).
  const description = squash(body.ownerDocument.querySelector('meta[name="description" i], meta[property="og:description" i]')?.getAttribute('content') ?? '');
  const says = (p: Element): boolean => {
    const text = squash(p.textContent ?? '');
    return !!description && wordCoverage(text, description) >= 0.9 && wordCoverage(description, text) >= 0.9;
  };
  return prose.find((p) => !says(p)) ?? prose[0] ?? null;
}

/**
 * The figure with a picture between the headline (when there is one) and
 * the first paragraph of text, or null. `sharedImage` is the page's og:image,
 * read from the page before the clone was cut to the story.
 */
export function findLeadFigure(doc: Document, sharedImage: string | null = null): Element | null {
  const body = doc.body;
  if (!body) return null;
  const firstProse = storyStart(body);
  if (!firstProse) return null;
  const headline = body.querySelector('h1');
  for (const figure of Array.from(body.getElementsByTagName('figure'))) {
    if (!precedes(figure, firstProse)) break; // Pictures within the text are Readability's to keep.
    if (figure.contains(firstProse)) break;
    if (headline && !precedes(headline, figure)) continue; // Above the headline: the site's, not the story's.
    const img = figure.querySelector('img[src]');
    if (img && !isPortrait(figure, img) && isPicture(figure)) return figure;
  }
  return namedLeadPicture(body, headline, firstProse, originalFileNameOf(sharedImage ?? ''));
}

/** A picture the page names as the story's own: a "featured image", a "hero" or "lead" image. */
const LEAD_PICTURE_NAME = /(?:^|[^a-z])(?:featured|hero|lead|main|top)[-_]?(?:image|img|photo|picture|media)(?:[^a-z]|$)/i;
/** WordPress's own class for a post's featured image, whatever the theme names its box. */
const WORDPRESS_FEATURED = /(?:^|\s)wp-post-image(?:\s|$)/;
/** A box named as a caption or credit, beside the picture ("caption-text-block", "image-credit"; not "captions-toggle"). */
const CAPTION_NAME = /(?:^|[\s_-])(?:\w*caption|credits?)(?:$|[\s_-](?!toggle|button|icon|card))/i;
/** Longer than this, the block after the picture is the story, not its caption. */
const MAX_CAPTION_CHARS = 400;

/** Microdata for an article's own picture (schema.org's image, associatedMedia, primaryImageOfPage). */
const ARTICLE_PICTURE_PROP = /(?:^|\s)(?:image|associatedmedia|primaryimageofpage)(?:\s|$)/i;

/** The addresses of the files a picture may show: its src, and every size its srcset and its <picture>'s sources offer. */
function offeredFiles(img: Element): string[] {
  const sets = [img, ...(img.parentElement?.tagName.toUpperCase() === 'PICTURE' ? Array.from(img.parentElement.getElementsByTagName('source')) : [])]
    .map((el) => el.getAttribute('srcset') ?? '');
  const sizes = sets.flatMap((set) => set.split(/,\s+/).map((part) => part.trim().split(/\s+/)[0] ?? ''));
  return [img.getAttribute('src') ?? '', ...sizes].filter((url) => url && !/^data:/i.test(url));
}

/**
 * The page's data names the picture as the article's: its microdata, or
 * the picture it shares to social media (a resized copy of it too: the page
 * shows the 680 px one, og:image names the original; or one of the sizes
 * its srcset offers).
 */
function markedAsArticlePicture(img: Element, sharedFile: string): boolean {
  if (ARTICLE_PICTURE_PROP.test(img.getAttribute('itemprop') ?? '')) return true;
  return sharedFile !== '' && offeredFiles(img).some((url) => originalFileNameOf(url) === sharedFile);
}

/** The page names the picture as the story's: by its class or its box's, or in its data. */
function namedAsLead(img: Element, sharedFile: string): boolean {
  if ([img, img.parentElement].some((el) => LEAD_PICTURE_NAME.test(el?.getAttribute('class') ?? ''))) return true;
  if (WORDPRESS_FEATURED.test(img.getAttribute('class') ?? '')) return true;
  return markedAsArticlePicture(img, sharedFile);
}

/** The caption set right after the picture (or after the link or box that holds only it), named so. */
function captionAfter(img: Element): Element | null {
  let box = img;
  while (box.parentElement && box.parentElement.childElementCount === 1 && !(box.parentElement.textContent ?? '').trim()) box = box.parentElement;
  const next = box.nextElementSibling;
  if (!next || !CAPTION_NAME.test(next.getAttribute('class') ?? '') || next.querySelector('img, picture, video, iframe')) return null;
  const length = textLength(next);
  return length > 0 && length <= MAX_CAPTION_CHARS ? next : null;
}

/**
 * The lead picture set on its own, outside any figure, between the headline
 * and the text, where the page names it as the story's picture: in a new
 * figure, with the caption set after it. Unnamed pictures there are left
 * alone: a low-quality placeholder, a logo or an advertisement look the same.
 * One the page's data names may also stand just above the headline, in the
 * headline's own box (a hero picture with the title set over it); a class
 * name alone is not enough there, where other stories' pictures are named
 * the same way.
 */
function namedLeadPicture(body: HTMLElement, headline: Element | null, firstProse: Element, sharedFile: string): Element | null {
  const doc = body.ownerDocument;
  const headlineBox = headline?.parentElement?.parentElement ?? null;
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    if (!precedes(img, firstProse)) break;
    if (headline && !precedes(headline, img) && !(headlineBox?.contains(img) && markedAsArticlePicture(img, sharedFile))) continue;
    const src = (img.getAttribute('src') ?? '').trim();
    if (!src || /^data:/i.test(src) || img.closest('figure') || isThumbnail(img)) continue;
    if (!namedAsLead(img, sharedFile)) continue;
    return figureFor(doc, img);
  }
  return null;
}

/** A new figure in `doc` for the picture (with its <picture>'s sizes, from which the browser picks), with the caption set after it. */
export function figureFor(doc: Document, img: Element): Element {
  const figure = doc.createElement('figure');
  const picture = img.parentElement?.tagName.toUpperCase() === 'PICTURE' ? img.parentElement : img;
  figure.append(doc.importNode(picture, true));
  const caption = captionAfter(img);
  if (caption) {
    const figcaption = doc.createElement('figcaption');
    figcaption.append(...Array.from(doc.importNode(caption, true).childNodes));
    figure.append(figcaption);
  }
  return figure;
}

/**
 * The picture the page shares as the story's (og:image, or a resized copy
 * of it) set just before the story's block, outside it: a site that puts
 * its lead photo above the headline, in a box of its own. Looked for near
 * the block only (within its parent's parent), never in a link, a header
 * or a navigation (a logo). Reads the page, changes nothing.
 */
export function sharedPictureBefore(region: Element, sharedImage: string | null): Element | null {
  const sharedFile = originalFileNameOf(sharedImage ?? '');
  const scope = region.parentElement?.parentElement ?? region.parentElement;
  if (!sharedFile || !scope) return null;
  for (const img of Array.from(scope.getElementsByTagName('img'))) {
    if (!precedes(img, region)) break;
    const src = (img.getAttribute('src') ?? '').trim();
    if (src && originalFileNameOf(src) === sharedFile && !isThumbnail(img) && !img.closest('a, header, nav, figure')) return img;
  }
  return null;
}

/** A picture set this small (in its width or height attribute) is a headshot or an icon, not the story's photo. */
export const MAX_THUMBNAIL_PX = 120;

/** A picture its page sets this small, in its width or height attribute: a headshot, a logo or an icon. */
export function isThumbnail(img: Element): boolean {
  // Pixels only: width="100%" is a picture as wide as its column, not one of 100 px.
  const size = (name: string): number => {
    const value = (img.getAttribute(name) ?? '').trim();
    return /^\d+(?:\.\d+)?(?:px)?$/i.test(value) ? Number.parseFloat(value) : NaN;
  };
  return [size('width'), size('height')].some((px) => px > 0 && px <= MAX_THUMBNAIL_PX);
}

/** The author's headshot beside the byline: a thumbnail, or a picture in the author's box. */
function isPortrait(figure: Element, img: Element): boolean {
  return isThumbnail(img) || !!figure.closest(AUTHOR_BOX);
}

/** Text a picture may carry outside its caption (a "1/12" counter, a credit overlay). */
const MAX_TEXT_OUTSIDE_CAPTION = 20;

/** The words of a picture: its caption (a figcaption, or a block named so), and a credit that sites set apart from it. */
const CAPTION_PARTS = 'figcaption, cite, [class*="caption" i], [class*="credit" i]';

/** A picture with its caption, not a player or a gallery widget with controls and titles of its own. */
function isPicture(figure: Element): boolean {
  if (figure.querySelector('video, iframe, object, embed, audio')) return false;
  let captionChars = 0;
  for (const caption of Array.from(figure.querySelectorAll(CAPTION_PARTS))) {
    // A credit inside the caption is counted with it, once. The figure itself may be named for its caption.
    const outer = caption.parentElement?.closest(CAPTION_PARTS);
    if (!outer || outer === figure || !figure.contains(outer)) captionChars += (caption.textContent ?? '').replace(/\s+/g, '').length;
  }
  return (figure.textContent ?? '').replace(/\s+/g, '').length - captionChars <= MAX_TEXT_OUTSIDE_CAPTION;
}

function absolute(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/**
 * Puts `lead`, a copy taken before Readability ran, at the top of the
 * article `content`, unless the article already shows its picture. Its
 * addresses are made absolute against `baseUrl`, as Readability makes the
 * rest of the article's.
 */
export function restoreLeadFigure(content: Element, lead: Element, baseUrl: string): boolean {
  const src = lead.querySelector('img[src]')?.getAttribute('src');
  if (!src) return false;
  const wanted = absolute(src, baseUrl);
  for (const img of Array.from(content.getElementsByTagName('img'))) if (absolute(img.getAttribute('src') ?? '', baseUrl) === wanted) return false;
  for (const el of Array.from(lead.querySelectorAll('img[src], source[src], a[href]'))) {
    const attr = el.tagName === 'A' ? 'href' : 'src';
    el.setAttribute(attr, absolute(el.getAttribute(attr) ?? '', baseUrl));
  }
  for (const el of Array.from(lead.querySelectorAll('[srcset]'))) {
    const set = (el.getAttribute('srcset') ?? '').split(/,\s+/).map((part) => {
      const [url = '', ...size] = part.trim().split(/\s+/);
      return [absolute(url, baseUrl), ...size].join(' ');
    });
    el.setAttribute('srcset', set.join(', '));
  }
  // Readability wraps its result in a page div; the picture goes inside it, before the text.
  const page = content.firstElementChild?.id.startsWith('readability-page') ? content.firstElementChild : content;
  page.prepend(lead);
  return true;
}
