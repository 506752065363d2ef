/**
 * Is a caption truncated, collapsed or hidden? Read from computed style
 * when a window is given (a real page), else from inline styles, the
 * hidden attribute and class names (jsdom, tests). Site controls are
 * looked at, never clicked.
 */
import { firstDescendants, hasLayout, isOurs, navigates, siblings, tag, visibleText, visuallyHidden } from './dom';
import { isToggle } from './find';
import { words } from './text';
import type { CollapseReason, Unclamp } from './types';

type Role = 'caption' | 'inner' | 'ancestor' | 'container';

const CLASS_REASONS: Array<[RegExp, CollapseReason[]]> = [
  [
    /(?:^|[\s_-])(?:on-?hover|hover-?(?:reveal|only|show)|(?:show|reveal)-on-hover)(?:$|[\s_-])/i,
    ['transparent', 'overlay'],
  ],
  [/(?:^|[\s_-])(?:truncated?|clamp(?:ed)?|line-?clamp(?:ed)?)(?:$|[\s_-])/i, ['line-clamp']],
  [/(?:^|[\s_-])(?:collapsed?|closed)(?:$|[\s_-])/i, ['max-height']],
  [/ellipsis/i, ['ellipsis']],
  [/(?:^|[\s_])(?:hidden|hide|is-hidden|d-none|dis-none|invisible)(?:$|[\s_])/i, ['display-none']],
];
/** Hidden for the eye on purpose but read by screen readers: not ours to reveal. */
const SCREEN_READER_ONLY = /sr-only|visually-?hidden|screen-?reader|a11y-?hidden|assistive/i;

function styleOf(el: Element, view: Window | null): CSSStyleDeclaration | null {
  if (view) return view.getComputedStyle(el);
  return (el as HTMLElement).style ?? null;
}

/** With layout (a real page), does content overflow the box? Without it, assume it does. */
function overflows(el: Element, axis: 'x' | 'y'): boolean {
  if (el.clientHeight === 0 && el.clientWidth === 0) return true;
  return axis === 'y' ? el.scrollHeight > el.clientHeight + 1 : el.scrollWidth > el.clientWidth + 1;
}

/**
 * A caption anchored to the bottom of a fixed-height box grows upwards
 * past its top edge: overflow that scrollHeight does not report.
 */
function sticksOut(caption: Element, box: Element): boolean {
  if (caption === box || !hasLayout(caption)) return false;
  const c = caption.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  return c.top < b.top - 1 || c.bottom > b.bottom + 1;
}

function styleReasons(
  el: Element,
  s: CSSStyleDeclaration,
  view: Window | null,
  role: Role,
  caption?: Element,
): CollapseReason[] {
  // Computed-style reads cost: the common case (shown, not clipped) reads five properties.
  const out: CollapseReason[] = [];
  const display = s.display;
  if (role !== 'container') {
    if (el.hasAttribute('hidden')) out.push('hidden-attribute');
    else if (display === 'none') out.push('display-none');
    const visibility = s.visibility;
    const parent = el.parentElement;
    // visibility inherits: only the element that turns it off is collapsed (not a whole hidden slide).
    if ((visibility === 'hidden' || visibility === 'collapse') && !(parent && hiddenVisibility(parent, view)))
      out.push('invisible');
    const opacity = s.opacity;
    if (opacity !== '' && Number.parseFloat(opacity) < 0.2) out.push('transparent');
    if (tag(el) === 'DETAILS' && !el.hasAttribute('open')) out.push('details-closed');
  }
  // "hidden visible" in Chromium (x then y), the declared value in jsdom.
  const clips = /hidden|clip/.test(s.overflow);
  if (role !== 'container' && (clips || display.includes('box'))) {
    const clamp = s.getPropertyValue('-webkit-line-clamp') || s.getPropertyValue('line-clamp');
    if (clamp && clamp !== 'none' && clamp !== '0' && overflows(el, 'y')) out.push('line-clamp');
  }
  if (clips) {
    const maxHeight = s.maxHeight;
    if (maxHeight && maxHeight !== 'none' && overflows(el, 'y')) out.push('max-height');
    else if (role !== 'container' && s.textOverflow === 'ellipsis' && overflows(el, 'x')) out.push('ellipsis');
    else if (hasLayout(el) ? overflows(el, 'y') || (caption && sticksOut(caption, el)) : /^\d/.test(s.height))
      out.push('clipped');
  }
  return out;
}

function hiddenVisibility(el: Element, view: Window | null): boolean {
  const v = styleOf(el, view)?.visibility;
  return v === 'hidden' || v === 'collapse';
}

function classReasons(el: Element): CollapseReason[] {
  const name = el.getAttribute('class') ?? '';
  if (!name || SCREEN_READER_ONLY.test(name)) return [];
  return CLASS_REASONS.filter(([re]) => re.test(name)).flatMap(([, reasons]) => reasons);
}

function reasonsFor(el: Element, view: Window | null, role: Role, caption?: Element): CollapseReason[] {
  const s = styleOf(el, view);
  const found = s ? styleReasons(el, s, view, role, caption) : [];
  if (found.length && s && visuallyHidden(el, s)) return [];
  if (!view && role !== 'container') found.push(...classReasons(el));
  return [...new Set(found)];
}

/** "Karma Automotive ... unveil Karman ... at ... more" shown, the full text in a hidden sibling. */
function truncatedTwin(caption: Element): { full: Element; short: Element } | null {
  const core = (el: Element) => words(visibleText(el, isToggle).replace(/(?:…|\.\.\.)\s*$/, '')).join(' ');
  const kids = Array.from(caption.children)
    .filter((k) => !isOurs(k))
    .map((k) => ({ k, text: core(k) }))
    .filter(({ text }) => text.length >= 10);
  for (const a of kids) {
    for (const b of kids) {
      if (a !== b && a.text.length < b.text.length && b.text.startsWith(a.text)) return { full: b.k, short: a.k };
    }
  }
  return null;
}

function byId(doc: Document, ids: string | null): Element[] {
  return (ids ?? '').split(/\s+/).filter(Boolean).map((id) => doc.getElementById(id)).filter((el) => !!el);
}

/** A switch that folds the caption back ("less", "Hide"), not a link with somewhere to go (never a caption's switch, whatever it says) nor one that opens more. */
function foldsCopy(el: Element): boolean {
  if (!isToggle(el) || navigates(el)) return false;
  return el.getAttribute('aria-expanded') === 'true' || /\b(?:less|hide)\b/i.test(visibleText(el));
}

/**
 * The caption's own "more" switches shown next to it, collapsed, and what
 * they open. A switch that names what it opens must open the caption (or
 * part of it, or its box): a Share button next to a caption opens a menu.
 * One that names nothing must sit in the caption or say it is about more
 * text ("more", "…", "Show caption").
 */
function collapsedToggles(caption: Element): { toggles: Element[]; controls: Element[] } {
  const doc = caption.ownerDocument;
  const ofCaption = (el: Element): boolean => el === caption || caption.contains(el) || el.contains(caption);
  const near = [...firstDescendants(caption, 30), ...siblings(caption, true, 2), ...siblings(caption, false, 1)];
  const controls: Element[] = [];
  const toggles = near.filter((el) => {
    if (!isToggle(el) || el.getAttribute('aria-expanded') === 'true' || navigates(el)) return false;
    const opens = byId(doc, el.getAttribute('aria-controls'));
    const mine = opens.length ? opens.filter(ofCaption) : [];
    controls.push(...mine);
    const text = visibleText(el);
    const own = opens.length ? mine.length > 0 : caption.contains(el) || /more|…|\.\.\.|caption/i.test(text);
    return own && (el.getAttribute('aria-expanded') === 'false' || /more|…|\.\.\./i.test(text));
  });
  return { toggles, controls };
}

/** The image itself is on screen (not in a hidden carousel slide): only then is a hidden caption a problem. */
export function imageShown(img: Element, article: Element, view: Window | null): boolean {
  for (let el: Element | null = img; el && el !== article.parentElement; el = el.parentElement) {
    if (el.hasAttribute('hidden') || styleOf(el, view)?.display === 'none') return false;
  }
  return !hiddenVisibility(img, view);
}

/**
 * A caption laid over the picture (hover captions, captions inside a
 * fixed-height box) would cover it or stay clipped once shown: it goes
 * back into the flow.
 */
function markOverlays(region: Array<[Element, Role]>, unclamp: Unclamp[], view: Window | null): void {
  for (const [element, role] of region) {
    if (role !== 'caption' && role !== 'ancestor') continue;
    const position = styleOf(element, view)?.position;
    if (position !== 'absolute' && position !== 'fixed') continue;
    const entry = unclamp.find((u) => u.element === element);
    if (!entry) unclamp.push({ element, reasons: ['overlay'] });
    else if (!entry.reasons.includes('overlay')) entry.reasons.push('overlay');
  }
}

export interface Collapse {
  unclamp: Unclamp[];
  conceal: Element[];
}

export function findCollapse(
  caption: Element,
  container: Element | null,
  article: Element,
  view: Window | null,
): Collapse {
  const twin = truncatedTwin(caption);
  // The full copy's own "less" switch would fold nothing once Lectern shows that copy: it goes with the short one.
  const conceal = twin ? [twin.short, ...Array.from(twin.full.querySelectorAll('*')).filter(foldsCopy)] : [];
  const skip = (el: Element) => conceal.some((c) => c.contains(el));
  const region: Array<[Element, Role]> = [[caption, 'caption']];
  for (const el of firstDescendants(caption, 12)) {
    if (!skip(el) && !isOurs(el) && !isToggle(el) && visibleText(el)) region.push([el, 'inner']);
  }
  let depth = 0;
  for (let p = caption.parentElement; p && p !== container && p !== article && depth < 3; p = p.parentElement, depth++)
    region.push([p, 'ancestor']);
  if (container && container !== article) region.push([container, 'container']);

  const unclamp: Unclamp[] = [];
  for (const [element, role] of region) {
    const reasons = reasonsFor(element, view, role, caption);
    if (reasons.length) unclamp.push({ element, reasons });
  }
  if (unclamp.length) markOverlays(region, unclamp, view);
  if (twin && !unclamp.some((u) => u.element === twin.full)) {
    unclamp.push({ element: twin.full, reasons: ['display-none'] });
  }
  if (!twin) {
    const { toggles, controls } = collapsedToggles(caption);
    for (const element of controls) {
      if (unclamp.some((u) => u.element === element)) continue;
      unclamp.push({ element, reasons: reasonsFor(element, view, 'inner').concat('toggle') });
    }
    if (toggles.length && !unclamp.length) unclamp.push({ element: caption, reasons: ['toggle'] });
    // Once the caption is shown in full, its "more" switch would still say "collapsed" and do nothing.
    if (unclamp.length) conceal.push(...toggles);
  }
  return { unclamp, conceal };
}

export function collapseNone(): Collapse {
  return { unclamp: [], conceal: [] };
}
