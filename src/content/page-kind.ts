/**
 * Whether a document is one the always-on script works in: the top window's
 * HTML page with a body. XML, SVG, framesets, about:blank and body-less
 * documents are left alone. Shared by main.ts and, in Chrome, its loader,
 * which does not load the script where it would do nothing.
 */
export function isArticleCandidatePage(win: Window): boolean {
  const doc = win.document;
  return (
    win.top === win &&
    doc.contentType === 'text/html' &&
    doc.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml' &&
    doc.body?.tagName === 'BODY'
  );
}
