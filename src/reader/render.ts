/**
 * Builds the reader's article from the extracted data with DOM APIs only;
 * the body is DOMPurify's fragment (sanitizeArticleFragment), never a string
 * parsed into the page.
 */
import type { ExtractedArticle } from '../core/extract';
import { sanitizeArticleFragment } from '../core/extract/sanitize';
import { dateAttribute, formatDate } from './format-date';
import { t } from './i18n';
import { tidyBody } from './tidy';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

/** The reader's own language: its locale (for dates) and its text direction. */
export interface UiLocale {
  locale: string | undefined;
  dir: 'ltr' | 'rtl';
}

/** First-strong isolate: a name keeps its own direction inside a sentence of the other (an English author in an Arabic byline). */
const isolate = (text: string): string => `\u2068${text}\u2069`;

export function renderArticle(article: ExtractedArticle, url: string, ui: UiLocale): HTMLElement {
  const { locale } = ui;
  const lang = article.lang ?? '';
  const root = el('article', { className: 'article', lang, dir: article.dir });
  root.setAttribute('aria-labelledby', 'reader-title');

  const header = el('header', { className: 'article-header' });
  if (article.siteName) header.append(el('p', { className: 'site' }, article.siteName));
  const title = el('h1', { id: 'reader-title', tabIndex: -1 }, article.title || url);
  header.append(title);
  if (article.standfirst) header.append(el('p', { className: 'standfirst' }, article.standfirst));

  // The meta line is in the reader's language and direction (it is
  // Lectern's text, in an article that may run the other way), its values
  // in the article's: an English reader of an Arabic story reads "By …,
  // date, reading time" from the left. reader.css aligns it with the story.
  const own = { lang: locale ?? '', dir: ui.dir };
  const meta = el('p', { className: 'meta', ...own });
  const parts: HTMLElement[] = [];
  if (article.byline) parts.push(el('span', { className: 'byline', ...own }, t('readerByline', isolate(article.byline))));
  if (article.published) {
    const shown = formatDate(article.published, locale);
    if (shown) {
      const time = el('time', { dateTime: dateAttribute(article.published) ?? article.published, ...own }, shown);
      parts.push(time);
    }
  }
  parts.push(el('span', { className: 'reading-time', ...own }, t('readerReadingTime', String(Math.max(1, article.readingMinutes)))));
  parts.forEach((part, i) => {
    if (i > 0) meta.append(el('span', { className: 'sep', ariaHidden: 'true' }, ' · '));
    meta.append(part);
  });
  header.append(meta);
  // Lectern's words, in the reader's language: a teaser behind a paywall would otherwise read as a whole short story.
  if (article.forSubscribers) header.append(el('p', { className: 'for-subscribers', ...own }, t('readerForSubscribers')));
  root.append(header);

  const body = el('div', { className: 'article-body' });
  body.append(sanitizeArticleFragment(article.contentHtml, url, window, { linkTarget: '_top' }));
  tidyBody(body, article.title, (n) => (n === null ? t('readerVideoLink') : t('readerVideoLinkNumbered', String(n))));
  root.append(body);
  return root;
}

export function renderNoArticle(onBack: () => void): HTMLElement {
  const box = el('section', { className: 'no-article' });
  box.setAttribute('aria-labelledby', 'reader-title');
  const button = el('button', { type: 'button', className: 'back' }, t('readerBack'));
  button.addEventListener('click', onBack);
  box.append(el('h1', { id: 'reader-title', tabIndex: -1 }, t('readerNoArticle')), el('p', {}, t('readerNoArticleHelp')), button);
  return box;
}
