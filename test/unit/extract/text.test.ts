import { describe, expect, it } from 'vitest';
import { jsonLdBlocks, readClaimants, readJsonLd, readJsonLdPageAuthor } from '../../../src/core/extract/jsonld';
import { agreeingWithPrinted, chooseSiteName, cleanByline, detectDir, normalizeLang, publisherName, toIsoDate, withPageZone, withoutTrailingSiteName } from '../../../src/core/extract/metadata';
import { pickFromSrcset } from '../../../src/core/extract/prepare';
import { findPrintedDate } from '../../../src/core/extract/printed-date';
import { formatDate } from '../../../src/reader/format-date';
import { blockText, countWords, readingMinutes } from '../../../src/core/extract/text';
import { load } from './helpers';

describe('blockText', () => {
  it('puts blocks on their own lines and collapses spaces inside them', () => {
    const doc = load('<div><h2>Title</h2><p>One   <b>bold</b>\n word.</p><ul><li>a</li><li>b<br>c</li></ul><figure><img alt="x"><figcaption>Cap</figcaption></figure><script>no()</script></div>');
    expect(blockText(doc.body)).toBe('Title\nOne bold word.\na\nb\nc\nCap');
  });
});

describe('countWords and readingMinutes', () => {
  it('counts words in spaced scripts and characters pairs in CJK', () => {
    expect(countWords("It's a well-known fact, isn't it?")).toBe(6);
    expect(countWords('日本語の文章です')).toBe(4);
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(2300)).toBe(10);
  });
});

describe('metadata helpers', () => {
  it("reads a date and time with no zone in the zone of the page's own <time> of the same moment", () => {
    const doc = load('<p>Posted <time datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time></p><time datetime="2019-11-20T10:00:00+01:00">later</time>');
    expect(withPageZone('2019-11-19 02:24:00', doc)).toBe('2019-11-19 02:24:00 UTC');
    // Another moment, a date alone, or one with its zone: as given.
    expect(withPageZone('2019-11-19 08:00:00', doc)).toBe('2019-11-19 08:00:00');
    expect(withPageZone('2019-11-19', doc)).toBe('2019-11-19');
    expect(withPageZone('2019-11-19T02:24:00-05:00', doc)).toBe('2019-11-19T02:24:00-05:00');
  });

  it('takes the day the page prints under its headline where the data is one day off from it, and only then', () => {
    // An offset the site got wrong: 04:31 in its evening zone, printed as 10:31 pm the day before.
    expect(formatDate(agreeingWithPrinted('2019-11-20T04:31:13.000-06:00', 'Nov 19, 2019')!, 'en-US')).toBe('November 19, 2019');
    expect(formatDate(agreeingWithPrinted('2019-11-18T23:04:00.000-05:00', 'Nov 19, 2019')!, 'en-US')).toBe('November 19, 2019');
    // The same day, days apart (an update's date), or nothing printed: the data stands.
    for (const printed of ['Nov 20, 2019', 'Nov 23, 2019', null]) {
      expect(agreeingWithPrinted('2019-11-20T04:31:13.000-06:00', printed), String(printed)).toBe('2019-11-20T04:31:13.000-06:00');
    }
    expect(agreeingWithPrinted(null, 'Nov 19, 2019')).toBeNull();
  });

  it('normalises dates, languages and bylines', () => {
    expect(toIsoDate('2019-11-20 13:42:06+08:00')).toBe('2019-11-20T13:42:06.000+08:00');
    expect(toIsoDate('2019-11-20T06:35:39+0000')).toBe('2019-11-20T06:35:39.000Z');
    expect(toIsoDate('Mon, 18 Nov 2019 16:07:38 -0600')).toBe('2019-11-18T16:07:38.000-06:00');
    // The same moment either way: the offset only keeps the site's own day.
    expect(Date.parse(toIsoDate('2019-11-18T23:04:24-05:00')!)).toBe(Date.parse('2019-11-19T04:04:24Z'));
    expect(toIsoDate('2019-11-19 02:24:00 UTC')).toBe('2019-11-19T02:24:00.000Z');
    expect(toIsoDate('0001-01-01T00:00:00Z')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
    expect(normalizeLang('en_us')).toBe('en-US');
    expect(normalizeLang('not a language')).toBeNull();
    expect(cleanByline('By TOM KRISHER, AP Auto Writer')).toBe('TOM KRISHER, AP Auto Writer');
    expect(cleanByline('https://example.com/staff/jane')).toBeNull();
    // A label before the name, with its colon; a name that only starts like one stays whole.
    expect(cleanByline('Текст: Венера Ерофеева')).toBe('Венера Ерофеева');
    expect(cleanByline('Text: Anna Berg')).toBe('Anna Berg');
    expect(cleanByline('Story Musgrave')).toBe('Story Musgrave');
    expect(cleanByline('Detroit News wire services Published 11:11 PM EST Nov 19, 2019')).toBe('Detroit News wire services');
    expect(cleanByline('Von Marie Lenz, publié le 3 mars 2024')).toBe('Marie Lenz');
    // A date and time that close the line, with no word before them.
    expect(cleanByline('Associated Press November 19, 2019, 9:02 AM')).toBe('Associated Press');
    expect(cleanByline('Ann Lee 12 March 2024')).toBe('Ann Lee');
    // A date inside the line is part of what it says.
    expect(cleanByline('Ann Lee, reporting since May 3, 2019 from Kyiv')).toBe('Ann Lee, reporting since May 3, 2019 from Kyiv');
    // Without a date after it, the word is part of the name ("Published Reports Desk").
    expect(cleanByline('Ann Lee, Published Works Editor')).toBe('Ann Lee, Published Works Editor');
  });

  it('finds the direction from dir, then language, then the letters', () => {
    expect(detectDir('RTL', 'en', '')).toBe('rtl');
    expect(detectDir(null, 'he-IL', '')).toBe('rtl');
    expect(detectDir(null, 'fr', 'שלום')).toBe('ltr');
    expect(detectDir(null, null, 'مرحبا بالعالم hello')).toBe('rtl');
  });

  it('picks the largest srcset candidate', () => {
    expect(pickFromSrcset('a.jpg 320w, b.jpg 1024w, c.jpg 640w')).toBe('b.jpg');
    expect(pickFromSrcset('data:image/gif;base64,AAAA 1x, real.jpg 2x')).toBe('real.jpg');
  });
});

describe('readJsonLd', () => {
  it('finds the article in @graph, arrays and mainEntity, and decodes entities', () => {
    const doc = load(`<head>
      <script type="application/ld+json">{"@type":"Organization","name":"Org"}</script>
      <script type="application/ld+json">[{"@type":"WebPage","mainEntity":{"@type":["NewsArticle"],"headline":"Rock &amp; roll","author":"https://example.com/a","creator":{"name":"Jo Ng"},"dateCreated":"2020-01-01","publisher":"Paper","articleBody":"Line one.\\n\\nLine two.","inLanguage":{"@value":"de"}}}]</script>
    </head><body></body>`);
    expect(readJsonLd(jsonLdBlocks(doc))).toEqual({
      headline: 'Rock & roll',
      author: 'Jo Ng',
      datePublished: '2020-01-01',
      publisher: 'Paper',
      description: null,
      articleBody: 'Line one.\n\nLine two.',
      inLanguage: 'de',
      accessibleForFree: null,
    });
  });

  it('follows an author or publisher given by @id alone to the node of the @graph that names it', () => {
    const doc = load(`<head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"Organization","@id":"https://example.com/#org","name":"The Paper"},
      {"@type":"Article","headline":"H","author":[{"@id":"https://example.com/#/person/1"},{"@id":"https://example.com/#/person/unknown"}],"publisher":{"@id":"https://example.com/#org"}},
      {"@type":["Person"],"@id":"https://example.com/#/person/1","name":"Tony Carter"}]}</script></head><body></body>`);
    const data = readJsonLd(jsonLdBlocks(doc));
    expect(data?.author).toBe('Tony Carter');
    expect(data?.publisher).toBe('The Paper');
    // Described in another block of the page.
    const apart = load(`<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@id":"https://example.com/"},"author":{"@id":"https://example.com/#a"}}</script>
      <script type="application/ld+json">[{"@id":"https://example.com/","@type":"Organization","name":"River Post"},{"@id":"https://example.com/#a","@type":"Person","name":"Elsewhere"}]</script></head><body></body>`);
    expect(readJsonLd(jsonLdBlocks(apart))).toMatchObject({ publisher: 'River Post', author: 'Elsewhere' });
  });

  it("names who made the claims the page's fact-checks review", () => {
    const doc = load(`<head><script type="application/ld+json">{"@type":"ClaimReview","author":{"@type":"Organization","name":"Check Desk"},
      "itemReviewed":{"@type":"CreativeWork","author":{"@type":"Person","name":"The harbour board"}},"reviewRating":{"alternateName":"False"}}</script></head><body></body>`);
    expect(readClaimants(jsonLdBlocks(doc))).toEqual(['The harbour board']);
    expect(readClaimants(jsonLdBlocks(load('<body></body>')))).toEqual([]);
  });

  it("gives the page's own author where the data describes a WebPage and no article", () => {
    const doc = load(`<head><script type="application/ld+json">{"@graph":[
      {"@type":"WebSite","@id":"https://example.com/#website","name":"MoreBikes"},
      {"@type":"WebPage","@id":"https://example.com/p/#webpage","author":{"@id":"https://example.com/#/person/14"}},
      {"@type":["Person"],"@id":"https://example.com/#/person/14","name":"Tony Carter"}]}</script></head><body></body>`);
    expect(readJsonLd(jsonLdBlocks(doc))).toBeNull();
    expect(readJsonLdPageAuthor(jsonLdBlocks(doc))).toBe('Tony Carter');
    expect(readJsonLdPageAuthor(jsonLdBlocks(load('<head><script type="application/ld+json">{"@type":"WebSite","author":"Jo Ng"}</script></head><body></body>')))).toBeNull();
  });

  it('reads a description whose strings hold raw line breaks, which JSON forbids', () => {
    const doc = load(`<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Two\nlines","author":{"@type":"Person","name":"Nishant\tKumar"}}</script></head><body></body>`);
    expect(readJsonLd(jsonLdBlocks(doc))).toMatchObject({ headline: 'Two lines', author: 'Nishant Kumar' });
    const body = load(`<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"First paragraph.\n\nSecond paragraph."}</script></head><body></body>`);
    expect(readJsonLd(jsonLdBlocks(body))?.articleBody).toBe('First paragraph.\n\nSecond paragraph.');
  });
});

describe('publisherName', () => {
  it("is the data's publisher, unless that is the blogging platform's default", () => {
    expect(publisherName('The River Post')).toBe('The River Post');
    expect(publisherName('Blogger')).toBeNull();
    expect(publisherName(' WordPress.com ')).toBeNull();
    expect(publisherName('Medium Rare Magazine')).toBe('Medium Rare Magazine');
  });
});

describe('chooseSiteName', () => {
  it("is the name the page's title ends with, or the address confirms, over a wire service, a section or a tagline", () => {
    // The wire service that wrote the story is not the site.
    expect(chooseSiteName(['Associated Press', 'Connecticut Post'], 'New SUVs highlight L.A. Auto Show - Connecticut Post', 'www.ctpost.com')).toBe('Connecticut Post');
    // A section's name, and no candidate the title names: the title's end, which the address confirms.
    expect(chooseSiteName(['U.S.'], 'Oversupply angst drags oil lower | Reuters', 'www.reuters.com')).toBe('Reuters');
    // A tagline after the name.
    expect(chooseSiteName(["LinkNaija | Nigeria's popular news platform"], 'Actress speaks out', 'www.linknaija.com')).toBe('LinkNaija');
    // Spellings of one name: the fuller one; initials are the name too.
    expect(chooseSiteName(['The Detroit News', 'detroitnews'], 'Eastern Michigan routs Northern Illinois', 'www.detroitnews.com')).toBe('The Detroit News');
    expect(chooseSiteName(['Wall Street Journal'], 'Google Stadia takes on Microsoft - WSJ', 'www.wsj.com')).toBe('Wall Street Journal');
    expect(chooseSiteName(['cleveland'], 'Dolly Parton at the Browns game - cleveland.com', 'www.cleveland.com')).toBe('cleveland.com');
    // The title's end is the site's initials, never the other way round.
    expect(chooseSiteName(['NPR'], 'Iowa caucuses - New Poll Results', 'www.npr.org')).toBe('NPR');
    // Nothing confirms any: the first, as the data gives it; a headline's own end is not a name.
    expect(chooseSiteName(['River Post', 'RP'], 'Bridge reopens: what the repairs cost and who paid for them in the end', 'news.example.com')).toBe('River Post');
    expect(chooseSiteName([null, undefined], 'Bridge reopens', '')).toBeNull();
  });

  it("is the title's end where the address is its short form, with no candidate at all", () => {
    // The first word and more; the first words' initials and the last word; "www." written in the title.
    expect(chooseSiteName([null], 'Royal Self-Indicting Arrogance - Sputnik International', 'sputniknews.com')).toBe('Sputnik International');
    expect(chooseSiteName([], 'Trade War Keeps World Guessing - The New York Times', 'www.nytimes.com')).toBe('The New York Times');
    expect(chooseSiteName([], 'Fires spread north - Los Angeles Times', 'www.latimes.com')).toBe('Los Angeles Times');
    expect(chooseSiteName([], 'Food bloggers to follow — www.wday.ru', 'www.wday.ru')).toBe('www.wday.ru');
    // A headline's own end whose short first word starts the address names no site.
    expect(chooseSiteName([], 'Markets fall again - New Yorkers react', 'www.nytimes.com')).toBeNull();
  });
});

describe('withoutTrailingSiteName', () => {
  it("takes the site's name off the end of a byline on that site's page, and nothing else", () => {
    expect(withoutTrailingSiteName('Finian Cunningham. Sputnik International', 'Sputnik International')).toBe('Finian Cunningham');
    expect(withoutTrailingSiteName('Jane Doe | The Detroit News', 'Detroit News')).toBe('Jane Doe');
    expect(withoutTrailingSiteName('Troy L. Smith, Cleveland.com', 'cleveland.com')).toBe('Troy L. Smith');
    // Another name (the wire service that wrote it), or no site name known: as written.
    expect(withoutTrailingSiteName('Jane Doe, Associated Press', 'Connecticut Post')).toBe('Jane Doe, Associated Press');
    expect(withoutTrailingSiteName('Finian Cunningham. Sputnik International', null)).toBe('Finian Cunningham. Sputnik International');
  });
});

describe('findPrintedDate', () => {
  const read = (text: string) => findPrintedDate(text)?.parseable ?? null;
  it('reads a date printed in English, German, French, Spanish, Italian, Portuguese or Dutch', () => {
    expect(read('Published 11:11 PM EST Nov. 19, 2019')).toBe('Nov 19, 2019');
    expect(read('Updated Sept 3 2020, 9:00')).toBe('Sep 3, 2020');
    expect(read('12 October 2017')).toBe('Oct 12, 2017');
    expect(read('publiziert am 25. März 2018')).toBe('Mar 25, 2018');
    expect(read('Mis à jour le 1er février 2020')).toBe('Feb 1, 2020');
    expect(read('3 de mayo de 2021')).toBe('May 3, 2021');
    expect(read('7 settembre 2019')).toBe('Sep 7, 2019');
    expect(read('9 de dezembro de 2022')).toBe('Dec 9, 2022');
    expect(read('14 mei 2016')).toBe('May 14, 2016');
  });
  it('reads a date printed year first in numbers, as East Asian sites print it', () => {
    const printed: [string, string | null][] = [
      ['기사입력 :[ 2018-08-25 15:24 ]', 'Aug 25, 2018'],
      ['2019.11.20 05:47', 'Nov 20, 2019'],
      ['2019/1/5', 'Jan 5, 2019'],
      ['입력 2019년 11월 20일', 'Nov 20, 2019'],
      ['2019年11月20日 14時', 'Nov 20, 2019'],
      // Months and days that cannot be, separators that do not agree, and longer numbers are not dates.
      ['2019-13-01', null],
      ['2019-02-30', null],
      ['2019-11.20', null],
      ['ISBN 12019-11-20', null],
      ['v2019.11.200', null],
      // The first date printed, in whichever form.
      ['Nov 2, 2019, updated 2019-11-03', 'Nov 2, 2019'],
      ['2019-11-03 (Nov 2, 2019 in print)', 'Nov 3, 2019'],
    ];
    for (const [text, date] of printed) expect(read(text), text).toBe(date);
  });
  it('finds the first date and says where it is', () => {
    expect(findPrintedDate('Ann Lee, 2 Jan 2020, updated 3 Jan 2020')).toEqual({ index: 9, length: 10, parseable: 'Jan 2, 2020' });
  });
  it('is null for words that are not months, days that cannot be, and years outside the web', () => {
    expect(read('Top 10 Monday 2020')).toBeNull();
    expect(read('Mon 12, 2020')).toBeNull();
    expect(read('32 March 2020')).toBeNull();
    expect(read('March 12, 1850')).toBeNull();
    expect(read('Room 12 2019')).toBeNull();
    // Another language's abbreviation is a word in English: read only with the day first ("3 out 2019").
    expect(read('Sold out 3, 2019')).toBeNull();
    expect(read('3 out 2019')).toBe('Oct 3, 2019');
    expect(read('5 mrt 2020')).toBe('Mar 5, 2020');
    expect(read('Feb 30, 2019')).toBeNull();
    expect(read('31 Juni 2019')).toBeNull();
  });
});

describe('cleanByline', () => {
  it('keeps only the names of a byline line with a date', () => {
    expect(cleanByline('By Justine Coleman - 11/18/19 11:04 PM EST')).toBe('Justine Coleman');
    expect(cleanByline('by Jane Doe | Updated March 5, 2024')).toBe('Jane Doe');
    expect(cleanByline('Jane Doe - Staff writer')).toBe('Jane Doe - Staff writer');
    expect(cleanByline('admin')).toBeNull();
    expect(cleanByline('By Admin')).toBeNull();
    expect(cleanByline('Adminah Okoro')).toBe('Adminah Okoro');
    expect(cleanByline('Mike Wuerthele and Malcolm Owen Monday, November 18, 2019, 04:05 pm PT (07:05 pm ET)')).toBe('Mike Wuerthele and Malcolm Owen');
    expect(cleanByline('Jane Doe, Montag, 18. November 2019, 10:00')).toBe('Jane Doe');
    // A weekday that is a name.
    expect(cleanByline('By Nora Sunday, November 18, 2019')).toBe('Nora Sunday');
    expect(cleanByline('By Jane Doe and Nora Sunday, November 18, 2019')).toBe('Jane Doe and Nora Sunday');
    expect(cleanByline('Por Ana María Domingo, 3 de mayo de 2021')).toBe('Ana María Domingo');
    expect(cleanByline('Von Anna Schmidt und Thomas Freitag, 18. November 2019')).toBe('Anna Schmidt und Thomas Freitag');
  });
});
