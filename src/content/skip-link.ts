/**
 * Lectern's "Skip to article" link: the first thing Tab reaches, invisible
 * until focused, then large and on top of everything. It lives in a shadow
 * root and is styled only through the CSSOM (element.style), because a page
 * served with a strict style-src CSP blocks <style> elements but not that,
 * and the page's stylesheets cannot reach into the shadow root.
 */

const HOST_TAG = 'lectern-skip-link';

/** Declarations applied with !important so no page rule can win. */
type Styles = Record<string, string>;

const HOST_STYLES: Styles = {
  all: 'initial',
  position: 'fixed',
  top: '0',
  left: '0',
  'z-index': '2147483647',
  display: 'block',
  width: '0',
  height: '0',
  overflow: 'visible',
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

/**
 * Puts the link first in the body. `onActivate` runs on Enter or click; it
 * reads the current article at that moment, so the link stays right after
 * a single-page site swaps its content.
 */
export function createSkipLink(doc: Document, label: string, onActivate: () => void): SkipLink {
  const host = doc.createElement(HOST_TAG);
  applyStyles(host, HOST_STYLES);
  // delegatesFocus: if the host needs a tabindex to come first, Tab still
  // lands on the link inside, not on the host.
  const root = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const link = doc.createElement('a');
  // A real href keeps it a link for assistive technology and for Tab.
  link.href = '#';
  link.textContent = label;
  applyStyles(link, HIDDEN_LINK);
  link.addEventListener('focus', () => applyStyles(link, SHOWN_LINK));
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
