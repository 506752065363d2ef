import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFor, readerFrameNames, skipLinkLabel } from '../../../src/content/page-strings';

const LOCALES_DIR = '_locales';
const locales = readdirSync(LOCALES_DIR);
const message = (locale: string, key: string): string =>
  (JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>)[key]!.message;

describe('page strings', () => {
  it("are each locale's own messages, for every locale in _locales", () => {
    expect(locales.length).toBeGreaterThan(1);
    for (const locale of locales) {
      const ui = locale.replace('_', '-');
      expect(skipLinkLabel(ui).text, locale).toBe(message(locale, 'skipToArticle'));
      const names = readerFrameNames(ui);
      expect([names.title.text, names.content.text], locale).toEqual([message(locale, 'readerFrameTitle'), message(locale, 'readerFrameContent')]);
    }
  });

  it('pick the locale as the browsers do: the same region, else the language, else English', () => {
    const available = ['en', 'de', 'pt_br', 'ar'];
    expect(localeFor('pt-BR', available)).toBe('pt_br');
    expect(localeFor('de-AT', available)).toBe('de');
    expect(localeFor('DE', available)).toBe('de');
    expect(localeFor('pt', available)).toBe('en');
    expect(localeFor('ja', available)).toBe('en');
    expect(localeFor('', available)).toBe('en');
  });

  it('say the language and direction they are written in, which is English where the UI language has no translation', () => {
    expect(skipLinkLabel('pt-BR')).toMatchObject({ lang: 'pt-BR', dir: 'ltr' });
    expect(skipLinkLabel('fr-CA')).toMatchObject({ text: message('fr', 'skipToArticle'), lang: 'fr', dir: 'ltr' });
    expect(skipLinkLabel('ar')).toMatchObject({ text: message('ar', 'skipToArticle'), lang: 'ar', dir: 'rtl' });
    // Hebrew has no translation: the English label, said and laid out as English.
    expect(skipLinkLabel('he')).toEqual({ text: 'Skip to article', lang: 'en', dir: 'ltr' });
  });
});
