/**
 * Applies a caption plan to the live page: minimal changes, each recorded
 * in a ChangeLog so undo() restores the DOM exactly. Everything added is a
 * lectern-* element or a lectern-* id; styles are inline and !important.
 */
import { OWN_ARIA_HIDDEN, type CaptionEntry, type CaptionPlan, type CollapseReason } from '../../core/captions';
import { isText, OWN_CAPTION_ID_PREFIX } from '../../core/captions/dom';
import { ChangeLog, type Undo } from '../change-log';
import { articleLook, backgroundBehind, contrast, type Look } from './style';

export type { Undo } from '../change-log';

export interface ApplyOptions {
  look: Look;
  view: Window | null;
}

const INLINE_TAGS = new Set(['SPAN', 'SMALL', 'EM', 'I', 'B', 'STRONG', 'CITE', 'A', 'Q', 'ABBR', 'TIME']);
const UNCLAMP = {
  '-webkit-line-clamp': 'none',
  'line-clamp': 'none',
  'max-height': 'none',
  // Longhands: a page that set only overflow-y gets exactly that back on undo.
  'overflow-x': 'visible',
  'overflow-y': 'visible',
  'text-overflow': 'clip',
};

function overridesFor(el: Element, reasons: CollapseReason[]): Record<string, string> {
  const props: Record<string, string> = {};
  for (const reason of reasons) {
    switch (reason) {
      case 'hidden-attribute':
      case 'display-none':
        props.display = INLINE_TAGS.has(el.tagName.toUpperCase()) ? 'inline' : 'block';
        props['content-visibility'] = 'visible';
        break;
      case 'invisible':
        Object.assign(props, { visibility: 'visible', transition: 'none' });
        break;
      case 'transparent':
        // No fade: a transition would leave it faint for a moment, or for good where it never ends.
        Object.assign(props, { opacity: '1', transition: 'none' });
        break;
      case 'line-clamp':
      case 'max-height':
      case 'toggle':
        Object.assign(props, UNCLAMP);
        break;
      case 'ellipsis':
        Object.assign(props, UNCLAMP, { 'white-space': 'normal' });
        break;
      case 'clipped':
        Object.assign(props, UNCLAMP, { height: 'auto' });
        break;
      case 'overlay':
        // Back in the flow, under the picture instead of over it.
        Object.assign(props, { position: 'static', transform: 'none' });
        break;
      case 'details-closed':
        break;
    }
  }
  return props;
}

function lookProps(look: Look, colors: boolean): Record<string, string> {
  const props: Record<string, string> = { 'font-size': `${look.fontPx}px`, 'line-height': '1.5' };
  return colors ? { ...props, color: look.color, 'background-color': look.background } : props;
}

/** Site colours stay unless they are unreadable (or the caption left an overlay's dark backdrop). */
function needsColors(caption: Element, overlay: boolean, view: Window | null): boolean {
  if (overlay || !view) return overlay;
  return contrast(view.getComputedStyle(caption).color, backgroundBehind(caption, view)) < 4.5;
}

function smallerThan(el: Element, px: number, view: Window | null): boolean {
  return !view || (Number.parseFloat(view.getComputedStyle(el).fontSize) || 0) < px;
}

let idCounter = 0;
function freshId(doc: Document): string {
  let id: string;
  do id = `${OWN_CAPTION_ID_PREFIX}${++idCounter}`;
  while (doc.getElementById(id));
  return id;
}

/** What expand needs to know from computed style, read before any write (no layout thrash). */
interface Measured {
  colors: boolean;
  resize: boolean;
  /** The caption lays its text, credit and switch out in one flex row. */
  row: boolean;
  /**
   * The caption, or a part of it, limited to a few lines or a height: text
   * that fits now would be cut once larger, so the limit goes with the resize.
   */
  limited: Element[];
  /**
   * Parts of the caption that the site's own rules set smaller than the
   * reader's size (a span of text, a credit), or in a grey too faint to
   * read: they would not follow the caption, so each gets the size, and the
   * readable colours where its own fail.
   */
  parts: { el: Element; grow: boolean; colors: boolean }[];
  /** The colour a faint part takes: the caption's own where it reads well (the site's look kept), else the story's. */
  partColor: string;
}

/** Pictures, icons and logos in a caption keep their box (a sprite's crop, a logo's height). */
const MEDIA = 'img,svg,picture,video,canvas,iframe,object,embed';

function isLimited(el: Element, view: Window): boolean {
  if (el.matches(MEDIA) || el.querySelector(MEDIA) || !(el.textContent ?? '').trim()) return false;
  const s = view.getComputedStyle(el);
  const clamp = s.getPropertyValue('-webkit-line-clamp') || s.getPropertyValue('line-clamp');
  if (clamp && clamp !== 'none') return true;
  // A box that scrolls (overflow-y: auto) lets the reader reach its text: not a limit to lift.
  return s.maxHeight !== 'none' && (s.overflowY === 'hidden' || s.overflowY === 'clip');
}

/**
 * A one-line caption set as a flex row: once its text runs in full, the row
 * squeezes the credit beside it into a column a word wide.
 */
function isFlexRow(el: Element, view: Window | null): boolean {
  if (!view) return false;
  const s = view.getComputedStyle(el);
  return s.display.endsWith('flex') && s.flexDirection.startsWith('row') && s.flexWrap === 'nowrap';
}

/** Set smaller by design, in any text: superscripts, subscripts ("CO₂"), ruby annotations. */
const SMALL_BY_DESIGN = 'sup,sub,rt,rp';
/** Below this a text is hidden on purpose (font-size: 0), not small. */
const HIDDEN_SIZE_PX = 4;

/** Elements in the caption that hold words of their own, pictures and icons (and the text inside an SVG) aside. */
function textParts(caption: Element): Element[] {
  return Array.from(caption.querySelectorAll('*')).filter(
    (el) =>
      !el.closest(MEDIA) &&
      !el.matches(SMALL_BY_DESIGN) &&
      Array.from(el.childNodes).some((n) => isText(n) && (n.nodeValue ?? '').trim() !== ''),
  );
}

function measure(entry: CaptionEntry, opts: ApplyOptions): Measured {
  const { caption, credit } = entry;
  // Only a credit set beside the text is squeezed; an icon or a counter in the row keeps its place.
  const creditBeside = !!caption && credit?.parentElement === caption;
  const row = creditBeside && entry.actions.includes('expand') && isFlexRow(caption, opts.view);
  if (!entry.actions.includes('enlarge') || !caption) return { colors: false, resize: false, row, limited: [], parts: [], partColor: '' };
  const overlay = entry.unclamp.some((u) => u.reasons.includes('overlay'));
  const colors = needsColors(caption, overlay, opts.view);
  const { view } = opts;
  // Parts are read against the caption's own background, found once: walking up from each part would read
  // the styles of every ancestor again, for each.
  let behind: string | null = null;
  // A credit set beside the caption (its own paragraph, a second figcaption) is read with it, and sized with it.
  const creditApart = credit && !caption.contains(credit) ? [credit, ...textParts(credit)] : [];
  const parts = view
    ? [...textParts(caption), ...creditApart].flatMap((el) => {
        const s = view.getComputedStyle(el);
        const px = Number.parseFloat(s.fontSize) || 0;
        if (px < HIDDEN_SIZE_PX) return [];
        const grow = px < opts.look.fontPx;
        behind ??= backgroundBehind(caption, view);
        const faint = contrast(s.color, behind) < 4.5;
        return grow || faint ? [{ el, grow, colors: faint }] : [];
      })
    : [];
  const resize = colors || parts.length > 0 || smallerThan(caption, opts.look.fontPx, view);
  const boxes = [caption, ...Array.from(caption.children)];
  const limited = resize && view ? boxes.filter((el) => !entry.unclamp.some((u) => u.element === el) && isLimited(el, view)) : [];
  // The caption's own colour is read only when a part needs it.
  const partColor = view && !colors && parts.some((part) => part.colors) ? view.getComputedStyle(caption).color : opts.look.color;
  return { colors, resize, row, limited, parts, partColor };
}

function expand(entry: CaptionEntry, m: Measured, log: ChangeLog): void {
  for (const { element, reasons } of entry.unclamp) {
    if (reasons.includes('details-closed')) log.setAttribute(element, 'open', '');
    log.setStyle(element, overridesFor(element, reasons));
  }
  for (const el of entry.conceal) log.setStyle(el, { display: 'none' });
  // A credit reads as the caption's last line, as sites set it when there is room.
  if (m.row && entry.caption) log.setStyle(entry.caption, { 'flex-wrap': 'wrap' });
}

function enlarge(entry: CaptionEntry, m: Measured, log: ChangeLog, look: Look): void {
  for (const el of m.limited) log.setStyle(el, UNCLAMP);
  if (m.resize && entry.caption) log.setStyle(entry.caption, lookProps(look, m.colors));
  for (const { el, grow, colors } of m.parts) {
    // A part the site set larger than the caption's size keeps its size.
    log.setStyle(el, { ...(grow ? lookProps(look, false) : {}), ...(colors ? { color: m.partColor } : {}) });
  }
}

function dedupe(entry: CaptionEntry, log: ChangeLog, doc: Document): void {
  for (const part of entry.hide) {
    if ('nodeType' in part) {
      // Hidden by the site already: its own, which the reader's extraction must keep, not take for ours.
      if (part.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') continue;
      log.setAttribute(part, 'aria-hidden', 'true');
      // The reader's extraction clones this page and must see the caption as the site wrote it; the
      // mark tells it which aria-hidden is ours (core/extract/prepare.ts takes both away again).
      log.setAttribute(part, OWN_ARIA_HIDDEN, '');
    } else {
      const wrapper = doc.createElement('lectern-repeat');
      wrapper.setAttribute('aria-hidden', 'true');
      log.wrapText(part, wrapper);
    }
  }
}

function describe(entry: CaptionEntry, log: ChangeLog, doc: Document): void {
  const ids = entry.describedBy.map((el) => {
    if (!el.id) log.setAttribute(el, 'id', freshId(doc));
    return el.id;
  });
  const current = (entry.image.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const merged = [...new Set([...current, ...ids])].join(' ');
  log.setAttribute(entry.image, 'aria-describedby', merged);
}

function revealAlt(entry: CaptionEntry, log: ChangeLog, doc: Document, look: Look): void {
  if (!entry.insertAt) return;
  const caption = doc.createElement('lectern-alt-caption');
  caption.textContent = entry.alt;
  // Screen readers already read the alt on the image: seen, not heard twice.
  caption.setAttribute('aria-hidden', 'true');
  const style = (caption as HTMLElement).style;
  const props: Record<string, string> = {
    display: 'block', margin: '0.25em 0 0.75em', padding: '0.25em 0.5em', 'font-style': 'normal',
    'font-weight': 'normal', 'font-family': 'inherit', 'text-align': 'start', 'white-space': 'normal',
    position: 'static', opacity: '1', visibility: 'visible', 'max-width': '100%',
    // A rule at the start edge marks it as the picture's caption, not another paragraph.
    'border-inline-start': '0.25em solid currentColor',
    ...lookProps(look, true),
  };
  for (const [p, v] of Object.entries(props)) style.setProperty(p, v, 'important');
  log.insert(caption, entry.insertAt);
}

function write(entry: CaptionEntry, m: Measured, opts: ApplyOptions): Undo {
  const log = new ChangeLog();
  const doc = entry.image.ownerDocument;
  for (const action of entry.actions) {
    if (action === 'expand') expand(entry, m, log);
    else if (action === 'enlarge') enlarge(entry, m, log, opts.look);
    else if (action === 'dedupe') dedupe(entry, log, doc);
    else if (action === 'describe') describe(entry, log, doc);
    else if (action === 'reveal-alt') revealAlt(entry, log, doc, opts.look);
  }
  return () => log.undo();
}

/**
 * Applies entries, one undo per entry. All style reads happen before the
 * first write, so the page lays out once, not once per image.
 */
export function applyEntries(entries: CaptionPlan, opts: ApplyOptions): Undo[] {
  const measured = entries.map((entry) => ({ entry, m: measure(entry, opts) }));
  return measured.map(({ entry, m }) => write(entry, m, opts));
}

export function applyEntry(entry: CaptionEntry, opts: ApplyOptions): Undo {
  return write(entry, measure(entry, opts), opts);
}

/** Applies a whole plan; undo() restores the page, newest change first. */
export function applyCaptionPlan(
  plan: CaptionPlan,
  doc: Document,
  options: Partial<ApplyOptions> & { sizePercent?: number } = {},
): Undo {
  const view = options.view === undefined ? doc.defaultView : options.view;
  const article = plan[0]?.image.closest('article') ?? doc.body;
  const look = options.look ?? articleLook(article ?? doc.documentElement, view, options.sizePercent ?? 100);
  const undos = applyEntries(plan, { look, view });
  return () => {
    for (const undo of undos.reverse()) undo();
  };
}
