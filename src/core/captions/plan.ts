/**
 * planCaptions(article, options): for each image of the article, its
 * caption, credit and what Lectern should do about them. Data only.
 */
import { collapseNone, findCollapse, imageShown } from './collapse';
import { ancestor, isLink, leavesPage, resetMemo, visibleText } from './dom';
import { partRepeatingAlt, repeatedParts } from './dedupe';
import { creditAfter, findCaption, findMedia, isToggle } from './find';
import { decodeReferences, inlineCreditStart, isMeaningfulAlt, repeatsAlt, repeatsHeadline, squash, words } from './text';
import { fileNameOf } from '../image-files';
import type { CaptionAction, CaptionEntry, CaptionPlan, InsertionPoint, PlanOptions } from './types';

/** Images a reader cannot see or that the page says are not content. */
export function isCandidate(img: Element): boolean {
  const role = img.getAttribute('role');
  if (role === 'presentation' || role === 'none') return false;
  // aria-hidden: carousel clones and decoration; noscript and template: copies, not shown.
  const hiddenOrCopy = (a: Element) =>
    a.getAttribute('aria-hidden') === 'true' || a.localName === 'noscript' || a.localName === 'template';
  if (ancestor(img, null, hiddenOrCopy)) return false;
  // Tracking pixels and spacers.
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return !((w > 0 && w <= 2) || (h > 0 && h <= 2));
}

/** The images under `root`; planImages drops those that are not candidates. */
export function candidateImages(root: Element): HTMLImageElement[] {
  return root.localName === 'img' ? [root as HTMLImageElement] : Array.from(root.getElementsByTagName('img'));
}

const LAZY_SOURCES = ['data-src', 'data-srcset', 'data-lazy-src', 'data-original', 'data-lazy-srcset'];

/** Thumbnails have no room for a caption under them. */
function isSmall(img: Element, view: Window | null): boolean {
  // A lazy image still showing its 1x1 placeholder says nothing about its size yet.
  const src = img.getAttribute('src') ?? '';
  const pending = /^(?:data:|$)/.test(src) && LAZY_SOURCES.some((a) => img.hasAttribute(a));
  if (view && !pending) {
    const rect = img.getBoundingClientRect();
    if (rect.width > 0) return rect.width < 150 || rect.height < 60;
  }
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (w > 0 && w < 150) || (h > 0 && h < 60);
}

function captionWords(caption: Element, credit: Element | null, conceal: Element[]): string {
  // A caption that is a credit alone ("Photograph: Tim Robberts/Getty Images") says nothing of the picture.
  if (credit === caption) return '';
  const skip = (el: Element) => el === credit || isToggle(el) || conceal.includes(el);
  return visibleText(caption, skip);
}

/**
 * The image is a link to another page: a teaser (related story, author
 * profile, promotion). Its alt names the link; the text next to it is the
 * link's headline, not a caption. Lightbox links (to the image file or a
 * fragment) are not teasers.
 */
function teaser(img: Element, article: Element): boolean {
  const link = ancestor(img, article, isLink);
  return !!link && leavesPage(link);
}

/** The picture box (img up to media) is itself not displayed: a caption after it would show alone. */
function boxHidden(img: Element, media: Element, view: Window | null): boolean {
  for (let el: Element | null = img; el; el = el === media ? null : el.parentElement) {
    const display = view ? view.getComputedStyle(el).display : (el as HTMLElement).style?.display;
    if (el.hasAttribute('hidden') || display === 'none') return true;
  }
  return false;
}

function inFlow(el: Element, view: Window | null): boolean {
  const position = view ? view.getComputedStyle(el).position : (el as HTMLElement).style?.position;
  return position !== 'absolute' && position !== 'fixed';
}

/**
 * The alt text is the story's headline again (a lead picture whose alt a
 * site fills with the title): shown under the picture, it would print the
 * headline twice on the screen.
 */
function repeatsPageHeadline(alt: string, doc: Document, storyHeadline = ''): boolean {
  return [doc.querySelector('h1')?.textContent ?? '', doc.title, storyHeadline].some((headline) => repeatsHeadline(alt, headline));
}

/** What a screen reader says for the picture, as written: an aria-label wins over the alt. */
function spokenName(img: Element): string | null {
  return img.getAttribute('aria-label')?.trim() || img.getAttribute('alt');
}

/** What a screen reader says for the picture, as the shared alts are keyed: entities decoded, spaces squashed. */
export function spokenAltKey(img: Element): string | null {
  const raw = spokenName(img);
  return raw ? squash(decodeReferences(raw)) : null;
}

/** The picture's file name, without its type: "bridge-768x593.jpg" is "bridge-768x593". */
function pictureFileName(img: Element): string {
  const src = img.getAttribute('src') ?? '';
  const address = /^(?:data:|$)/.test(src) ? (LAZY_SOURCES.map((a) => img.getAttribute(a)).find(Boolean) ?? '') : src;
  return fileNameOf(address).replace(/\.[a-z0-9]{2,5}$/i, '');
}

/** The picture, whatever size a site's resizer made of it: "bridge-768x593.jpg" is "bridge". */
function pictureFile(img: Element): string {
  return pictureFileName(img).replace(/[-_]\d+x\d+$|[-_]\d+w$|@\dx$/i, '');
}

/**
 * The alt is the picture's file name with its dashes made spaces ("Amsterdam
 * Light Festival 2018 2019 Portam Civitatis"), a publishing tool's default:
 * every word of it is a word of the file's name.
 */
export function altIsFileName(alt: string, img: Element): boolean {
  const fileWords = new Set(words(pictureFileName(img).replace(/[-_.+]+/g, ' ')));
  const altWords = words(alt);
  return altWords.length > 0 && altWords.every((w) => fileWords.has(w));
}

/**
 * Alts set on pictures of different files (a post's title, a string of
 * hashtags set on every photo): such an alt describes none of them. Copies
 * of one picture (a slider's clones, responsive sizes) are one picture.
 * Judged among the images planned together: the whole article at load.
 */
export function altsOnSeveralPictures(images: readonly Element[]): Set<string> {
  const fileOf = new Map<string, string>();
  const shared = new Set<string>();
  for (const img of images) {
    const alt = spokenAltKey(img);
    const file = pictureFile(img);
    if (!alt || !file) continue;
    const first = fileOf.get(alt);
    if (first === undefined) fileOf.set(alt, file);
    else if (first !== file) shared.add(alt);
  }
  return shared;
}

/** Just before the credit (so it stays under the caption), else right after the picture box. */
function revealPoint(media: Element, credit: Element | null): InsertionPoint | null {
  if (credit?.parentNode) return { parent: credit.parentNode, before: credit };
  return media.parentNode ? { parent: media.parentNode, before: media.nextSibling } : null;
}

/** Everything known about one image, with actions allowed by `opts`. */
export function inspectImage(img: HTMLImageElement, article: Element, opts: PlanOptions, sharedAlts: ReadonlySet<string> = new Set()): CaptionEntry {
  const media = findMedia(img, article);
  const found = findCaption(img, media, article);
  const { caption, native, tied } = found;
  const credit = found.credit ?? (caption ? null : creditAfter(media));
  const rawAlt = spokenName(img);
  const decodedAlt = rawAlt === null ? null : decodeReferences(rawAlt);
  const alt = isMeaningfulAlt(decodedAlt) ? squash(decodedAlt) : null;
  const collapse =
    caption && opts.expandCaptions ? findCollapse(caption, found.container, article, opts.view) : collapseNone();
  const text = caption ? captionWords(caption, credit, collapse.conceal) : '';
  // One word ("video", "Reuters") is a label, not a caption.
  const captionText = words(text).length >= 2 ? text : '';
  const entry: CaptionEntry = {
    image: img, media, container: found.container, caption, credit, alt, captionText,
    actions: [], unclamp: [], conceal: [], hide: [], describedBy: [], insertAt: null,
  };
  const act = (a: CaptionAction) => entry.actions.push(a);
  const isTeaser = teaser(img, article);
  const small = isSmall(img, opts.view);
  // Text that is a caption only by where it sits, next to an avatar or icon, is a name or a bio.
  const story = !isTeaser && (found.named || !small);

  // Text hidden next to an avatar (an author's name the site shows only once) stays hidden too.
  const besideAvatar = small && !found.named;
  if (opts.expandCaptions && captionText && !besideAvatar && collapse.unclamp.length && imageShown(img, article, opts.view)) {
    entry.unclamp = collapse.unclamp;
    entry.conceal = collapse.conceal;
    act('expand');
  }
  const core = captionText.slice(0, inlineCreditStart(captionText));
  const repeats = !!(opts.expandCaptions && caption && alt && repeatsAlt(decodeReferences(core), alt));
  // Looked for only where the caption as a whole says more than the alt.
  const repeatingPart = !repeats && opts.expandCaptions && caption && alt ? partRepeatingAlt(caption, credit, collapse.conceal, alt) : null;
  if (repeats && caption) {
    entry.hide = repeatedParts(caption, credit, collapse.conceal);
    if (entry.hide.length) act('dedupe');
  } else if (repeatingPart) {
    entry.hide = [repeatingPart];
    act('dedupe');
  } else if (opts.expandCaptions && caption && captionText && !native && !tied && rawAlt !== '' && story) {
    // A credit outside the caption is read with it: "credits stay with their caption".
    entry.describedBy = credit && !caption.contains(credit) ? [caption, credit] : [caption];
    act('describe');
  }
  if (opts.expandCaptions && caption && story && words(captionWords(caption, null, collapse.conceal)).length >= 2) {
    // Shown at the reader's caption size; captions laid over the picture only once expand puts them in the flow.
    if (inFlow(caption, opts.view) || entry.unclamp.some((u) => u.reasons.includes('overlay'))) act('enlarge');
  }
  if (
    opts.showAltText && alt && !captionText && !small && !isTeaser && !boxHidden(img, media, opts.view) &&
    !repeatsPageHeadline(alt, img.ownerDocument, opts.headline) && !altIsFileName(alt, img) && !sharedAlts.has(alt)
  ) {
    entry.insertAt = revealPoint(media, credit);
    if (entry.insertAt) act('reveal-alt');
  }
  return entry;
}

/** Plans for the given images only: what the page's later additions need. */
export function planImages(images: Iterable<HTMLImageElement>, article: Element, opts: PlanOptions): CaptionPlan {
  const plan: CaptionPlan = [];
  if (!opts.showAltText && !opts.expandCaptions) return plan;
  resetMemo();
  // Images of one gallery figure share a caption: change it once.
  // The same picture twice (responsive copies, slider clones): its alt is shown once.
  const once: Partial<Record<CaptionAction, Set<Element | string>>> = {
    expand: new Set(),
    dedupe: new Set(),
    enlarge: new Set(),
    'reveal-alt': new Set(),
  };
  const candidates = Array.from(images).filter(isCandidate);
  // Only alts to be shown need judging.
  const sharedAlts = opts.showAltText ? altsOnSeveralPictures(candidates) : new Set<string>();
  for (const img of candidates) {
    const entry = inspectImage(img, article, opts, sharedAlts);
    entry.actions = entry.actions.filter((action) => {
      const seen = once[action];
      const key = action === 'reveal-alt' ? entry.alt : entry.caption;
      if (!seen || !key) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (entry.actions.length) plan.push(entry);
  }
  return plan;
}

export function planCaptions(article: Element, opts: PlanOptions): CaptionPlan {
  if (!opts.showAltText && !opts.expandCaptions) return [];
  return planImages(candidateImages(article), article, opts);
}
