/**
 * Last touches to the article body before the reader shows it, so that
 * what Lectern renders has a sound outline and no unnamed controls, even
 * when the site's own markup had neither.
 */
import { standsForVideo } from '../core/extract/video-links';
import { planCaptions } from '../core/captions';
import { altIsFileName, altsOnSeveralPictures, spokenAltKey } from '../core/captions/plan';
import { isFileNameAlt, labelledDescription, repeatsHeadline, squash } from '../core/captions/text';
import { PICTURE_FILE } from '../core/image-files';
// The page's caption code splits text the same way; its undo log goes unused here.
import { ChangeLog } from '../content/change-log';

/**
 * Heading levels under the reader's one h1 (the title): the article's
 * headings keep their relative order of rank but never skip a level, so a
 * screen reader's heading list reads as an outline. A site's h1 becomes h2.
 */
export function normalizeHeadings(body: Element): void {
  const doc = body.ownerDocument;
  // Original level and the level given, of the headings that enclose the current one.
  const open: { from: number; to: number }[] = [];
  for (const heading of Array.from(body.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const from = Number(heading.tagName[1]);
    while (open.length && (open[open.length - 1] as { from: number }).from >= from) open.pop();
    const to = Math.min(6, (open.length ? (open[open.length - 1] as { to: number }).to : 1) + 1);
    open.push({ from, to });
    if (to === from) continue;
    const renamed = doc.createElement(`h${to}`);
    for (const attr of Array.from(heading.attributes)) renamed.setAttribute(attr.name, attr.value);
    renamed.append(...Array.from(heading.childNodes));
    heading.replaceWith(renamed);
  }
}

function hasName(link: Element): boolean {
  if ((link.textContent ?? '').trim()) return true;
  if (link.getAttribute('aria-label')?.trim() || link.getAttribute('title')?.trim()) return true;
  return Array.from(link.querySelectorAll('img[alt], svg[aria-label]')).some((el) => (el.getAttribute('alt') ?? el.getAttribute('aria-label') ?? '').trim());
}

/**
 * A link with nothing to announce (around a decorative image, or around
 * nothing) is a stop for the keyboard and a bare "link" for a screen
 * reader: its contents stay, the link goes.
 */
export function unwrapNamelessLinks(body: Element): void {
  for (const link of Array.from(body.querySelectorAll('a[href]'))) {
    if (!hasName(link)) link.replaceWith(...Array.from(link.childNodes));
  }
}

/** Fewer than this many comma-separated words are a list a person wrote ("Ann, Ben and their dog"). */
const MIN_KEYWORDS = 4;

/**
 * A stock library's keywords for a picture ("marijuana, weed, cannabis,
 * drug, woman, joint, stock,getty"): words of one or two, all in lower case,
 * no sentence and no name.
 */
function isKeywordList(alt: string): boolean {
  const items = alt.split(',').map((item) => item.trim()).filter(Boolean);
  return items.length >= MIN_KEYWORDS && items.every((item) => item.split(/\s+/).length <= 2) && alt === alt.toLowerCase() && alt !== alt.toUpperCase();
}

/** Whether the picture's figure has a caption with words: what describes the picture there, to every reader. */
function captioned(img: Element): boolean {
  const figure = img.closest('figure');
  return !!figure && Array.from(figure.getElementsByTagName('figcaption')).some((caption) => squash(caption.textContent ?? '') !== '');
}

/**
 * Pictures that would tell a listener nothing: no alt (a screen reader
 * would read out the file's name), an alt that is a file's name (or the
 * picture's own file's, its dashes made spaces: "KOMENTAR ISIS"), or one
 * that repeats the headline just heard (a lead photo a site labels with the
 * title). In a figure with a caption, which says what the picture shows,
 * an alt that is its file's name or a stock library's keywords would only
 * be heard before it. A picture that is a link keeps its alt, the link's name, but for a
 * file's name on a link to the picture's own file: that link is left with
 * no name and goes (unwrapNamelessLinks, run after this), its picture
 * stays. A picture named by aria-label alone has that name as its alt, one
 * name the rest of the reader reads. A title that repeats the alt, or
 * names a silenced picture, or repeats the headline, goes.
 */
export function silenceEmptyAlts(body: Element, title: string): void {
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const label = img.getAttribute('aria-label')?.trim();
    if (label && !img.hasAttribute('alt')) {
      img.setAttribute('alt', label);
      img.removeAttribute('aria-label');
    }
    const alt = img.getAttribute('alt');
    const link = img.closest('a[href]');
    // A link to the picture's own file (its full size) leads nowhere new; any other link keeps its name.
    // The file's own name only where it reads as one, a word or two or in capitals ("KOMENTAR ISIS"): a file is
    // often named after a real description ("firefighters-battle-wildfire-near-los-angeles.jpg").
    const asFileName = (text: string): boolean => altIsFileName(text, img) && (text.trim().split(/\s+/).length <= 2 || text === text.toUpperCase());
    const fileName = alt !== null && (isFileNameAlt(alt) || asFileName(alt)) && (!link || PICTURE_FILE.test(link.getAttribute('href') ?? ''));
    const besideCaption = alt !== null && !link && captioned(img) && (altIsFileName(alt, img) || isKeywordList(alt));
    if (alt === null || fileName || besideCaption || (alt.trim() && !link && repeatsHeadline(alt, title))) img.setAttribute('alt', '');
    // "Image: The house in which…": a screen reader already says it is an image.
    const described = alt === null ? null : labelledDescription(alt);
    if (described !== null && img.getAttribute('alt')) img.setAttribute('alt', described);
    // A title that says the alt again, or the headline, is heard again as the picture's description; one on a
    // silenced picture names it.
    const said = img.getAttribute('alt')!;
    const tooltip = img.getAttribute('title');
    if (tooltip !== null && (!said.trim() || squash(tooltip).toLowerCase() === squash(said).toLowerCase() || repeatsHeadline(tooltip, title))) {
      img.removeAttribute('title');
    }
  }
}

/**
 * One alt on pictures of different files (a post's title and its hashtags
 * on every photo of a recipe) describes none of them: a screen reader would
 * say it at each. It is heard at the first; the others go decorative. A
 * linked picture keeps it: it is its link's name. Returns those alts, which
 * are not shown as captions either (revealAlts).
 */
export function sayAltOnce(body: Element): ReadonlySet<string> {
  const pictures = Array.from(body.getElementsByTagName('img'));
  const shared = altsOnSeveralPictures(pictures);
  if (shared.size === 0) return shared;
  const heard = new Set<string>();
  for (const img of pictures) {
    const alt = spokenAltKey(img);
    if (!alt || !shared.has(alt) || img.closest('a[href]')) continue;
    if (heard.has(alt)) img.setAttribute('alt', '');
    heard.add(alt);
  }
  return shared;
}

/**
 * A link that goes nowhere in the reader: no address (a broken one the
 * sanitizer dropped), or a place on the page that the reader's copy does
 * not hold (a site's lightbox anchor around a picture). It would be a
 * keyboard stop that does nothing, coloured like a link; its contents stay.
 */
export function unwrapDeadLinks(body: Element): void {
  const byId = new Map<string, Element>();
  for (const el of Array.from(body.querySelectorAll('[id]'))) if (!byId.has(el.id)) byId.set(el.id, el);
  for (const link of Array.from(body.getElementsByTagName('a'))) {
    const href = link.getAttribute('href');
    // An anchor with an id and no address is where another link lands (a footnote's number): it stays.
    if (href === null && link.id) continue;
    const fragment = href?.startsWith('#') ? href.slice(1) : null;
    const target = fragment ? (byId.get(fragment) ?? byId.get(decodeFragment(fragment))) : undefined;
    // A link to the figure it sits in (a site's "#img-1" around its picture) goes where the reader already is.
    const lands = !!target && !target.contains(link);
    if (href === null || (fragment !== null && !lands)) link.replaceWith(...Array.from(link.childNodes));
  }
}

/** Line breaks and blank space ("&nbsp;<br>") at a block's edges: a blank line before or after its words. */
export function trimBlockEdges(body: Element): void {
  const blank = (node: ChildNode | null): node is ChildNode =>
    !!node && ((node.nodeType === 1 && (node as Element).tagName === 'BR') || (node.nodeType === 3 && !(node.nodeValue ?? '').replace(/[\s\u00a0]+/g, '')));
  for (const block of Array.from(body.querySelectorAll('p, li, figcaption, blockquote, dd, td, th'))) {
    // Only a block with words left: an empty one is the cleaning's to judge.
    if (!(block.textContent ?? '').replace(/[\s\u00a0]+/g, '')) continue;
    while (blank(block.firstChild)) block.firstChild.remove();
    while (blank(block.lastChild)) block.lastChild.remove();
  }
}

/** What a block may hold that is seen without words. */
const SEEN_WITHOUT_WORDS = 'img, picture, video, audio, iframe, svg, canvas, object, embed, hr, input';

/**
 * Paragraphs with nothing in them (a site's spacers, "<p>&nbsp;</p>"): a
 * gap in the page for the eye, and a blank stop for a screen reader's
 * paragraph keys. One that holds an id stays: a link may land there.
 */
export function dropEmptyParagraphs(body: Element): void {
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    if ((p.textContent ?? '').replace(/[\s\u00a0\u200b]+/g, '') || p.querySelector(SEEN_WITHOUT_WORDS)) continue;
    if (!p.id && !p.querySelector('[id]')) p.remove();
  }
}

/**
 * A separator right after another (the block between them taken out as
 * clutter: "<hr><h3>Related post…</h3><hr>"), or at the very start or end
 * of the article: a line between nothing, and "separator" said again by a
 * screen reader.
 */
export function dropStraySeparators(body: Element): void {
  const apart = (node: Node | null, step: (n: Node) => Node | null): Node | null => {
    while (node && node.nodeType === 3 && !(node.nodeValue ?? '').trim()) node = step(node);
    return node;
  };
  for (const hr of Array.from(body.getElementsByTagName('hr'))) {
    const before = apart(hr.previousSibling, (n) => n.previousSibling);
    const after = apart(hr.nextSibling, (n) => n.nextSibling);
    const atEdge = hr.parentElement === body && (!before || !after);
    if (atEdge || (before?.nodeType === 1 && (before as Element).tagName.toUpperCase() === 'HR')) hr.remove();
  }
}

/**
 * A figure that is only decorative pictures (each with an empty alt) and no
 * caption: a screen reader would announce a figure with nothing in it. The
 * pictures stay, plain.
 */
export function unwrapEmptyFigures(body: Element): void {
  for (const figure of Array.from(body.getElementsByTagName('figure'))) {
    if ((figure.textContent ?? '').trim()) continue;
    const pictures = Array.from(figure.querySelectorAll('img, svg, video, iframe, canvas, object, embed'));
    if (!pictures.every((el) => el.tagName.toUpperCase() === 'IMG' && el.getAttribute('alt') === '')) continue;
    // An empty caption goes with its figure: out of one, it is no longer valid HTML.
    for (const caption of Array.from(figure.getElementsByTagName('figcaption'))) caption.remove();
    figure.replaceWith(...Array.from(figure.childNodes));
  }
}

/** A picture this size or less (by its width or height attribute) is an icon that can sit in a line of text. */
const MAX_INLINE_PICTURE_PX = 48;
/** An alt this short with no size given is an emoji's character: Twemoji and WordPress draw emoji as pictures. */
const MAX_EMOJI_ALT_CHARS = 2;

/**
 * Pictures that belong in a line of text (an icon, an emoji) are marked so;
 * the reader sets every other picture on a line of its own. A site that
 * floats or blocks its photos by class or style, both gone here, would
 * otherwise leave a photo inline, with the next paragraph's first word
 * beside its bottom corner.
 */
export function markInlinePictures(body: Element): void {
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const sizes = ['width', 'height'].map((side) => Number(img.getAttribute(side) ?? NaN)).filter((px) => px > 0);
    const alt = (img.getAttribute('alt') ?? '').trim();
    const small = sizes.length > 0 ? sizes.some((px) => px <= MAX_INLINE_PICTURE_PX) : alt.length > 0 && [...alt].length <= MAX_EMOJI_ALT_CHARS;
    if (small) img.classList.add('inline-picture');
  }
}

/** The reader's word for a video link: "Video:", or "Video 2:" for one of several with the same name. */
export type VideoLabel = (number: number | null) => string;

/**
 * A paragraph that is a lone link to a video (a player the extraction made a
 * link, since the reader loads nothing from the web) says so, in the link's
 * own name, so that a screen reader's list of links says it too. Players
 * with no title of their own are all named by their site ("youtube.com"):
 * where several share a name, each is numbered among them, else a list of
 * links would hold the same name for different videos.
 */
export function labelVideoLinks(body: Element, label: VideoLabel): void {
  const doc = body.ownerDocument;
  // The label is in the reader's own language, the paragraph in the article's: a screen reader's voice follows lang.
  const uiLang = doc.documentElement.lang;
  const videos = Array.from(body.querySelectorAll('p > a[href]'))
    .filter((link) => standsForVideo(link.parentElement as Element))
    .map((link) => ({ link, name: squash(link.textContent ?? '') }));
  const sharing = new Map<string, number>();
  for (const { name } of videos) sharing.set(name, (sharing.get(name) ?? 0) + 1);
  const counted = new Map<string, number>();
  for (const { link, name } of videos) {
    const number = (counted.get(name) ?? 0) + 1;
    counted.set(name, number);
    const said = doc.createElement('span');
    if (uiLang) said.lang = uiLang;
    said.textContent = label((sharing.get(name) ?? 0) > 1 ? number : null);
    link.prepend(said, ' ');
  }
}

const INLINE_PART = new Set(['SPAN', 'SMALL', 'CITE', 'EM', 'I', 'B', 'STRONG']);

/**
 * Caption parts that the site set apart with a margin alone ("…on July 25,
 * 2019.</span><span>J. Scott Applewhite / AP") would read as one run-on
 * word in the reader: a space goes between them where a sentence ends and
 * the next part starts.
 */
export function spaceCaptionParts(body: Element): void {
  for (const caption of Array.from(body.getElementsByTagName('figcaption'))) {
    for (const part of Array.from(caption.querySelectorAll('*'))) {
      const next = part.nextSibling;
      if (!INLINE_PART.has(part.tagName.toUpperCase()) || !next || next.nodeType !== 1 || !INLINE_PART.has((next as Element).tagName.toUpperCase())) continue;
      // Only after a sentence's end: parts that split a word ("<b>Ann</b><i>’s</i>") stay joined.
      const end = (part.textContent ?? '').slice(-2);
      const start = (next.textContent ?? '').charAt(0);
      if (/[.!?;:]["”’)]?$/.test(end) && /[^\s.,;:!?)\]’”]/.test(start)) part.after(' ');
    }
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** Marks the caption words that repeat their picture's alt (see markRepeatedCaptionWords). */
const REPEATS_ALT = 'data-repeats-alt';

/**
 * Where a caption repeats its picture's alt text, a screen reader hears it
 * once, as on the page: the repeated words stay visible and are hidden
 * from assistive technology, the credit is still heard. The captions
 * planner (core/captions) decides which words repeat; no undo is needed
 * here, the reader's article is Lectern's own copy. The words are marked,
 * and heardOnce() hides them while the pictures (and their alt) are shown.
 */
export function markRepeatedCaptionWords(body: Element): void {
  const doc = body.ownerDocument;
  const changes = new ChangeLog();
  for (const entry of planCaptions(body, { expandCaptions: true, showAltText: false, view: null })) {
    if (!entry.actions.includes('dedupe')) continue;
    for (const part of entry.hide) {
      if ('nodeType' in part) {
        part.setAttribute(REPEATS_ALT, '');
      } else {
        const wrapper = doc.createElement('span');
        wrapper.setAttribute(REPEATS_ALT, '');
        changes.wrapText(part, wrapper);
      }
    }
  }
}

/** Each picture's alt shown under it by revealAlts. */
const altCaptions = new WeakMap<Element, Element>();

/**
 * A picture's meaningful alt, where it has no caption of its own (none, or
 * only a credit), shown under it as the page's captions feature shows it:
 * the same rules decide (not a file's name, not the headline, not a
 * thumbnail or a teaser's, not one of `shared`, the alts sayAltOnce left on
 * one picture of several). Hidden from assistive technology, which reads
 * the alt already; shown or not as the "show alt text" preference says.
 */
export function revealAlts(body: Element, title: string, shared: ReadonlySet<string> = new Set()): void {
  const doc = body.ownerDocument;
  // The reader's own document has no headline yet: the story's title is given.
  for (const entry of planCaptions(body, { expandCaptions: false, showAltText: true, view: null, headline: title })) {
    if (!entry.actions.includes('reveal-alt') || !entry.alt || !entry.insertAt || shared.has(entry.alt)) continue;
    const caption = doc.createElement('span');
    caption.className = 'alt-caption';
    caption.setAttribute('aria-hidden', 'true');
    caption.textContent = entry.alt;
    entry.insertAt.parent.insertBefore(caption, entry.insertAt.before);
    altCaptions.set(entry.image, caption);
  }
}

/**
 * For the error events of the reader's pictures: one that fails to load
 * (offline, a site that serves its files to its own pages only) is drawn by
 * the browser as its alt text, and the alt shown under it would say it
 * twice on screen.
 */
export function dropAltCaptionOfBrokenPicture(event: Event): void {
  const target = event.target;
  if (target instanceof Element) altCaptions.get(target)?.remove();
}

/**
 * With pictures shown, their alt is heard and the caption words that repeat
 * it are not; with pictures hidden (the reader's "Show images" off), the
 * alt goes with them and the caption's words are heard again.
 */
export function heardOnce(root: Element, picturesShown: boolean): void {
  for (const el of Array.from(root.querySelectorAll(`[${REPEATS_ALT}]`))) {
    if (picturesShown) el.setAttribute('aria-hidden', 'true');
    else el.removeAttribute('aria-hidden');
  }
}

/** Every touch above, in the order they need: the reader's article body as the reader shows it. */
export function tidyBody(body: Element, title: string, videoLabel: VideoLabel): void {
  // The reader's title is the one h1; the article's headings fall in under it.
  normalizeHeadings(body);
  // A dead link around a picture names nothing: gone before the alts are judged, which keep a linked picture's.
  unwrapDeadLinks(body);
  // Before the caption words that repeat an alt are marked: an alt that goes (the headline again) leaves its caption
  // heard. Before nameless links go: a linked picture's alt that is a file's name leaves its link no name.
  silenceEmptyAlts(body, title);
  const sharedAlts = sayAltOnce(body);
  unwrapNamelessLinks(body);
  // After the alts are judged: a figure whose pictures were silenced there says nothing.
  unwrapEmptyFigures(body);
  trimBlockEdges(body);
  dropEmptyParagraphs(body);
  dropStraySeparators(body);
  spaceCaptionParts(body);
  markRepeatedCaptionWords(body);
  labelVideoLinks(body, videoLabel);
  markInlinePictures(body);
  revealAlts(body, title, sharedAlts);
}
