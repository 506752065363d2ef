/** The reader's strings, from _locales; the English text is the fallback outside the extension (never shown in practice). */
import browser from 'webextension-polyfill';

const FALLBACK = {
  readerFrameTitle: 'Lectern reader',
  readerClose: 'Close reader',
  readerSettings: 'Reading settings',
  readerTheme: 'Theme',
  readerThemeSystem: 'Follow the system',
  readerThemeLight: 'Light',
  readerThemeSepia: 'Sepia',
  readerThemeDark: 'Dark',
  readerThemeContrast: 'High contrast',
  readerFont: 'Font',
  readerFontSerif: 'Serif',
  readerFontSans: 'Sans-serif',
  readerFontAtkinson: 'Atkinson Hyperlegible',
  readerFontOpenDyslexic: 'OpenDyslexic',
  readerFontSize: 'Text size',
  readerLineHeight: 'Line height',
  readerContentWidth: 'Line length',
  readerLetterSpacing: 'Letter spacing',
  readerWordSpacing: 'Word spacing',
  readerParagraphSpacing: 'Paragraph spacing',
  readerShowImages: 'Show images',
  readerMoreSettings: 'Spacing',
  readerReadingTime: '$1 min read',
  readerNoArticle: 'No article found on this page',
  readerNoArticleHelp: 'Lectern could not find an article to show here. The page is still there, just as you left it.',
  readerBack: 'Back to the page',
  readerLoading: 'Opening the article…',
  readerByline: 'By $1',
} as const;

export type ReaderString = keyof typeof FALLBACK;

export function t(key: ReaderString, ...subs: string[]): string {
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // Outside the extension: use the fallback below.
  }
  if (text) return text;
  return subs.reduce<string>((acc, sub, i) => acc.replace(`$${i + 1}`, sub), FALLBACK[key]);
}
