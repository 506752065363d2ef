/**
 * The last gate before article HTML is rendered: DOMPurify with an
 * allowlist made for reading. Everything the page wrote is untrusted, even
 * after extraction: Readability does not sanitize, and our own cleaning only
 * removes clutter.
 *
 * Kept: the structure of a story (paragraphs, headings, lists, quotes,
 * tables, code, figures with captions, pictures). Dropped: scripts, event
 * handlers, styles (attributes and sheets, so no CSS url() requests), forms
 * and their controls, frames, object/embed, base/meta/link, SVG and MathML,
 * templates, data-* and ARIA attributes (the reader sets its own semantics),
 * and every URL that is not http(s), mailto:, tel: or an in-page anchor,
 * except data:image/* for pictures.
 *
 * Landmark elements (main, nav, aside, header, footer) are unwrapped: the
 * reader provides the page's landmarks, and a story must not add more. So
 * is <article>: the reader's article is the one, and a site's own inside it
 * would be a second, nameless one in a screen reader's list.
 */

import DOMPurify, { type Config, type WindowLike } from 'dompurify';

const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code',
  'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre',
  'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

const ALLOWED_ATTR = [
  'href', 'src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'headers',
  'scope', 'abbr', 'datetime', 'cite', 'lang', 'dir', 'start', 'reversed', 'type', 'value', 'open', 'id',
  'media',
];

/**
 * Elements dropped with everything inside them (the rest keep their text).
 * Not <output>: sites use it as a picture's box, and its contents are
 * sanitized like any others.
 */
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset', 'object',
  'embed', 'applet', 'svg', 'math', 'select', 'textarea', 'button', 'option', 'optgroup', 'datalist',
  'head', 'title', 'xmp', 'plaintext', 'canvas', 'audio', 'video', 'dialog', 'portal', 'fencedframe', 'meta',
  'link', 'base', 'input', 'map', 'area', 'param', 'track', 'annotation-xml', 'foreignobject',
  'desc', 'mi', 'mn', 'mo', 'ms', 'mtext',
];

/**
 * DOMPurify tests every attribute value that may hold a URL against this:
 * the allowed schemes, or a value with no scheme at all (plain text, a
 * number, an anchor). URL attributes are also resolved and checked by our
 * hook below, before this test.
 */
const SAFE_URL = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;
const URL_ATTRS = new Set(['href', 'src', 'cite']);

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_CONTENTS,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  ALLOWED_URI_REGEXP: SAFE_URL,
  // Page ids must not clobber the reader's own DOM names: they become "user-content-<id>".
  SANITIZE_NAMED_PROPS: true,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
  FORCE_BODY: true,
  USE_PROFILES: false,
};

export interface SanitizeOptions {
  /** Target for links; none by default (the reader decides how links open). */
  linkTarget?: '_blank' | '_top' | '_parent';
}

/** An absolute, allowed URL for `value`, or null. */
function safeUrl(value: string, baseUrl: string, allowDataImage: boolean): string | null {
  const v = value.trim();
  if (!v) return null;
  if (v.startsWith('#')) return v;
  if (/^data:/i.test(v)) return allowDataImage && SAFE_DATA_IMAGE.test(v) ? v : null;
  let url: URL;
  try {
    url = new URL(v, baseUrl);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'mailto:', 'tel:'].includes(url.protocol)) return null;
  return url.href;
}

function safeSrcset(value: string, baseUrl: string): string | null {
  const out: string[] = [];
  // Candidates are "url [descriptor]" separated by commas followed by space.
  for (const part of value.split(/,\s+/)) {
    const [url, ...descriptor] = part.trim().split(/\s+/);
    if (!url) continue;
    const safe = safeUrl(url, baseUrl, false);
    if (!safe || /[\s,]/.test(safe)) continue;
    const d = descriptor.join(' ');
    if (d && !/^\d+(?:\.\d+)?[wx]$/.test(d)) continue;
    out.push(d ? `${safe} ${d}` : safe);
  }
  return out.length ? out.join(', ') : null;
}

function purifier(win: WindowLike | undefined, baseUrl: string, options: SanitizeOptions): ReturnType<typeof DOMPurify> {
  // A fresh instance per call: hooks close over this call's base URL and
  // never leak into other users of DOMPurify in the same window.
  const purify = win ? DOMPurify(win) : DOMPurify(globalThis as unknown as WindowLike);
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const name = data.attrName;
    if (URL_ATTRS.has(name)) {
      const safe = safeUrl(data.attrValue, baseUrl, name === 'src' && node.nodeName === 'IMG');
      if (safe === null) data.keepAttr = false;
      else data.attrValue = safe;
      // DOMPurify lets data: URIs through on <img src> by itself; ours are checked above.
      if (safe && name === 'src' && safe.startsWith('data:')) data.forceKeepAttr = true;
    } else if (name === 'srcset') {
      const safe = safeSrcset(data.attrValue, baseUrl);
      if (safe === null) data.keepAttr = false;
      else data.attrValue = safe;
    } else if (name === 'type' && node.nodeName !== 'OL' && node.nodeName !== 'SOURCE') {
      data.keepAttr = false;
    } else if (name === 'value' && node.nodeName !== 'LI' && node.nodeName !== 'DATA') {
      data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    const headers = el.getAttribute('headers');
    // A data cell names its header cells by id, and ids were prefixed by SANITIZE_NAMED_PROPS.
    if (headers) el.setAttribute('headers', headers.split(/\s+/).filter(Boolean).map((id) => `user-content-${id}`).join(' '));
    if (el.nodeName === 'A') {
      const href = el.getAttribute('href');
      if (href?.startsWith('#')) {
        // Ids were prefixed by SANITIZE_NAMED_PROPS; keep in-page links working.
        el.setAttribute('href', href.length > 1 ? `#user-content-${href.slice(1)}` : '#');
      } else if (href) {
        el.setAttribute('rel', 'noopener noreferrer');
        if (options.linkTarget) el.setAttribute('target', options.linkTarget);
      }
    } else if (el.nodeName === 'IMG') {
      // Pictures load lazily, tell the host nothing about the reader, and
      // always have an alt attribute (empty when the page gave none: the
      // caption describes the picture).
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
      if (!el.getAttribute('src') && !el.getAttribute('srcset')) el.remove();
    } else if (el.nodeName === 'SOURCE' && el.parentNode?.nodeName !== 'PICTURE') {
      el.remove();
    }
  });
  return purify;
}

/**
 * Sanitizes article HTML for rendering. `baseUrl` is the article's URL:
 * relative links and pictures are resolved against it. `win` is the window
 * whose DOM does the parsing (the reader page's, or jsdom's in tests); it
 * defaults to the global one.
 */
export function sanitizeArticleHtml(html: string, baseUrl: string, win?: WindowLike, options: SanitizeOptions = {}): string {
  return purifier(win, baseUrl, options).sanitize(html, CONFIG);
}

/**
 * Like sanitizeArticleHtml, but returns nodes ready to insert, which avoids
 * serializing and parsing the markup again (a classic source of mutation XSS).
 */
export function sanitizeArticleFragment(html: string, baseUrl: string, win?: WindowLike, options: SanitizeOptions = {}): DocumentFragment {
  return purifier(win, baseUrl, options).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
