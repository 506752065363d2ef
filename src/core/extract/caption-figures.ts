/**
 * A picture and its caption that a site built from divs ("<div class=media>
 * <img><div class=caption>…") become a <figure> with a <figcaption> in the
 * page clone. Readability then keeps them (it removes divs whose class it
 * scores as clutter, "media" among them, but never a figure), and the reader
 * sets the caption as a caption instead of as one more paragraph of the story.
 */
import { navigates } from '../captions/dom';
import { squash } from '../captions/text';
import { shownTextLength } from './text';

/** Levels above the caption where its picture's box may be. */
const MAX_LEVELS = 3;
/** Words the box may hold beside its caption (a credit, a "1 of 5"), and no more: characters, spaces counted. */
const MAX_OTHER_CHARS = 100;
/** Longer is not a caption but a story block with a caption-like class. */
const MAX_CAPTION_CHARS = 1200;

const TEXT_BLOCKS = new Set(['DIV', 'P', 'SPAN', 'SMALL']);
/** Boxes that are something else than a picture's: the story, a list, a teaser in an aside, a paragraph. */
const NEVER_BOX = new Set([
  'BODY', 'HTML', 'ARTICLE', 'MAIN', 'SECTION', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'FIGCAPTION', 'A', 'PICTURE',
  'LI', 'UL', 'OL', 'TABLE', 'TR', 'TD', 'P',
]);
/** What a picture's box never holds beside its picture and caption: the story's own structure, another figure. */
const STRUCTURE = 'h1,h2,h3,h4,h5,h6,figure,ul,ol,table';

/** Only a block becomes a figure: an inline box around a picture may sit inside a sentence. */
const BOX_TAGS = new Set(['DIV', 'FIGURE']);
/** Pictures shown, not the fallback copy in a <noscript>. */
function imageCount(el: Element): number {
  return Array.from(el.getElementsByTagName('img')).filter((img) => !img.closest('noscript')).length;
}

/**
 * The one item of a list: a gallery of one slide, whose picture and caption
 * are a figure, not a bulleted list of one.
 */
function isLoneItem(el: Element): boolean {
  const list = el.parentElement;
  return el.tagName.toUpperCase() === 'LI' && !!list && /^[OU]L$/i.test(list.tagName) && list.childElementCount === 1;
}

/** The picture's box: the nearest ancestor with one picture and nothing else to read but the caption. */
function pictureBox(caption: Element, captionChars: number): Element | null {
  let box = caption.parentElement;
  for (let level = 0; box && level < MAX_LEVELS; level++, box = box.parentElement) {
    const tag = box.tagName.toUpperCase();
    const slide = isLoneItem(box);
    if (NEVER_BOX.has(tag) && !slide) return null;
    // Inside a figure already, the figure is the box: no figure in a figure.
    if ((!BOX_TAGS.has(tag) && !slide) || (tag !== 'FIGURE' && box.parentElement?.closest('figure'))) continue;
    const images = imageCount(box);
    if (images > 1) return null;
    if (images === 0) continue;
    // A figure may already have its figcaption: a credit set beside it joins it.
    const structured = box.tagName.toUpperCase() === 'FIGURE' ? STRUCTURE : `${STRUCTURE},figcaption`;
    if (box.querySelector(structured)) return null;
    return otherChars(box, captionChars) <= MAX_OTHER_CHARS ? box : null;
  }
  return null;
}

/** Words in the box that are neither the caption's parts nor a figcaption the figure already has. */
function otherChars(box: Element, captionChars: number): number {
  const own = Array.from(box.children).find((c) => c.tagName.toUpperCase() === 'FIGCAPTION');
  return shownTextLength(box) - captionChars - (own ? shownTextLength(own) : 0);
}

function isEmptyBox(el: Element): boolean {
  return shownTextLength(el) === 0 && !el.querySelector('img, picture, video, iframe, svg');
}

/** A link beside the picture that goes nowhere ("Enlarge image", "1 / 5"): the site's script's, not the reader's. */
function isPictureControl(a: Element, caption: Element): boolean {
  // An anchor with no address at all is where another link lands: it stays.
  return a.hasAttribute('href') && !navigates(a) && !caption.contains(a) && a.getElementsByTagName('img').length === 0;
}

/** An element of the same content under another tag (attributes kept, for Readability's own scoring). */
function retag(el: Element, tag: string): Element {
  const doc = el.ownerDocument;
  const next = doc.createElement(tag);
  for (const attr of Array.from(el.attributes)) next.setAttribute(attr.name, attr.value);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
  return next;
}

/** Boxes a picture may sit in just before its caption, outside it. */
const BEFORE_TAGS = new Set(['P', 'DIV']);

/**
 * The paragraph or box set just before the caption that holds one picture
 * and at most a title's worth of words (a player's still and its title),
 * where no box holds both: the caption is set after its picture, not around
 * it.
 */
function pictureJustBefore(caption: Element, captions: readonly Element[]): Element | null {
  const before = caption.previousElementSibling;
  if (!before || !BEFORE_TAGS.has(before.tagName.toUpperCase()) || imageCount(before) !== 1) return null;
  // A picture box with its own caption: a credit set after it joins that caption (see picture-captions.ts).
  if (captions.some((other) => before.contains(other))) return null;
  if (before.closest('figure') || before.querySelector(`${STRUCTURE},figcaption`)) return null;
  return shownTextLength(before) <= MAX_OTHER_CHARS ? before : null;
}

/**
 * The picture's paragraph and its caption after it, made one figure. The
 * caption's words move, not its box: Readability removes a box whose class
 * it scores as clutter ("embeddedMediaCaption"), inside a figure too.
 */
function figureOf(picture: Element, caption: Element): void {
  const words = Array.from(caption.childNodes);
  caption.remove();
  figureInPlace(picture, picture, words);
}

/** A figure of the picture and a figcaption of the words, put where `place` was (which it replaces). */
function figureInPlace(place: Element, picture: Element, words: Node[]): void {
  const doc = place.ownerDocument;
  const figure = doc.createElement('figure');
  const figcaption = doc.createElement('figcaption');
  place.replaceWith(figure);
  figcaption.append(...words);
  figure.append(picture, figcaption);
}

/**
 * A box named as a caption that holds the picture too, its words after it
 * (an editor's "image with caption": "<p><span class=wf_caption><a><img>
 * </a><span>The map…</span></span></p>"): the picture and a figcaption of
 * its words, one figure, in place of the box (and of a paragraph that holds
 * nothing else). Returns whether it made one.
 */
function captionBoxAsFigure(box: Element): boolean {
  if (imageCount(box) !== 1 || box.closest('figure') || box.querySelector(`${STRUCTURE},figcaption,p`)) return false;
  // The picture's own child of the box (the picture, or its link), first; the words after it.
  const unit = Array.from(box.children).find((child) => imageCount(child) === 1 || child.tagName.toUpperCase() === 'IMG');
  if (!unit || shownTextLength(unit) > 0) return false;
  const nodes = Array.from(box.childNodes);
  const at = nodes.indexOf(unit);
  const words = nodes.slice(at + 1);
  if (nodes.slice(0, at).some((node) => squash(node.textContent ?? '')) || !words.some((node) => squash(node.textContent ?? ''))) return false;
  const paragraph = box.parentElement;
  const place = paragraph && paragraph.tagName.toUpperCase() === 'P' && shownTextLength(paragraph) === shownTextLength(box) && imageCount(paragraph) === 1 ? paragraph : box;
  figureInPlace(place, unit, words);
  return true;
}

/**
 * Turns each caption's picture box into a figure. `captions` are elements
 * named as captions or credits (by class or id), in document order; a box
 * with several (a caption and a credit) gets one figcaption holding them all.
 * Mutates the clone; returns how many figures it made.
 */
export function captionsAsFigures(captions: readonly Element[]): number {
  const parts = new Map<Element, Element[]>();
  let made = 0;
  for (const caption of captions) {
    const tag = caption.tagName.toUpperCase();
    if (!caption.isConnected || !TEXT_BLOCKS.has(tag) || caption.closest('figcaption')) continue;
    const chars = shownTextLength(caption);
    if (chars === 0 || chars > MAX_CAPTION_CHARS) continue;
    if (caption.getElementsByTagName('img').length > 0) {
      if (captionBoxAsFigure(caption)) made++;
      continue;
    }
    // In a box an earlier part (the caption) found already: judged with it, since each part alone counts the
    // other's words as the box's own ("(Reed Saxon / AP)" after a long caption).
    const box = Array.from(parts.keys()).find((known) => known.contains(caption)) ?? pictureBox(caption, chars);
    if (!box) {
      const picture = pictureJustBefore(caption, captions);
      if (picture) {
        figureOf(picture, caption);
        made++;
      }
      continue;
    }
    const known = parts.get(box) ?? [];
    // A credit inside a caption already listed moves with it.
    if (!known.some((k) => k.contains(caption))) known.push(caption);
    parts.set(box, known);
  }
  for (const [box, inBox] of parts) {
    // The words beside the caption must be the caption's: text outside every part is at most a credit's worth.
    const captionChars = inBox.reduce((n, el) => n + shownTextLength(el), 0);
    if (otherChars(box, captionChars) > MAX_OTHER_CHARS) continue;
    // A child of the figure itself: Readability drops a wrapper it scores as clutter ("image-meta") with all inside.
    let anchor = inBox[0]!;
    while (anchor.parentElement && anchor.parentElement !== box) anchor = anchor.parentElement;
    const existing = box.querySelector('figcaption');
    // One figcaption to a figure, and only where the figure itself holds it.
    if (existing && existing.parentElement !== box) continue;
    const figcaption = existing ?? box.ownerDocument.createElement('figcaption');
    if (!existing) anchor.before(figcaption);
    // Parts set apart in the page stay apart in words ("The bridge at dawn. Photo: Ann Lee").
    inBox.forEach((part, i) => figcaption.append(...(i > 0 || existing ? [' ', part] : [part])));
    // The wrapper the caption came out of, left empty.
    if (anchor !== figcaption && anchor.isConnected && !anchor.contains(figcaption) && isEmptyBox(anchor)) anchor.remove();
    for (const control of Array.from(box.getElementsByTagName('a'))) if (isPictureControl(control, figcaption)) control.remove();
    if (isLoneItem(box)) {
      // The list goes with its one item: the figure takes the list's place.
      const list = box.parentElement!;
      list.replaceWith(retag(box, 'figure'));
    } else if (box.tagName.toUpperCase() !== 'FIGURE') retag(box, 'figure');
    made++;
  }
  return made;
}

/** A centred line longer than this is a paragraph set in the middle, not a picture's caption. */
const MAX_CENTRED_CAPTION_CHARS = 300;
/** What a centred caption never holds: blocks of the story, or a picture of its own. */
const CENTRED_NOT_CAPTION = 'p,div,h1,h2,h3,h4,h5,h6,ul,ol,table,blockquote,figure,img,picture,video,iframe';

/** The picture set just before `el`, with nothing but space between: a picture, its link, or a box of one picture alone. */
function pictureRightBefore(el: Element): Element | null {
  for (let node = el.previousSibling; node; node = node.previousSibling) {
    if (node.nodeType === 3 && !(node.nodeValue ?? '').trim()) continue;
    if (node.nodeType !== 1) return null;
    const before = node as Element;
    const tag = before.tagName.toUpperCase();
    if (tag === 'BR') continue;
    if (before.closest('figure')) return null;
    if (tag === 'IMG' || tag === 'PICTURE') return before;
    if (imageCount(before) === 1 && !before.querySelector(`${STRUCTURE},figcaption,p`) && shownTextLength(before) === 0) return before;
    return null;
  }
  return null;
}

/**
 * A caption an older page centres under its picture with <center> ("<img>
 * <center><em>The new keyboard, via iFixit</em></center>"), or sets in
 * italics alone under it in their box: the picture and the line become a
 * figure. The reader drops <center>, and the line would otherwise run into
 * the paragraph after it as if it were the story's. Mutates the clone;
 * returns how many figures it made.
 */
export function centredCaptionsAsFigures(body: Element): number {
  let made = 0;
  for (const centre of Array.from(body.getElementsByTagName('center'))) if (lineUnderPictureAsFigure(centre)) made++;
  // "<div class=embedbox><img><br><em>The best new character in 2019.</em></div>": a line in italics that is all
  // the words of a box holding the picture it is set under.
  for (const line of Array.from(body.querySelectorAll('em, i'))) {
    const box = line.parentElement;
    if (box && !line.nextElementSibling && shownTextLength(box) === shownTextLength(line) && lineUnderPictureAsFigure(line)) made++;
  }
  return made;
}

/** A short line right under a picture, with nothing but line breaks between: the picture and the line become a figure. */
function lineUnderPictureAsFigure(line: Element): boolean {
  const chars = shownTextLength(line);
  if (chars === 0 || chars > MAX_CENTRED_CAPTION_CHARS || line.querySelector(CENTRED_NOT_CAPTION) || line.closest('figure')) return false;
  const picture = pictureRightBefore(line);
  if (!picture) return false;
  figureOf(picture, line);
  return true;
}
