/**
 * Pictures' captions as a gallery or a site sets them apart: copies of the
 * shown picture's caption and credit (a gallery's control bar, its caption
 * panel, a copy cut short), and a caption or credit set after the figure
 * rather than inside it. Run on the page clone, after the clutter is gone.
 */
import { isMeaningfulAlt, squash } from '../captions/text';
import { precedes } from '../detect/text';
import { namesCaption, namesCopyright, namesCredit } from './class-words';
import { MAX_THUMBNAIL_PX } from './lead-figure';
import { textLength, truncatedStem } from './text';

/**
 * A gallery's strip of thumbnails: a picture that is a link to a place in
 * the page (the slide it shows), outside any figure, with no alt that says
 * anything ("photo") and no size that makes it a photo of its own. It is the
 * shown picture again, small, not a new one with its own caption.
 */
function isStripThumbnail(el: Element): boolean {
  const href = el.closest('a[href]')?.getAttribute('href')?.trim();
  if (href === undefined || !/^(?:#|javascript:|$)/i.test(href) || el.closest('figure')) return false;
  if (isMeaningfulAlt(el.getAttribute('alt'))) return false;
  return !['width', 'height'].some((side) => Number(el.getAttribute(side) ?? 0) > MAX_THUMBNAIL_PX);
}

/** Levels above a caption where its picture's box may be (a gallery's caption panel sits a few boxes away). */
const MAX_BOX_LEVELS = 5;
/** A box with more words than this around a picture is the story, not a picture's box. */
const MAX_PICTURE_BOX_CHARS = 1500;

/** The caption sits in a picture's box: a figure, or a small box around a picture. */
function inPictureBox(el: Element): boolean {
  if (el.closest('figure')) return true;
  let box = el.parentElement;
  for (let level = 0; box && level < MAX_BOX_LEVELS; level++, box = box.parentElement) {
    if (/^(?:BODY|ARTICLE|MAIN)$/i.test(box.tagName)) return false;
    if (box.querySelector('img, picture, video')) return textLength(box) <= MAX_PICTURE_BOX_CHARS;
  }
  return false;
}

/**
 * A gallery prints the shown picture's caption and credit twice or three
 * times (under the picture, in its control bar, in a caption panel, a copy
 * cut short with "... more"), and the reader would read each copy. A caption
 * or credit box by a picture that repeats one printed since the last
 * picture goes, and a cut-short copy goes for the whole; the same credit
 * under two pictures stays with each.
 */
export function dropRepeatedCaptions(body: Element): number {
  let byText = new Map<string, Element[]>();
  let cutShort: { el: Element; stem: string }[] = [];
  let dropped = 0;
  const drop = (el: Element): void => {
    el.remove();
    dropped++;
  };
  // A box and the part of it that holds all its words are one caption, not two.
  const apart = (a: Element, b: Element): boolean => a.isConnected && !a.contains(b) && !b.contains(a);
  // Sorted: jsdom lists a selector group's matches group by group, not in document order.
  const found = Array.from(body.querySelectorAll('img, picture, video, figcaption, [class*="caption" i], [class*="credit" i]'));
  found.sort((a, b) => (precedes(a, b) ? -1 : 1));
  for (const el of found) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'IMG' || tag === 'PICTURE' || tag === 'VIDEO') {
      if (!isStripThumbnail(el)) {
        byText = new Map();
        cutShort = [];
      }
      continue;
    }
    // A link named "more-caption" is the caption's switch, not a copy of it.
    if ((tag !== 'FIGCAPTION' && !namesCaption(el)) || tag === 'A' || !el.isConnected || el.querySelector('img, picture, video')) continue;
    const text = squash(el.textContent ?? '');
    if (!text || !inPictureBox(el)) continue;
    const stem = truncatedStem(text);
    const repeats = (byText.get(text) ?? []).some((other) => apart(other, el));
    const shortens = !!stem && [...byText].some(([other, els]) => other.length > stem.length && other.startsWith(stem) && els.some((o) => apart(o, el)));
    if (repeats || shortens) {
      drop(el);
      continue;
    }
    // An earlier copy cut short goes for this whole one.
    for (const short of cutShort) if (text.length > short.stem.length && text.startsWith(short.stem) && apart(short.el, el)) drop(short.el);
    byText.set(text, [...(byText.get(text) ?? []), el]);
    if (stem) cutShort.push({ el, stem });
  }
  return dropped;
}

/** Credits for the story rather than for a picture. */
const STORY_CREDITS = /^(?:by|written by|words by|text by)\s|\b(?:reporting|editing|edited|writing|compiled|produced) by\b/i;
/** A credit is a name or two: longer, the block after a figure is the story's. */
const MAX_CREDIT_CHARS = 120;

/** How many boxes that hold only a figure are looked through for the caption after them. */
const MAX_FIGURE_BOXES = 3;

/** The outermost of the boxes (up to a few) that hold the figure and nothing else: its caption may follow that. */
function boxAround(figure: Element): Element {
  let box = figure;
  for (let i = 0; i < MAX_FIGURE_BOXES; i++) {
    const parent = box.parentElement;
    if (!parent || parent.childElementCount !== 1 || parent.tagName.toUpperCase() === 'BODY' || textLength(parent) !== textLength(box)) break;
    box = parent;
  }
  return box;
}

/** The figure's own figcaption, its child: the one that names it. */
function ownFigcaption(figure: Element): Element | null {
  return Array.from(figure.children).find((c) => c.tagName.toUpperCase() === 'FIGCAPTION') ?? null;
}

/** The figure's figcaptions at any depth in it, but for those of a figure inside it. */
function figcaptionsOf(figure: Element): Element[] {
  return Array.from(figure.getElementsByTagName('figcaption')).filter((c) => c.parentElement?.closest('figure') === figure);
}

/**
 * A figcaption a site wraps with its credit in a box of the figure's
 * ("<figure>…<span><figcaption>…</figcaption><cite>Getty Images</cite>
 * </span>"): the box gives way to the figcaption, the credit inside it. A
 * figcaption names its figure only as the figure's own child, and the reader
 * styles the credit as the caption's part only there.
 */
function hoistWrappedFigcaption(figure: Element): void {
  if (ownFigcaption(figure)) return;
  const captions = figcaptionsOf(figure);
  if (captions.length !== 1) return;
  const caption = captions[0]!;
  let box = caption.parentElement!;
  while (box.parentElement !== figure) box = box.parentElement!;
  if (box.querySelector('img, picture, video, iframe, svg, figure')) return;
  const others = textLength(box) - textLength(caption);
  if (others > MAX_CREDIT_CHARS) return;
  // What the box holds beside the caption, in order: a credit before it goes first, one after it last.
  const before: Node[] = [];
  const after: Node[] = [];
  let seen = false;
  const gather = (el: Element): void => {
    for (const node of Array.from(el.childNodes)) {
      if (node === caption) seen = true;
      else if (node.nodeType === 1 && (node as Element).contains(caption)) gather(node as Element);
      else if ((node.textContent ?? '').trim()) (seen ? after : before).push(node);
    }
  };
  gather(box);
  box.replaceWith(caption);
  caption.prepend(...before.flatMap((node) => [node, ' ']));
  caption.append(...after.flatMap((node) => [' ', node]));
}

/**
 * The figcaption, or figcaptions side by side, a site sets last in a box of
 * the figure that holds its picture too ("<figure><div><picture>…
 * </picture><figcaption>Duck fluff…</figcaption><figcaption>Photo: Getty
 * Images</figcaption></div>"): a figcaption names its figure only as the
 * figure's own child, and a figure has one. They become one, each further
 * part in a span, at the figure's end, where they were seen.
 */
function liftFigcaptionsBesidePicture(figure: Element): void {
  if (ownFigcaption(figure)) return;
  const captions = figcaptionsOf(figure);
  const [first, ...rest] = captions;
  const box = first?.parentElement;
  if (!first || !box || rest.some((c) => c.parentElement !== box) || !box.querySelector('img, picture')) return;
  // Words after the captions in their box would come before them once the captions move.
  for (let next = captions[captions.length - 1]!.nextSibling; next; next = next.nextSibling) {
    if ((next.textContent ?? '').trim()) return;
  }
  for (const other of rest) {
    const part = figure.ownerDocument.createElement('span');
    part.append(...Array.from(other.childNodes));
    first.append(' ', part);
    other.remove();
  }
  figure.append(first);
}

/**
 * A credit a site sets inside the figure but apart from its figcaption, by
 * the picture ("<span class=story-image-copyright>Getty Images</span>"): it
 * joins the figcaption's end, so the reader shows it as the caption's part,
 * not at the story's size under the picture.
 */
function creditsIntoCaption(figure: Element): void {
  let caption = ownFigcaption(figure);
  // None that holds the picture ("image-and-copyright-container"), and the outermost of those inside one another.
  const credits = Array.from(figure.querySelectorAll('*')).filter(
    (el) => (namesCredit(el) || namesCopyright(el)) && !caption?.contains(el) && el.tagName.toUpperCase() !== 'FIGCAPTION' && !el.querySelector('img, picture, video, iframe'),
  );
  for (const credit of credits) {
    if (credits.some((other) => other !== credit && other.contains(credit))) continue;
    const length = textLength(credit);
    if (length === 0 || length > MAX_CREDIT_CHARS) continue;
    // A figure with a credit and no caption: the credit is its caption.
    caption ??= figure.appendChild(figure.ownerDocument.createElement('figcaption'));
    caption.append(' ', credit);
  }
}

/**
 * A figcaption a site sets right after its figure (or after the box that
 * holds only the figure) rather than inside it,
 * and a credit line set after a figure's box ("image-credit"): moved into
 * the figure, so the reader shows them as its caption and a screen reader
 * hears them as the picture's, not as a line of the story. Figcaptions
 * inside the figure but not its own children become its own first, and
 * credits set apart inside it join them.
 */
export function joinCaptionsSetAfterFigures(body: Element): void {
  for (const figure of Array.from(body.getElementsByTagName('figure'))) {
    liftFigcaptionsBesidePicture(figure);
    hoistWrappedFigcaption(figure);
    creditsIntoCaption(figure);
    const box = boxAround(figure);
    let next = box.nextElementSibling;
    if (next?.tagName.toUpperCase() === 'FIGCAPTION' && !ownFigcaption(figure)) {
      figure.append(next);
      next = box.nextElementSibling;
    }
    if (!next || !namesCredit(next) || next.querySelector('img, picture, video, iframe')) continue;
    const length = textLength(next);
    // A byline or the story's closing credits ("By Ana Ruiz", "Reporting by...") are the story's, not the picture's.
    if (length === 0 || length > MAX_CREDIT_CHARS || STORY_CREDITS.test(squash(next.textContent ?? ''))) continue;
    const caption = ownFigcaption(figure) ?? figure.appendChild(figure.ownerDocument.createElement('figcaption'));
    caption.append(' ', next);
  }
}
