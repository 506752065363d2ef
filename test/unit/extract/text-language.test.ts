import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { languageOfText, undeclaredLanguage } from '../../../src/core/extract/text-language';
import { load, page, paragraphs } from './helpers';

const GERMAN =
  'Die Stadt hat am Dienstag die alte Brücke wieder für den Verkehr geöffnet. Die Arbeiten an der Brücke haben achtzehn Monate gedauert, ' +
  'und sie sind früher fertig geworden, als die Stadt es versprochen hatte. Die Pendler sagen, dass sie jetzt jeden Tag eine halbe Stunde sparen. ' +
  'Der Bürgermeister hat sich bei den Arbeitern bedankt, und am Wochenende gibt es auf der Brücke ein Fest mit Musik für die ganze Stadt.';

describe('languageOfText', () => {
  it('picks, of the languages a page declares, the one its text is written in', () => {
    expect(languageOfText(['en', 'de'], GERMAN)).toBe('de');
    expect(languageOfText(['de-DE', 'en-US'], paragraphs())).toBe('en-US');
  });

  it('says nothing where the declarations agree, a language has no word list, or the text is too short to tell', () => {
    expect(languageOfText(['en-GB', 'en'], GERMAN)).toBeNull();
    expect(languageOfText(['en', 'ja'], GERMAN)).toBeNull();
    expect(languageOfText(['en', 'de'], 'Die Brücke')).toBeNull();
  });

  it("gives the article the language of its text where the page's root says another", () => {
    const html = page(`<article><h1>Brücke wieder offen</h1>${GERMAN.split('. ').map((s) => `<p>${s}. ${s}.</p>`).join('')}</article>`, '<meta http-equiv="content-language" content="de">');
    expect(extractArticle(load(html))?.lang).toBe('de');
  });
});

describe('undeclaredLanguage', () => {
  it('names the language of a text whose page declares none, only where its common words say it clearly', () => {
    expect(undeclaredLanguage(paragraphs())).toBe('en');
    expect(undeclaredLanguage(GERMAN)).toBe('de');
    // Indonesian shares "di" with Italian, in too few of its words to pass for it; a short line tells nothing.
    const indonesian = 'Pemerintah kota membuka kembali jembatan tua di pusat kota pada hari Selasa setelah perbaikan selama delapan belas bulan di atas sungai. ' +
      'Para pekerja mengganti dek baja dan memperbaiki tiang batu di kedua sisi jembatan, kata wali kota di depan warga yang datang.';
    expect(undeclaredLanguage(indonesian.repeat(3))).toBeNull();
    expect(undeclaredLanguage('The bridge is open.')).toBeNull();
  });

  it("gives an article whose page declares no language the one its text is written in", () => {
    const html = page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, '', '');
    expect(extractArticle(load(html))?.lang).toBe('en');
  });
});
