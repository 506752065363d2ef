/**
 * Lectern's "Skip to article" link: the first thing Tab reaches, invisible
 * until focused, then large and on top of everything. It lives in a shadow
 * root and is styled only through the CSSOM (element.style), because a page
 * served with a strict style-src CSP blocks <style> elements but not that,
 * and the page's stylesheets cannot reach into the shadow root.
 */
import { OWN_TARGET_ID } from '../core/captions/dom';

const HOST_TAG = 'lectern-skip-link';
/** The landmark's name: the product name, not translated. */
const LANDMARK_LABEL = 'Lectern';

/** Declarations applied with !important so no page rule can win. */
type Styles = Record<string, string>;

/**
 * The host is listed property by property rather than reset with
 * `all: initial !important`: Firefox expands that into longhands such as
 * letter-spacing, word-spacing and line-height with !important, which
 * blocks user text-spacing overrides (WCAG 1.4.12; axe avoid-inline-spacing).
 * Inherited text properties that could hide or garble the link are reset on
 * the link itself instead.
 */
const HOST_STYLES: Styles = {
  position: 'fixed',
  top: '0',
  left: '0',
  right: 'auto',
  bottom: 'auto',
  'z-index': '2147483647',
  display: 'block',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  translate: 'none',
  scale: 'none',
  rotate: 'none',
  filter: 'none',
  'clip-path': 'none',
  mask: 'none',
  'pointer-events': 'auto',
  'content-visibility': 'visible',
  contain: 'none',
  float: 'none',
};

const HIDDEN_LINK: Styles = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  overflow: 'hidden',
  'clip-path': 'inset(50%)',
  'white-space': 'nowrap',
  border: '0',
};

const SHOWN_LINK: Styles = {
  position: 'absolute',
  top: '12px',
  left: '12px',
  width: 'auto',
  height: 'auto',
  margin: '0',
  padding: '16px 24px',
  overflow: 'visible',
  'clip-path': 'none',
  'white-space': 'nowrap',
  border: '3px solid #ffffff',
  'border-radius': '8px',
  outline: '4px solid #ffbf47',
  'outline-offset': '0',
  background: '#0b1f3a',
  color: '#ffffff',
  font: '700 24px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  // Inherited from the page through the host unless set here.
  'text-transform': 'none',
  'text-indent': '0',
  'text-shadow': 'none',
  'text-align': 'left',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  cursor: 'pointer',
  'pointer-events': 'auto',
  'text-decoration': 'underline',
  'box-shadow': '0 4px 16px rgba(0, 0, 0, 0.5)',
};

/** One cssText write per state: cheaper than a setProperty per declaration. */
function applyStyles(el: HTMLElement, styles: Styles): void {
  el.style.cssText = Object.entries(styles)
    .map(([name, value]) => `${name}:${value} !important`)
    .join(';');
}

export interface SkipLink {
  host: HTMLElement;
  link: HTMLAnchorElement;
  remove(): void;
}

/** The language of Lectern's own words on the page (the browser's UI language), not the page's. */
export interface LabelLocale {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The same styles, mirrored for a right-to-left label: the link sits in the top right corner. */
function mirrored(styles: Styles, dir: LabelLocale['dir']): Styles {
  if (dir === 'ltr') return styles;
  const swap: Record<string, string> = { left: 'right', right: 'left' };
  return Object.fromEntries(
    Object.entries(styles).map(([name, value]) => [swap[name] ?? name, name === 'text-align' ? 'right' : value]),
  );
}

/**
 * Puts the link first in the body. `onActivate` runs on Enter or click; it
 * reads the current article at that moment, so the link stays right after
 * a single-page site swaps its content.
 */
export function createSkipLink(doc: Document, label: string, onActivate: () => void, locale: LabelLocale = { lang: 'en', dir: 'ltr' }): SkipLink {
  const host = doc.createElement(HOST_TAG);
  applyStyles(host, mirrored(HOST_STYLES, locale.dir));
  // A skip link in a shadow root is invisible to axe's skip-link exemption
  // (it compares document positions across trees), so without a landmark
  // around it axe reports "content outside landmarks" (region) on every
  // page. A small, named navigation landmark also lets a screen-reader user
  // find the link by landmark.
  host.setAttribute('role', 'navigation');
  host.setAttribute('aria-label', LANDMARK_LABEL);
  // delegatesFocus: if the host needs a tabindex to come first, Tab still
  // lands on the link inside, not on the host.
  const root = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const link = doc.createElement('a');
  // A real href keeps it a link for assistive technology and for Tab. It is
  // an in-page fragment (never followed: the click handler moves focus),
  // and article-access points it at the target's id. Never a bare "#":
  // tools such as axe take a bare "#" for the page's first real link, and
  // then no longer recognise the site's own skip links after it.
  link.href = `#${OWN_TARGET_ID}`;
  link.textContent = label;
  // Set on the link, not the host: the host sits in the page, whose own lang and dir must not change.
  link.lang = locale.lang;
  link.dir = locale.dir;
  const shown = mirrored(SHOWN_LINK, locale.dir);
  applyStyles(link, HIDDEN_LINK);
  link.addEventListener('focus', () => applyStyles(link, shown));
  link.addEventListener('blur', () => applyStyles(link, HIDDEN_LINK));
  link.addEventListener('click', (event) => {
    // Never change the URL: single-page sites route on the hash.
    event.preventDefault();
    event.stopPropagation();
    onActivate();
  });
  root.append(link);
  const body = doc.body as HTMLElement;
  body.insertBefore(host, body.firstChild);
  return {
    host,
    link,
    remove: () => host.remove(),
  };
}
