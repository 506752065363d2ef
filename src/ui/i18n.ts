/**
 * Fills a page's static text from _locales. Markup names the message:
 *   <h2 data-i18n="popupThisPage"></h2>
 *   <button data-i18n-aria-label="closeLabel"> (any attribute: data-i18n-<attr>)
 * and the document takes the locale's language and direction, so a
 * right-to-left locale lays out right to left with no other change (the
 * CSS uses logical properties only).
 *
 * Takes getMessage as a parameter so it runs in jsdom without the polyfill.
 */
export type GetMessage = (name: string, substitutions?: string | string[]) => string;

export function localize(root: ParentNode, getMessage: GetMessage): void {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    for (const attr of [...el.attributes]) {
      if (attr.name === 'data-i18n') {
        el.textContent = getMessage(attr.value) || el.textContent;
      } else if (attr.name.startsWith('data-i18n-')) {
        const text = getMessage(attr.value);
        if (text) el.setAttribute(attr.name.slice('data-i18n-'.length), text);
      }
    }
  }
}

/** lang and dir from the locale the browser chose (its @@ predefined messages). */
export function applyLocale(doc: Document, getMessage: GetMessage): void {
  const dir = getMessage('@@bidi_dir');
  doc.documentElement.dir = dir === 'rtl' ? 'rtl' : 'ltr';
  const lang = getMessage('@@ui_locale');
  if (lang) doc.documentElement.lang = lang.replace(/_/g, '-');
}
