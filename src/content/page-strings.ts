/**
 * The few words Lectern's scripts put into web pages (the skip link's
 * label, the reader frame's names), in the browser's UI language, from the
 * same _locales files that i18n.getMessage reads. Not through getMessage:
 * its first call in a page loads the extension's whole message catalogue,
 * 4 to 7 ms on every page in the benchmark (the most costly single call
 * the always-on script made), for one message. getUILanguage costs
 * nothing.
 */
import { isRightToLeft } from '../core/rtl-languages';

interface Message {
  message: string;
}

/** Each locale's message, by the locale's folder name, lower-cased ("pt_br"). */
function byLocale(files: Record<string, Message>): Map<string, string> {
  return new Map(Object.entries(files).map(([path, entry]) => [(path.split('/').at(-2) ?? '').toLowerCase(), entry.message]));
}

// One glob per message, each marked pure: a bundle keeps only the messages it uses (the always-on script, the
// skip link's label; the reader's injected script, its frame's names).
const SKIP_TO_ARTICLE = /* @__PURE__ */ byLocale(import.meta.glob<Message>('../../_locales/*/messages.json', { eager: true, import: 'skipToArticle' }));
const FRAME_TITLE = /* @__PURE__ */ byLocale(import.meta.glob<Message>('../../_locales/*/messages.json', { eager: true, import: 'readerFrameTitle' }));
const FRAME_CONTENT = /* @__PURE__ */ byLocale(import.meta.glob<Message>('../../_locales/*/messages.json', { eager: true, import: 'readerFrameContent' }));

/** Words to show, with the language and direction they are written in (English's, where the UI's language has no translation). */
export interface PageString {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The locale the browsers pick for a UI language: the same region ("pt-BR": pt_BR), else the language ("de-AT": de), else English. */
export function localeFor(uiLanguage: string, available: Iterable<string>): string {
  const known = new Set(available);
  const tag = uiLanguage.replace(/-/g, '_').toLowerCase();
  return [tag, tag.split('_')[0] ?? ''].find((candidate) => known.has(candidate)) ?? 'en';
}

function pick(messages: Map<string, string>, uiLanguage: string): PageString {
  const locale = localeFor(uiLanguage, messages.keys());
  const [language = 'en', region] = locale.split('_');
  return {
    text: messages.get(locale) ?? messages.get('en') ?? '',
    lang: region ? `${language}-${region.toUpperCase()}` : language,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
  };
}

/** "Skip to article", for the UI language `uiLanguage` (i18n.getUILanguage()). */
export function skipLinkLabel(uiLanguage: string): PageString {
  return pick(SKIP_TO_ARTICLE, uiLanguage);
}

/** The reader's names on the page: its dialog's, and its frame's. */
export function readerFrameNames(uiLanguage: string): { title: PageString; content: PageString } {
  return { title: pick(FRAME_TITLE, uiLanguage), content: pick(FRAME_CONTENT, uiLanguage) };
}
