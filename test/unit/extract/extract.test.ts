import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { prepareDocument } from '../../../src/core/extract/prepare';
import { readingMinutes } from '../../../src/core/extract/text';
import { formatDate } from '../../../src/reader/format-date';
import { BASE, PROSE, load, page, paragraphs } from './helpers';

function article(html: string, url = BASE) {
  const result = extractArticle(load(html, url));
  expect(result).not.toBeNull();
  return result!;
}

describe('extractArticle: metadata', () => {
  it("takes the title from the page's only h1 where its microdata marks it the headline, over a title written for search engines", () => {
    const html = (itemprop: string) =>
      page(`<article><h1 ${itemprop} class="article__title">Masters of taste: 23 food bloggers to follow</h1>${paragraphs()}</article>`, '<meta property="og:title" content="The most popular food blogs on Instagram: a list">')
        .replace('<title>Bridge reopens after repairs | River Post</title>', '<title>The most popular food blogs on Instagram: a list — www.river.example</title>');
    expect(article(html('itemprop="headline"')).title).toBe('Masters of taste: 23 food bloggers to follow');
    expect(article(html('')).title).not.toBe('Masters of taste: 23 food bloggers to follow');
    // An aggregator's marked h1 that links to another site's story is that story's title, not this page's.
    const teaser = html('itemprop="headline"').replace('Masters of taste: 23 food bloggers to follow', '<a href="https://elsewhere.example/story">Masters of taste: 23 food bloggers to follow</a>');
    expect(article(teaser).title).not.toBe('Masters of taste: 23 food bloggers to follow');
  });

  it("names no author from a code in the page's data that the page never prints (a station's account), and keeps one it does", () => {
    const story = (printed: string) =>
      page(`<article><h1>Bridge reopens</h1>${printed}${paragraphs()}</article><script>var c3 = "KWCHCIK";</script>`, '<meta name="author" content="KWCHCIK">');
    expect(article(story('')).byline).toBeNull();
    expect(article(story('<p class="credit">Reporting: KWCHCIK newsroom</p>')).byline).toBe('KWCHCIK');
    expect(article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, '<meta name="author" content="Josh">')).byline).toBe('Josh');
  });

  it('reads the page for an unprinted code once, however many places name it', () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: { '@type': 'Person', name: 'KWCHCIK' } })}</script>`;
    const doc = load(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, `${ld}<meta name="author" content="KWCHCIK">`));
    const walk = doc.createTreeWalker.bind(doc);
    let walks = 0;
    doc.createTreeWalker = ((...args: Parameters<Document['createTreeWalker']>) => {
      // The page's visible text is read with a filter (visibleTextWalker); other walks (a date line under the headline) have none.
      if (args[0] === doc.body && args[2]) walks++;
      return walk(...args);
    }) as Document['createTreeWalker'];
    expect(extractArticle(doc)?.byline).toBeNull();
    expect(walks).toBe(1);
  });

  it('reads headline, authors, date, publisher and language from JSON-LD', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'River Post website' },
        {
          '@type': 'NewsArticle',
          headline: 'Bridge reopens after eighteen months of repairs',
          author: [
            { '@type': 'Person', name: 'Ana Ruiz' },
            { '@type': 'Person', name: 'Tom Lee' },
          ],
          datePublished: '2024-03-05T10:15:00+01:00',
          publisher: { '@type': 'Organization', name: 'River Post' },
          // Over the root's "en": the same language, said more closely (a Spanish tag over English text would lose to the text).
          inLanguage: 'en_GB',
          description: 'The old river bridge is open again.',
        },
      ],
    };
    const a = article(
      page(
        `<article><h1>Bridge reopens after eighteen months of repairs</h1>${paragraphs()}</article>`,
        `<script type="application/ld+json">${JSON.stringify(ld)}</script><meta name="author" content="Someone Else">`,
      ),
    );
    expect(a.title).toBe('Bridge reopens after eighteen months of repairs');
    expect(a.byline).toBe('Ana Ruiz, Tom Lee');
    expect(a.published).toBe('2024-03-05T10:15:00.000+01:00');
    expect(a.siteName).toBe('River Post');
    expect(a.lang).toBe('en-GB');
    expect(a.dir).toBe('ltr');
    expect(a.excerpt).toBe('The old river bridge is open again.');
    expect(a.wordCount).toBeGreaterThan(200);
    expect(a.readingMinutes).toBe(1);
  });

  it("titles the article with the page's own headline where the data's is another wording of it, and with the data's where the h1 is something else", () => {
    const ld = (headline: string) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline })}</script>`;
    const seen = article(page(`<article><h1>Bridge reopens after eighteen months of work: “At last”</h1>${paragraphs()}</article>`, ld('Old river bridge reopens after eighteen months of repairs')));
    expect(seen.title).toBe('Bridge reopens after eighteen months of work: “At last”');
    const logo = article(page(`<header><h1>River Post</h1></header><article>${paragraphs()}</article>`, ld('Old river bridge reopens after eighteen months of repairs')));
    expect(logo.title).toBe('Old river bridge reopens after eighteen months of repairs');
    // The page's own titles say the h1 again: the h1, whatever the data's says (a page with two headlines in its data).
    const h1 = 'Ferry service to resume on Monday after all';
    const retold = (head: string) => page(`<article><h1>${h1}</h1>${paragraphs()}</article>`, `${ld('Ferry row seems to be over')}${head}`);
    expect(article(retold('').replace(/<title>[^<]*</, `<title>${h1} - River Post<`)).title).toBe(h1);
    expect(article(retold(`<meta property="og:title" content="${h1}">`)).title).toBe(h1);
    expect(article(retold('')).title).toBe('Ferry row seems to be over');
  });

  it("takes the byline printed on the page where the data names the site as the author, and names nobody where only the site is named", () => {
    const ld = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: { '@type': 'Person', name: 'River Post' }, publisher: { '@type': 'Organization', name: 'River Post' } })}</script>`;
    const printed = article(page(`<article><h1>Bridge reopens</h1><p class="byline">By <a href="/staff">Ana Ruiz and Tom Lee</a></p>${paragraphs()}</article>`, ld));
    expect(printed.byline).toBe('Ana Ruiz and Tom Lee');
    expect(printed.siteName).toBe('River Post');
    expect(article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, ld)).byline).toBeNull();
    // Nor is the site an author whose every mention is a byline to drop.
    const closing = article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}<p>The River Post will keep following this.</p></article>`, `${ld}<meta name="author" content="River Post">`));
    expect(closing.textContent).toContain('The River Post will keep following this.');
    // The page prints the data's author among others: all of them; with a role beside the name, the data's name.
    const first = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: { '@type': 'Person', name: 'Stefan Becket' } })}</script>`;
    const printedBy = (line: string) => article(page(`<article><h1>Bridge reopens</h1><p class="byline">${line}</p>${paragraphs()}</article>`, first)).byline;
    expect(printedBy('By Stefan Becket, Kathryn Watson, Grace Segers')).toBe('Stefan Becket, Kathryn Watson, Grace Segers');
    expect(printedBy('By Stefan Becket, Staff Writer')).toBe('Stefan Becket');
    // In a header whose class says it has no promo in it: a header all the same, byline and all.
    const header = (cls: string) =>
      article(page(`<article><header class="${cls}"><h1>Bridge reopens</h1><p class="story__byline">By Stefan Becket, Kathryn Watson</p></header>${paragraphs()}</article>`, first)).byline;
    expect(header('story__header story__header--no-promo')).toBe('Stefan Becket, Kathryn Watson');
    expect(header('story__header story__header--promo')).toBe('Stefan Becket');
    // An author whose initials are the site's is a person.
    const dw = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', author: { '@type': 'Person', name: 'Daniel Winter' }, publisher: { '@type': 'Organization', name: 'DW' } })}</script>`;
    expect(article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, dw)).byline).toBe('Daniel Winter');
  });

  it('reads the date a page prints under its headline where neither its data nor its meta tags give one', () => {
    const printed = article(page(`<article><h1>Bridge reopens</h1><div class="publish-date">Published 11:11 PM EST Nov 19, 2019</div>${paragraphs()}</article>`));
    expect(formatDate(printed.published!, 'en-US')).toBe('November 19, 2019');
    const machine = article(page(`<article><h1>Bridge reopens</h1><p>By Ann Lee, <time datetime="2019-11-13T16:00:01-05:00">Wednesday</time></p>${paragraphs()}</article>`));
    expect(machine.published).toBe('2019-11-13T16:00:01.000-05:00');
    // In the line right above the headline, in the site's language.
    const above = article(page(`<article><p class="about">Von Anna Weber publiziert am 3. Dezember 2018</p><h1>Brücke wieder offen</h1>${paragraphs()}</article>`));
    expect(formatDate(above.published!, 'en-US')).toBe('December 3, 2018');
    // A line above the headline that is the date alone.
    const bare = article(page(`<article><p>November 18, 2019</p><h1>Polls open across the country</h1>${paragraphs()}</article>`));
    expect(formatDate(bare.published!, 'en-US')).toBe('November 18, 2019');
    // A line under the headline, in the byline's block, that is the date alone in a box no class names as one.
    const under = article(page(`<article><h1>Bridge reopens</h1><div class="author-name"><div><span>ANN LEE, RIVER POST</span></div><div><span>18 NOV 2019 </span></div></div>${paragraphs()}</article>`));
    expect(formatDate(under.published!, 'en-US')).toBe('November 18, 2019');
    // A kicker above the headline that names a day is not the story's date.
    const kicker = article(page(`<article><p class="kicker">UK general election, 12 December 2019</p><h1>Polls open across the country</h1>${paragraphs()}</article>`));
    expect(kicker.published).toBeNull();
    // Outside the story above the headline, or far below it among other stories, a date is not the story's.
    const elsewhere = article(page(`<div class="date">Nov 28, 2026</div><article><h1>Bridge reopens</h1>${paragraphs()}<ul><li class="a"></li><li class="b"></li></ul></article>`));
    expect(elsewhere.published).toBeNull();
    // The Open Graph key, from a meta tag in the body, outside the story's block.
    const doc = load(page(`<meta property="og:article:published_time" content="2019-11-19T21:57:01+0000"><article><h1>Bridge reopens</h1>${paragraphs()}</article>`));
    expect(extractArticle(doc, { region: doc.querySelector('article') })?.published).toBe('2019-11-19T21:57:01.000Z');
  });

  it('ignores placeholder dates and falls back to meta tags', () => {
    const ld = { '@type': 'NewsArticle', headline: 'Bridge reopens', datePublished: '0001-01-01T00:00:00Z' };
    const a = article(
      page(
        `<article><h1>Bridge reopens</h1>${paragraphs()}</article>`,
        `<script type="application/ld+json">${JSON.stringify(ld)}</script>` +
          '<meta property="article:published_time" content="2024-03-05T08:00:00Z"><meta property="og:site_name" content="River Post">' +
          '<meta name="author" content="By Ana Ruiz">',
      ),
    );
    expect(a.published).toBe('2024-03-05T08:00:00.000Z');
    expect(a.siteName).toBe('River Post');
    expect(a.byline).toBe('Ana Ruiz');
  });

  it("takes the site's name off the end of a headline, and only the site's name", () => {
    const ld = (headline: string) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline })}</script><meta property="og:site_name" content="The Hill">`;
    const named = article(page(`<article>${paragraphs()}</article>`, ld("Governor doubles down on the state's anti-drug campaign | TheHill")));
    expect(named.title).toBe("Governor doubles down on the state's anti-drug campaign");
    const other = article(page(`<article>${paragraphs()}</article>`, ld('Council votes on the budget - what happens next')));
    expect(other.title).toBe('Council votes on the budget - what happens next');
    const twoSeparators = article(page(`<article>${paragraphs()}</article>`, ld('Smith - Jones debate ends in a draw - The Hill')));
    expect(twoSeparators.title).toBe('Smith - Jones debate ends in a draw');
    // The same site, spelled otherwise at the title's end: its initials, or without "The".
    const initials = (headline: string) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline })}</script><meta property="og:site_name" content="The Wall Street Journal">`;
    expect(article(page(`<article>${paragraphs()}</article>`, initials('Google Stadia takes on Microsoft - WSJ'))).title).toBe('Google Stadia takes on Microsoft');
    expect(article(page(`<article>${paragraphs()}</article>`, initials('Markets rally on rate hopes | Wall Street Journal'))).title).toBe('Markets rally on rate hopes');
    // Words of the headline that happen to have the site's initials, or a letter, are the headline's.
    const site = (name: string, headline: string) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline })}</script><meta property="og:site_name" content="${name}">`;
    expect(article(page(`<article>${paragraphs()}</article>`, site('NPR', 'Iowa caucuses - New Poll Results'))).title).toBe('Iowa caucuses - New Poll Results');
    expect(article(page(`<article>${paragraphs()}</article>`, site('The Verge', 'Rocky - V'))).title).toBe('Rocky - V');
  });

  it('survives broken JSON-LD', () => {
    const a = article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, '<script type="application/ld+json">{"@type": "NewsArticle", </script>'));
    expect(a.textContent).toContain(PROSE[0]);
  });

  it('reads the language from xml:lang where the page gives no lang', () => {
    expect(article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, '', 'xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-gb"')).lang).toBe('en-GB');
  });

  it('gives right-to-left articles dir="rtl" from their language', () => {
    const arabic = 'افتتحت المدينة أكبر مكتبة عامة فيها بعد خمس سنوات من العمل، وتضم المكتبة أكثر من مئتي ألف كتاب وقاعات للقراءة والدراسة مفتوحة طوال أيام الأسبوع. ';
    const body = `<article><h1>افتتاح المكتبة</h1>${Array.from({ length: 6 }, () => `<p>${arabic.repeat(2)}</p>`).join('')}</article>`;
    const a = article(page(body, '', 'lang="ar"'));
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
  });
});

describe('extractArticle: a byline box', () => {
  it("gives the author's name where the box marks it, not the date, comment link and topics beside it", () => {
    const box = '<div class="entry-byline"><span class="entry-author" itemprop="author">Ana Ruiz</span> <time>27/09/2018</time> <a class="comments-link" href="#c">Comment!</a> <span class="entry-terms">Bridges, Rivers</span></div>';
    const a = article(page(`<article><h1>Bridge reopens</h1>${box}${paragraphs()}</article>`));
    expect(a.byline).toBe('Ana Ruiz');
  });
});

describe('extractArticle: a byline above the story block', () => {
  it('is read from the hero between the headline and the block, which the extraction cuts away', () => {
    const html = page(`<header class="site"><a class="author-link" href="/team">Our authors</a></header>
      <div class="hero"><div><p class="about">Von <a class="author-link" href="/autor/ann">Ann Lee</a> publiziert am 5. März 2024</p><h1>Bridge reopens</h1></div></div>
      <div class="story">${paragraphs()}</div>
      <aside><p class="author-bio">Tom Roe writes about the river.</p></aside>`);
    const doc = load(html);
    const a = extractArticle(doc, { region: doc.querySelector('.story') })!;
    expect(a.byline).toBe('Ann Lee');
  });
});

describe('extractArticle: the shared picture above the story block', () => {
  const og = '<meta property="og:image" content="https://news.example.com/images/posts/post16615.jpg">';
  const html = (logo: string) =>
    page(`<div class="wrapper">${logo}<div class="post-img"><img class="main-img" alt="The new Sentra" src="/image.php?src=/images/posts/post16615.jpg&amp;w=1280"></div>
      <div class="post-content"><h1>Bridge reopens</h1><div class="story">${paragraphs()}</div></div></div>`, og);

  it('leads the story with the picture the page shares as its own, set before the block the extraction cuts to', () => {
    const doc = load(html(''));
    const a = extractArticle(doc, { region: doc.querySelector('.post-content') })!;
    const first = load(`<body>${a.contentHtml}</body>`).body.querySelector('figure, p');
    expect(first?.tagName).toBe('FIGURE');
    expect(first?.querySelector('img')?.getAttribute('alt')).toBe('The new Sentra');
    // The page is read, not changed.
    expect(doc.querySelector('.post-img img.main-img')).not.toBeNull();
  });

  it('takes none where the story shows the same picture in another size', () => {
    const doc = load(html('').replace(`<div class="story">${paragraphs()}`, `<div class="story">${paragraphs(1)}<p><img class="aligncenter" alt="" src="/images/posts/post16615-1024x512.jpg"></p>${paragraphs()}`));
    const a = extractArticle(doc, { region: doc.querySelector('.post-content') })!;
    expect(a.contentHtml.match(/<img/g)).toHaveLength(1);
  });

  it('takes no logo that links home, even when the page shares its file', () => {
    const doc = load(html('<a href="/"><img alt="River Post" src="/images/posts/post16615.jpg"></a>').replace('class="post-img"', 'class="post-img" hidden'));
    doc.querySelector('.post-img')!.remove();
    const a = extractArticle(doc, { region: doc.querySelector('.post-content') })!;
    expect(a.contentHtml).not.toContain('<img');
  });
});

describe('extractArticle: pre-processing', () => {
  it('keeps a post the story embeds, whole, out of its embed box named as social furniture', () => {
    const post = (text: string, who: string) =>
      `<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en" dir="ltr">${text}</p>— ${who} <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></div>`;
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      ${post('The bridge is open and it is lovely. <a href="https://t.co/abc">https://t.co/abc</a>', 'Ann Lee (@annlee)')}
      <p>${PROSE[2]}</p>
      ${post('Hey city, the whole point was to open it on time. <a href="https://twitter.com/hashtag/thanks">#thanks</a> <a href="https://twitter.com/hashtag/Bridge">#Bridge</a><br><br>⬇️<a href="https://t.co/def">https://t.co/def</a>', 'The Mayor (@mayor)')}
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}
      <div class="social-share"><a href="https://twitter.com/share">Share on X</a></div></article>`;
    const a = article(page(body));
    const quotes = Array.from(load(`<body>${a.contentHtml}</body>`).body.querySelectorAll('blockquote'), (q) => q.textContent!.replace(/\s+/g, ' ').trim());
    expect(quotes).toEqual([
      'The bridge is open and it is lovely. https://t.co/abc— Ann Lee (@annlee) November 18, 2019',
      'Hey city, the whole point was to open it on time. #thanks #Bridge⬇️https://t.co/def— The Mayor (@mayor) November 18, 2019',
    ]);
    // The share box around no post still goes.
    expect(a.textContent).not.toContain('Share on X');
  });

  it('shows the larger copy of a picture that the site links it to, and leaves pictures with their own sizes or other links alone', () => {
    const blogger = 'https://blogger.example.com/img/AbC/s320/bridge.JPG';
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      <div class="separator"><a href="https://blogger.example.com/img/AbC/s1600/bridge.JPG" imageanchor="1"><img src="${blogger}" width="255" height="320" alt="The bridge at dawn"></a></div>
      <p>${PROSE[2]}</p>
      <p><a href="/uploads/deck.jpg"><img src="/uploads/deck-300x200.jpg" srcset="/uploads/deck-300x200.jpg 300w, /uploads/deck-1024x683.jpg 1024w" width="300" height="200" alt="The deck"></a></p>
      <p><a href="/uploads/piers-full.jpg"><img src="/uploads/crane-300x200.jpg" width="300" height="200" alt="The crane"></a></p>
      <p><a href="/gallery/deck"><img src="/uploads/night-300x200.jpg" width="300" height="200" alt="The deck at night"></a></p>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const html = load(`<body>${article(page(body)).contentHtml}</body>`).body;
    const shown = html.querySelector('img[alt="The bridge at dawn"]');
    expect(shown?.getAttribute('src')).toBe('https://blogger.example.com/img/AbC/s1600/bridge.JPG');
    // At the size the site gave it: the larger copy makes it sharp, not big.
    expect([shown?.getAttribute('width'), shown?.getAttribute('height')]).toEqual(['255', '320']);
    // It names its sizes itself: the browser picks.
    expect(html.querySelector('img[alt="The deck"]')?.getAttribute('src')).toBe('https://news.example.com/uploads/deck-300x200.jpg');
    // A link to another picture, or to a page.
    expect(html.querySelector('img[alt="The crane"]')?.getAttribute('src')).toBe('https://news.example.com/uploads/crane-300x200.jpg');
    expect(html.querySelector('img[alt="The deck at night"]')?.getAttribute('src')).toBe('https://news.example.com/uploads/night-300x200.jpg');
  });

  it("makes the picture a lazy loader would draw into an empty box, and drops a blank that names no picture, keeping its caption but not a credit alone", () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      <figure><span><div class="js-delayed-image-load" data-src="/img/deck.jpg" data-alt="The new deck from above" data-width="976" data-height="549"></div></span><figcaption>The deck at night.</figcaption></figure>
      <p>${PROSE[2]}</p>
      <figure><div class="js-delayed-image-load" data-src="/img/rule.png" data-alt="" data-width="624" data-height="1"></div></figure>
      <figure><img src="${gif}" data-alt="Divers" width="800" height="450"><figcaption>Divers at the piers.</figcaption></figure>
      <p>${PROSE[3]}</p>
      <figure><svg width="18" height="18" aria-label="Zoom in"><path d="M1 1h9"/></svg><img src="${gif}" data-alt="Crane" width="800" height="450"><figcaption>Photo: Ann Lee</figcaption></figure>
      <figure><img src="${gif}" width="800" height="450"><figcaption>Photo: Crews lift the new steel deck into place over the river at dawn</figcaption></figure>
      <figure><img src="${gif}" alt="Crews lift the old deck off the piers" width="800" height="450"></figure>
      ${PROSE.slice(4).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const a = article(page(body));
    const html = load(`<body>${a.contentHtml}</body>`).body;
    const deck = html.querySelector('img[src$="/img/deck.jpg"]');
    expect(deck?.getAttribute('alt')).toBe('The new deck from above');
    expect(deck?.getAttribute('width')).toBe('976');
    // The blank takes no room (no size); its figure keeps its caption.
    const blank = html.querySelector('img[src^="data:"]');
    expect(blank).not.toBeNull();
    expect([blank!.getAttribute('width'), blank!.getAttribute('height')]).toEqual([null, null]);
    expect(a.textContent).toContain('Divers at the piers.');
    // A blank whose figure says only whose picture it was: nothing to show, nothing to say.
    expect(a.textContent).not.toContain('Ann Lee');
    // A caption that says more than whose picture it was stays; so does a blank's alt, for screen readers.
    expect(a.textContent).toContain('Crews lift the new steel deck into place');
    expect(html.querySelector('img[alt="Crews lift the old deck off the piers"]')).not.toBeNull();
    expect(html.querySelectorAll('img[src^="data:"]')).toHaveLength(3);
    expect(html.querySelector('img[src$="/img/rule.png"]')).toBeNull();
    // The spacer's figure, left empty, is not an empty box in the reader.
    expect(Array.from(html.querySelectorAll('figure')).every((f) => f.textContent!.trim() || f.querySelector('img'))).toBe(true);
  });

  it('keeps what the lazy-image fixes must not take: an alt, a player, a picture with no size given, a picture in a generated class', () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      <figure><img src="${gif}" data-echo="/img/piers.jpg" alt="Divers at the piers" width="800" height="450"><figcaption>Divers.</figcaption></figure>
      <figure><div class="video-player" data-src="https://player.example.com/embed/123.mp4"></div><figcaption>Watch: the deck goes in.</figcaption></figure>
      <figure><div class="js-image-load" data-src="/img/crew.jpg" data-alt="The crew" data-width="" data-height=""></div></figure>
      <p>${PROSE[2]}</p>
      <p><span class="css-1ad9x0"><img src="/img/deck.jpg" alt="The new deck"></span></p>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const html = load(`<body>${article(page(body)).contentHtml}</body>`).body;
    expect(html.querySelector('img[src$="/img/piers.jpg"]')?.getAttribute('alt')).toBe('Divers at the piers');
    expect(html.querySelector('img[src$=".mp4"]')).toBeNull();
    expect(html.querySelector('img[src$="/img/crew.jpg"]')?.getAttribute('alt')).toBe('The crew');
    expect(html.querySelector('img[src$="/img/deck.jpg"]')).not.toBeNull();
  });

  it("drops the author's headshot or outlet logo beside the byline, and keeps a small picture in the story", () => {
    const doc = load(page(`<div class="article-header"><h1>Bridge reopens</h1>
      <div class="author-name"><div class="author-name-image"><a href="https://paper.example/"><img width="34" height="34" src="/authors/paper-logo-50x50.jpg"></a></div>
        <div class="author-name-text"><span>JO NG, THE PAPER</span> <span>18 NOV 2019</span></div></div></div>
      <div class="article-body">${paragraphs(2)}<p><img src="/img/badge.png" width="100" height="80" alt="The bridge's heritage badge"></p></div>`));
    prepareDocument(doc);
    expect(doc.querySelector('img[src$="paper-logo-50x50.jpg"]')).toBeNull();
    expect(doc.querySelector('img[src$="/img/badge.png"]')).not.toBeNull();
  });

  it('removes a banner that is a picture alone in a box named as one (a call to action), and keeps a picture in a box named otherwise', () => {
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(3)}
      <p><span class="photo"><img src="/img/deck.jpg" alt="The new deck"></span></p>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}
      <p><span id="hs-cta-wrapper-1"><a href="https://cta.example.net/redirect/1"><img src="/img/cta.png" alt="New Call-to-action"></a></span></p></article>`;
    const a = article(page(body));
    expect(a.contentHtml).not.toContain('cta.png');
    expect(a.contentHtml).toContain('deck.jpg');
  });

  it('resolves lazy images (data-src, data-srcset, <picture> sources, noscript fallbacks) to absolute URLs', () => {
    const gif = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    const body = `<article><h1>Bridge reopens</h1>
      ${paragraphs(2)}
      <figure><img src="${gif}" data-src="/img/a.jpg" alt="Deck from above"><figcaption>The new steel deck.</figcaption></figure>
      <p>${PROSE[2]}</p>
      <figure><img class="lazyload" data-srcset="/img/b-400.jpg 400w, /img/b-800.jpg 800w" alt="Piers"><figcaption>Divers inspected the piers.</figcaption></figure>
      <figure><picture><source data-srcset="/img/c.webp" type="image/webp"><img data-lazy-src="/img/c.jpg" alt="Crew"></picture><figcaption>Night shift.</figcaption></figure>
      <figure><picture><source media="(min-width: 600px)" srcset="data:image/png;base64,iVBORw0KGgo=" data-srcset="/img/f-1200.jpg 1200w"><img src="/img/f-300.jpg" alt="Lock"></picture><figcaption>The lock gates.</figcaption></figure>
      <figure><img sizes="auto" data-src="/img/g-320.jpg" data-srcset="/img/g-320.jpg 320w, /img/g-650.jpg 650w" alt="Weir"><figcaption>The weir.</figcaption></figure>
      <figure><img sizes="auto, (min-width: 800px) 650px, 100vw" src="/img/h.jpg" srcset="/img/h-320.jpg 320w, /img/h-650.jpg 650w" alt="Quay"><figcaption>The quay.</figcaption></figure>
      <figure><img src="/static/placeholder.gif" data-original="https://cdn.example.com/d.jpg" alt="Ferry"><figcaption>The ferry.</figcaption></figure>
      <figure><img src="${gif}" class="lazy" alt="Mayor"><noscript><img src="/img/e.jpg" alt="Mayor"></noscript><figcaption>The mayor.</figcaption></figure>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}
    </article>`;
    const a = article(page(body));
    const html = a.contentHtml;
    expect(html).toContain('src="https://news.example.com/img/a.jpg"');
    expect(html).toMatch(/src="https:\/\/news\.example\.com\/img\/b-800\.jpg"/);
    expect(html).toContain('https://news.example.com/img/c.webp');
    expect(html).toContain('src="https://news.example.com/img/c.jpg"');
    expect(html).toContain('src="https://cdn.example.com/d.jpg"');
    expect(html).toContain('src="https://news.example.com/img/e.jpg"');
    // A source's stand-in set gives way to its own: the browser would pick the stand-in over the img.
    expect(html).toContain('srcset="https://news.example.com/img/f-1200.jpg 1200w"');
    expect(html).not.toContain('data:image/png');
    // sizes="auto" would have the browser draw the lazy picture as a 300×150 box: its other sizes stay.
    expect(html).not.toMatch(/sizes="auto/);
    expect(html).toContain('sizes="(min-width: 800px) 650px, 100vw"');
    expect(html).not.toContain('data:image/gif');
    expect(html).not.toContain('placeholder.gif');
  });

  it("does not give a fact-check the byline of the claim it reviews, printed with the claim", () => {
    const ld = '<script type="application/ld+json">{"@type":"ClaimReview","itemReviewed":{"@type":"CreativeWork","author":{"@type":"Person","name":"The harbour board"}}}</script>';
    const claim = '<div class="statement"><div class="statement-author"><h4 class="author">The harbour board</h4></div><blockquote>The bridge was never closed.</blockquote></div>';
    const a = article(page(`<article><h1>Was the bridge ever closed?</h1>${claim}${paragraphs()}</article>`, ld));
    expect(a.byline).not.toBe('The harbour board');
    expect(a.textContent).toContain('The bridge was never closed.');
  });

  it('makes links absolute against the document URL', () => {
    const body = `<article><h1>Bridge reopens</h1>
      <p>${PROSE[0]} See <a href="/world/ferry">the ferry story</a>, <a href="../archive/">the archive</a>,
      <a href="?page=2">the next page</a> and <a href="//cdn.example.com/map.pdf">the map</a>.</p>
      ${PROSE.slice(1).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const a = article(page(body));
    expect(a.contentHtml).toContain('href="https://news.example.com/world/ferry"');
    expect(a.contentHtml).toContain('href="https://news.example.com/world/2024/03/archive/"');
    expect(a.contentHtml).toContain('href="https://news.example.com/world/2024/03/05/bridge.html?page=2"');
    expect(a.contentHtml).toContain('href="https://cdn.example.com/map.pdf"');
  });

  it('keeps captions the site collapsed (hidden, display:none, aria-hidden)', () => {
    const body = `<article><h1>Bridge reopens</h1>
      ${paragraphs(2)}
      <figure><img src="/img/a.jpg" alt="Deck"><figcaption hidden>Workers lay the last deck plate in February.</figcaption></figure>
      <p>${PROSE[2]}</p>
      <figure><img src="/img/b.jpg" alt="Piers"><figcaption style="display: none">Divers found cracks in two of the five piers.</figcaption></figure>
      <div class="photo"><img src="/img/c.jpg" alt="Crowd"><p class="photo__caption" aria-hidden="true" style="visibility:hidden">Residents watch the first cars cross.</p></div>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}
    </article>`;
    const a = article(page(body));
    expect(a.textContent).toContain('Workers lay the last deck plate in February.');
    expect(a.textContent).toContain('Divers found cracks in two of the five piers.');
    expect(a.textContent).toContain('Residents watch the first cars cross.');
    expect(a.contentHtml).not.toMatch(/display:\s*none/);
  });

  it("keeps a caption in bare divs on a page whose <html> wears a class Readability reads as clutter", () => {
    const body = `<article><h1>Bridge reopens</h1><ul><li><div><img src="/img/a.jpg" alt="A diver below the waterline"></div>
      <div class="caption"><div class="caption-full">A diver checks the piers below the waterline on Tuesday.</div><span class="credit">Photo: Ann Lee, AP</span></div></li></ul>
      ${paragraphs()}</article>`;
    const a = article(page(body, '', 'lang="en" class="header-spacing spacing"'));
    expect(a.textContent).toContain('A diver checks the piers below the waterline on Tuesday.');
    expect(a.textContent.split('Photo: Ann Lee, AP').length).toBe(2);
  });

  it("reads a gallery's caption and credit once, as a figure, where the gallery prints them again in its control bar and caption panel, past its strip of thumbnails", () => {
    const caption = 'A diver checks the piers below the waterline on Tuesday, before the bridge reopened.';
    const body = `<article><h1>Bridge reopens</h1><div class="gallery"><ul class="slides"><li class="slide"><div class="img-wrap"><img src="/img/a.jpg" alt="A diver"></div>
      <div class="caption"><div class="caption-full">${caption}<a class="more-caption"> less</a></div>
      <div class="caption-truncated">A diver checks the piers below the waterline<a class="more-caption"> ... more</a></div>
      <span class="credit">Photo: Ann Lee, AP</span></div></li></ul>
      <div class="strip"><a href="#photo-1"><img data-src="/img/a-thumb.jpg" alt="photo"></a></div>
      <div class="control-bar"><div class="control-bar-credit"><span class="credit">Photo: Ann Lee, AP</span></div></div>
      <div class="caption"><div class="caption-remote"><div class="caption-full">${caption}<a class="more-caption"> less</a></div><span class="credit">Photo: Ann Lee, AP</span></div></div></div>
      ${paragraphs(3)}
      <figure><img src="/img/b.jpg" alt="The deck"><figcaption>The new deck. <span class="credit">Photo: Ann Lee, AP</span></figcaption></figure>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const a = article(page(body));
    expect(a.textContent.split('A diver checks the piers').length).toBe(2);
    const doc = load(`<body>${a.contentHtml}</body>`);
    const first = doc.querySelector('figure');
    expect(first?.querySelector('img')?.getAttribute('src')).toContain('/img/a.jpg');
    expect(first?.querySelector('figcaption')?.textContent).toContain(caption);
    expect(doc.querySelector('li')).toBeNull();
    // Each picture keeps its own credit, the same words under both.
    expect(a.textContent.split('Photo: Ann Lee, AP').length).toBe(3);
    // Also where each picture links to its own page and says nothing in its alt.
    const linked = (n: number): string => `<figure><a href="/photos/${n}"><img src="/img/${n}.jpg" alt=""></a><figcaption>Picture ${n} of the bridge. <span class="credit">Photo: Ann Lee / River Post</span></figcaption></figure>`;
    const both = article(page(`<article><h1>Bridge reopens</h1>${paragraphs(2)}${linked(1)}${linked(2)}${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}</article>`));
    expect(both.textContent.split('Photo: Ann Lee / River Post')).toHaveLength(3);
    // Words repeated in the story by a box named with "credit", far from any picture, are the story's.
    const card = '<p class="credit-needed">Recommended credit: Good to Excellent</p>';
    const cards = article(page(`<article><h1>Three cards for travel</h1>${paragraphs(2)}<h2>Card one</h2>${card}<p>${PROSE[2]}</p><h2>Card two</h2>${card}<p>${PROSE[3]}</p><h2>Card three</h2>${card}<p>${PROSE[4]}</p></article>`));
    expect(cards.textContent.split('Recommended credit')).toHaveLength(4);
  });

  it('joins to its figure a figcaption set after the figure, and a credit line set after a caption box', () => {
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      <div class="image-container"><figure><img src="/img/a.jpg" width="800" height="500"></figure><figcaption><div class="image-caption"><span>Divers check the piers. Photo: Ann Lee</span></div></figcaption></div>
      <p>${PROSE[2]}</p>
      <div class="wp-caption"><img src="/img/b.jpg" alt="" width="780" height="438"><p class="wp-caption-text">The new deck at dusk</p></div><p class="image-credit">River Post Photo Agency</p>
      ${PROSE.slice(3).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const doc = load(`<body>${article(page(body)).contentHtml}</body>`);
    const captions = Array.from(doc.querySelectorAll('figure'), (f) => f.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(captions).toEqual(['Divers check the piers. Photo: Ann Lee', 'The new deck at dusk River Post Photo Agency']);
    // Set after the box that holds only the figure.
    const boxed = `<article><h1>Bridge reopens</h1><div class="hero-wrap"><figure class="hero"><img src="/img/a.jpg" width="800" height="500" alt="Image: the bridge"></figure></div><figcaption class="caption"><span>Divers check the piers.</span> <span>Ann Lee / Reuters file</span></figcaption>${paragraphs()}</article>`;
    const lead = load(`<body>${article(page(boxed)).contentHtml}</body>`);
    expect(lead.querySelector('figure figcaption')?.textContent).toBe('Divers check the piers. Ann Lee / Reuters file');
    // And a credit line after that caption.
    const credited = boxed.replace('<span>Ann Lee / Reuters file</span></figcaption>', '</figcaption><div class="image-credit">Ann Lee / Reuters</div>');
    const withCredit = load(`<body>${article(page(credited)).contentHtml}</body>`);
    expect(withCredit.querySelector('figure figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Divers check the piers. Ann Lee / Reuters');
    // The story's byline set after its lead figure, in a box named "credits", stays the byline.
    const byline = article(page(`<article><h1>Bridge reopens</h1><figure><img src="/img/a.jpg" alt="The bridge"><figcaption>The bridge at dawn.</figcaption></figure><div class="article-credits">By Ana Ruiz and Tom Lee</div>${paragraphs()}</article>`));
    expect(byline.byline).toBe('Ana Ruiz and Tom Lee');
  });

  it("shows the shared picture (og:image) for a blank placeholder whose data names it by id, with the lazy loader's alt", () => {
    const head = '<meta property="og:image" content="https://img.example.com/upload/m45eauryhgrbqclcessl.jpg">';
    const placeholder = (id: string) => `<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" data-chomp-id="${id}" data-alt="Duck feathers drying after cleaning"><figcaption>Photo: Ann Lee</figcaption></figure>`;
    const body = (id: string) => `<article><h1>Bridge reopens</h1>${paragraphs(2)}${placeholder(id)}${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const named = load(`<body>${article(page(body('m45eauryhgrbqclcessl'), head)).contentHtml}</body>`).querySelector('figure img');
    expect(named?.getAttribute('src')).toBe('https://img.example.com/upload/m45eauryhgrbqclcessl.jpg');
    expect(named?.getAttribute('alt')).toBe('Duck feathers drying after cleaning');
    const other = load(`<body>${article(page(body('zzzzotherpicture'), head)).contentHtml}</body>`).querySelector('figure img');
    expect(other?.getAttribute('src')).toMatch(/^data:/);
    // A word of the address that two placeholders share is no picture's id.
    const sizes = `<article><h1>Bridge reopens</h1>${paragraphs(2)}${[1, 2].map((n) => placeholder('x').replace('data-chomp-id="x"', `data-size="original" data-alt="Picture ${n} of the pier"`)).join('')}${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const shared = '<meta property="og:image" content="https://img.example.com/uploads/original/2019/lead-bridge.jpg">';
    expect(Array.from(load(`<body>${article(page(sizes, shared)).contentHtml}</body>`).querySelectorAll('figure img'), (img) => img.getAttribute('src')).every((src) => src?.startsWith('data:'))).toBe(true);
  });

  it('asks a picture requested at a placeholder\'s pixel density (dpr=0.05) at density 1, and leaves others alone', () => {
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}<p><img src="https://img.example.com/deck.jpg?width=640&amp;fit=crop,faces&amp;dpr=0.05" alt="The deck"></p><p><img src="https://img.example.com/pier.jpg?width=640&amp;dpr=2" alt="The pier"></p><p><img src="https://img.example.com/quay.jpg?dpr=0.05&amp;s=8f2a" alt="The quay"></p>${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const doc = load(`<body>${article(page(body)).contentHtml}</body>`);
    // The rest of the address as it was; a signed one untouched.
    expect(Array.from(doc.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual([
      'https://img.example.com/deck.jpg?width=640&fit=crop,faces&dpr=1', 'https://img.example.com/pier.jpg?width=640&dpr=2', 'https://img.example.com/quay.jpg?dpr=0.05&s=8f2a',
    ]);
  });

  it("shows the picture the page shares (og:image) for a placeholder a few pixels wide that is the same picture, and leaves other pictures alone", () => {
    const head = '<meta property="og:image" content="https://img.example.com/r/?d=20191119&i=1454&w=1200&r=LYNX">';
    const body = `<article><h1>Bridge reopens</h1>${paragraphs(2)}
      <figure><img src="//img.example.com/r/?d=20191119&i=1454&r=LYNX&w=20" width="20" height="11" alt="The bridge at dawn"><figcaption>The bridge at dawn.</figcaption></figure>
      <figure><img src="//img.example.com/r/?d=20191119&i=9999&r=LYNX&w=20" alt="The old deck"><figcaption>The old deck.</figcaption></figure>
      ${PROSE.slice(2).map((p) => `<p>${p}</p>`).join('')}</article>`;
    const doc = load(`<body>${article(page(body, head)).contentHtml}</body>`);
    expect(Array.from(doc.querySelectorAll('img'), (img) => img.getAttribute('src'))).toEqual([
      'https://img.example.com/r/?d=20191119&i=1454&w=1200&r=LYNX',
      'https://img.example.com/r/?d=20191119&i=9999&r=LYNX&w=20',
    ]);
    expect(doc.querySelector('img')?.hasAttribute('width')).toBe(false);
  });

  it("reads captions as the site wrote them, not as Lectern's captions feature changed them on the page", () => {
    // What src/content/captions/apply.ts leaves in the live page, which the reader clones.
    const body = `<article><h1>Bridge reopens</h1>
      ${paragraphs(2)}
      <figure><img src="/img/a.jpg" alt="Workers lay the last deck plate in February"><figcaption><lectern-repeat aria-hidden="true">Workers lay the last deck plate in February</lectern-repeat> Photo: AP</figcaption></figure>
      <figure><img src="/img/b.jpg" alt="Divers inspect the piers"><figcaption><span aria-hidden="true" data-lectern-hidden="">Divers inspect the piers</span> Photo: City of Oakdale</figcaption></figure>
      <p>${PROSE[2]}</p>
      <p><img src="/img/c.jpg" alt="The mayor cuts a ribbon at the north end of the bridge"></p><lectern-alt-caption aria-hidden="true">The mayor cuts a ribbon at the north end of the bridge</lectern-alt-caption>
      <figure><img src="/img/d.jpg" alt="A map"><figcaption><span aria-hidden="true">Map data hidden by the site</span> The new footpaths</figcaption></figure>
      <figure><img src="/img/f.jpg" alt="The ferry’s last run, on Sunday."><figcaption><span aria-hidden="true">The ferry’s last run, on Sunday.</span><span>Credit: Ann Lee</span></figcaption></figure>
      <p>${PROSE[3]}</p>
      <div class="asset asset-image"><div class="image-image"><img src="/img/e.jpg" aria-describedby="site-note lectern-caption-1"></div>
        <div class="image-meta" id="lectern-caption-1"><div class="image-caption">Crews at the east pier</div><div class="image-credit">Ann Lee, Associated Press</div></div></div>
      ${PROSE.slice(4).map((p) => `<p>${p}</p>`).join('')}
    </article>`;
    const a = article(page(body));
    expect(a.textContent).toContain('Workers lay the last deck plate in February Photo: AP');
    expect(a.textContent).toContain('Divers inspect the piers Photo: City of Oakdale');
    expect(a.contentHtml).not.toMatch(/lectern|data-lectern/i);
    // The image keeps its alt; the copy Lectern showed under it is not repeated as text.
    expect(a.contentHtml).toContain('alt="The mayor cuts a ribbon at the north end of the bridge"');
    expect(a.textContent).not.toContain('The mayor cuts a ribbon');
    // The site's own aria-hidden is still the site's, but for caption words it hid as a repeat of the picture's alt:
    // they are on the page for a sighted reader, and the reader makes them heard once itself.
    expect(a.textContent).not.toContain('Map data hidden by the site');
    expect(a.textContent).toContain('The ferry’s last run, on Sunday.');
    // The id Lectern gave a caption box names nothing: the box's caption and credit are the figure's caption, in words.
    const html = load(`<body>${a.contentHtml}</body>`).body;
    expect(html.querySelector('img[src$="/img/e.jpg"]')?.closest('figure')?.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Crews at the east pier Ann Lee, Associated Press');
    expect(html.querySelector('img[src$="/img/e.jpg"]')?.getAttribute('aria-describedby')).toBe('site-note');
  });

  it('removes share bars, newsletter boxes, related modules, ads and breadcrumbs', () => {
    const body = `
      <nav class="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a></nav>
      <article><h1>Bridge reopens</h1>
      <div class="share-bar"><a href="https://facebook.com/share">Facebook</a><a href="https://twitter.com/share">Twitter</a><a href="mailto:?">Email</a></div>
      <p>${PROSE[0]}</p>
      <div class="ad-slot"><span>Advertisement</span></div>
      <p>${PROSE[1]}</p>
      <p>Read more: <a href="/world/ferry-fares">Ferry fares to rise in spring</a></p>
      <p>${PROSE[2]}</p>
      <div class="newsletter-signup"><p>Get the River Post morning briefing in your inbox.</p><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
      <p>${PROSE[3]}</p>
      <p>${PROSE[4]}</p>
      <div class="related-stories"><h3>Related stories</h3><ul>
        <li><a href="/a">Ring road works to finish early</a></li>
        <li><a href="/b">City orders two new ferries</a></li>
        <li><a href="/c">Mayor opens riverside park</a></li></ul></div>
      <p>Advertisement</p>
      <h3>More from River Post</h3>
      <ul><li><a href="/d">Stadium plan approved</a></li><li><a href="/e">Tram strike called off</a></li></ul>
      </article>`;
    const a = article(page(body));
    for (const p of PROSE) expect(a.textContent).toContain(p);
    for (const clutter of ['Facebook', 'Twitter', 'Advertisement', 'Ferry fares to rise', 'morning briefing', 'Sign up', 'Related stories', 'Ring road works', 'More from River Post', 'Tram strike', 'Home']) {
      expect(a.textContent).not.toContain(clutter);
    }
  });

  it('drops bylines and dates from the body (the reader shows them) and lifts the standfirst out', () => {
    const body = `<article><header><h1>Bridge reopens</h1>
      <p class="standfirst">The old river bridge is open again, four months late but ahead of the revised plan.</p>
      <p>By Ana Ruiz</p><p>Updated March 5, 2024 10:15 am</p></header>
      ${paragraphs()}</article>`;
    const a = article(page(body, '<meta name="description" content="The old river bridge is open again, four months late but ahead of the revised plan."><meta name="author" content="Ana Ruiz">'));
    expect(a.standfirst).toBe('The old river bridge is open again, four months late but ahead of the revised plan.');
    expect(a.excerpt).toBe(a.standfirst);
    expect(a.textContent).not.toContain('open again, four months late');
    expect(a.textContent).not.toContain('By Ana Ruiz');
    expect(a.textContent).not.toContain('Updated March 5');
    expect(a.byline).toBe('Ana Ruiz');
    expect(a.textContent.split('\n')[0]).toBe(PROSE[0]);
  });

  it("takes the summary printed under the headline that Readability drops (an h2, a box beside the byline), as the page's description says it", () => {
    const summary = 'The old river bridge is open again, four months late but ahead of the revised plan.';
    const head = `<meta name="description" content="${summary}">`;
    const asHeading = article(page(`<div class="head"><h1>Bridge reopens</h1><div class="brk_wraper"><h2 class="subhead">${summary}</h2>
      <div class="bloger-section"><a href="/author/ana-ruiz/">Ana Ruiz</a></div></div></div><article>${paragraphs()}</article>`, head));
    expect(asHeading.standfirst).toBe(summary);
    const withShareLinks = article(page(`<div class="press-head"><h1>Bridge reopens</h1><div class="press-quote"><span>${summary}</span><a href="/share">FacebookTwitterEmail</a></div></div>
      <div class="press-content">${paragraphs()}</div>`, head));
    expect(withShareLinks.standfirst).toBe(summary);
    // Another box under the headline is not the summary; nor is one after the story's first paragraph.
    const elsewhere = article(page(`<article><h1>Bridge reopens</h1><h2>Traffic returns to the old crossing on Tuesday morning</h2>${paragraphs(1)}<h2>${summary}</h2>${PROSE.slice(1).map((p) => `<p>${p}</p>`).join('')}</article>`, head));
    expect(elsewhere.standfirst).toBeNull();
    // A description that is the headline again is no summary of it.
    const h = 'Bridge reopens to traffic after eighteen months of repairs';
    const headlineAgain = article(page(`<header><h1>${h}</h1><h2 class="dek">${h}</h2></header><article>${paragraphs()}</article>`, `<meta name="description" content="${h}">`));
    expect(headlineAgain.standfirst).toBeNull();
    // Said again further into the story than its opening lines (a paragraph that sums up), the summary stays.
    const recap = `${summary.replace('open again', 'open once more')}`;
    const later = article(page(`<h1>Bridge reopens</h1><article><div class="brk_wraper"><h2 class="subhead">${summary}</h2><div class="bloger-section"><a href="/author/ana-ruiz/">Ana Ruiz</a></div></div>${paragraphs()}<p>A dry summer helped the crews.</p><p>${recap}</p></article>`, head));
    expect(later.standfirst).toBe(summary);
    // A teaser cut short is the story's opening, which the story then says whole.
    const teaser = article(page(`<div class="head"><h1>Bridge reopens</h1><p class="excerpt">${PROSE[0]!.slice(0, 120)}...</p></div><article>${paragraphs()}</article>`, `<meta name="description" content="${PROSE[0]!.slice(0, 120)}...">`));
    expect(teaser.standfirst).toBeNull();
    // Worded otherwise than the description, a box named as the summary under the headline is the summary.
    const blurb = 'The mayor and the engineers talk about the repairs, the cost and the first morning of traffic.';
    const named = article(page(`<section><h1>Bridge reopens after repairs</h1><p class="blurb">${blurb}</p><div class="byline">By Ana Ruiz</div></section><main>${paragraphs()}</main>`, head));
    expect(named.standfirst).toBe(blurb);
    expect(named.textContent.split(blurb)).toHaveLength(1);
    // Named by its id, where Readability has taken the classes away, and set apart from the story by the author's
    // role; not the story's own first paragraph, named for voice assistants, that the description copies.
    const byId = article(page(`<article><h1>Bridge reopens</h1><p id="article-summary">${summary}</p><p>Transport Columnist</p><figure><img src="/img/a.jpg" alt="The bridge"></figure>${paragraphs()}</article>`, head));
    expect(byId.standfirst).toBe(summary);
    const spoken = article(page(`<article><h1>Bridge reopens</h1><p id="speakable-summary">${summary}</p>${paragraphs()}</article>`, head));
    expect(spoken.standfirst).toBeNull();
    expect(spoken.textContent.split('\n')[0]).toBe(summary);
    // Not an author's blurb, a teaser's excerpt in a rail, nor the tagline under a site's name set as the h1.
    const notSummary = (top: string): string | null => article(page(`<section>${top}</section><main><h2>Bridge reopens after repairs</h2>${paragraphs()}</main>`, head)).standfirst;
    expect(notSummary(`<h1>Bridge reopens after repairs</h1><div class="author-blurb">Ana Ruiz covers transport and city hall for the River Post.</div>`)).toBeNull();
    expect(notSummary(`<h1>Bridge reopens after repairs</h1><aside class="rail"><h3><a href="/ferry">Ferry ends</a></h3><div class="excerpt">The ferry that carried commuters during the works made its last crossing in April.</div></aside>`)).toBeNull();
    expect(notSummary(`<h1 class="site-title">River Post</h1><p class="site-subtitle">Independent news from the river valley since 1901, every day</p>`)).toBeNull();
  });

  it("leaves out a loading indicator's picture that a widget left in the story's column, and keeps photos", () => {
    const a = article(
      page(`<article><h1>Bridge reopens after repairs</h1>${paragraphs(2)}<p><img alt="processing..." src="/designimages/nbc-ajax-loader.gif"></p>
        <div class="weather"><img src="/static/spinner.svg" alt=""></div>${paragraphs(5).slice(0)}
        <figure><img src="/img/loading-dock.jpg" alt="Trucks at the loading dock"><figcaption>Deliveries resumed on Tuesday.</figcaption></figure></article>`),
    );
    expect(a.contentHtml).not.toContain('ajax-loader');
    expect(a.contentHtml).not.toContain('spinner.svg');
    expect(a.contentHtml).toContain('loading-dock.jpg');
  });

  it("lifts out a heading named as the summary that opens the body, though the page's description tells another summary", () => {
    // As a local TV site sets it: the description is the video's, printed as its caption.
    const subtitle = 'Crews worked through the night for a month to finish the deck before winter';
    const head = '<meta name="description" content="A video shows the first cars crossing the old bridge.">';
    const story = (h2: string): string => page(`<article><div class="headline_region"><h1>Bridge reopens after repairs</h1>${h2}</div>${paragraphs()}</article>`, head);
    const a = article(story(`<h2 class="subtitle">${subtitle}</h2>`));
    expect(a.standfirst).toBe(subtitle);
    expect(a.textContent.split('\n')[0]).toBe(PROSE[0]);
    // Not named so, a heading there is the story's own.
    const plain = article(story(`<h2>${subtitle}</h2>`));
    expect(plain.standfirst).toBeNull();
    expect(plain.textContent.split('\n')[0]).toBe(subtitle);
  });

  it('keeps a first paragraph that the description merely repeats', () => {
    const a = article(page(`<article><h1>Bridge reopens</h1>${paragraphs()}</article>`, `<meta name="description" content="${PROSE[0]}">`));
    expect(a.standfirst).toBeNull();
    expect(a.textContent.split('\n')[0]).toBe(PROSE[0]);
  });

  it('puts each block on its own line in textContent', () => {
    const a = article(page(`<article><h1>Bridge reopens</h1>${paragraphs(2)}<h2>What changes</h2><ul><li>Wider footpaths on both sides</li><li>A new steel deck</li></ul>${paragraphs(5).slice(0)}</article>`));
    const lines = a.textContent.split('\n');
    expect(lines).toContain('What changes');
    expect(lines).toContain('Wider footpaths on both sides');
    expect(lines).toContain('A new steel deck');
  });
});

describe('extractArticle: no article', () => {
  it('returns null on a login page', () => {
    const html = page(`<header><a href="/">River Post</a></header><main>
      <h1>Sign in to your account</h1>
      <p>Subscribers get unlimited access to every story, the daily e-edition and our newsletters.</p>
      <form action="/login" method="post">
        <label for="email">Email address</label><input id="email" name="email" type="email">
        <label for="password">Password</label><input id="password" name="password" type="password">
        <p><label><input type="checkbox" name="remember"> Keep me signed in on this device</label></p>
        <button type="submit">Sign in</button>
      </form>
      <p><a href="/forgot">Forgot your password?</a></p>
      <p>Not a subscriber? <a href="/subscribe">Subscribe from $1 a week</a>. By signing in you agree to our <a href="/terms">terms of use</a>.</p>
    </main><footer><p>© 2024 River Post · <a href="/help">Help</a></p></footer>`);
    expect(extractArticle(load(html))).toBeNull();
  });

  it('returns null on an empty page', () => {
    expect(extractArticle(load('<!DOCTYPE html><html><head><title>x</title></head><body></body></html>'))).toBeNull();
  });
});

describe('readingMinutes', () => {
  it('counts 230 words a minute, rounded, and never says 0', () => {
    expect([0, 100, 219, 460, 600, 2300].map(readingMinutes)).toEqual([1, 1, 1, 2, 3, 10]);
  });
});

describe('extractArticle: the live page', () => {
  it('never modifies the document it is given', () => {
    const doc = load(page(`<nav class="breadcrumbs"><a href="/">Home</a></nav><article><h1>Bridge reopens</h1>
      <figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" alt="A"><figcaption hidden>Caption</figcaption></figure>
      ${paragraphs()}<div class="share-bar"><a href="/s">Share</a></div></article>`));
    const before = doc.documentElement.outerHTML;
    expect(extractArticle(doc)).not.toBeNull();
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractArticle: JSON-LD body as a completeness check', () => {
  const declared = PROSE.join('\n\n');
  const shell = (extra: Record<string, unknown>) =>
    page(
      `<article><h1>Bridge reopens</h1><p>${PROSE[0]}</p><p>Loading the rest of the story…</p></article>`,
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', articleBody: declared, ...extra })}</script>`,
    );

  it('uses the declared body when the page shows only a fraction of it', () => {
    const a = article(shell({}));
    for (const p of PROSE) expect(a.textContent).toContain(p);
    expect(a.contentHtml.match(/<p>/g)).toHaveLength(PROSE.length);
  });

  it('does not when the site marks the story as paid', () => {
    // The page shows too little to be read as an article, and the paid body it declares is not used in its place.
    expect(extractArticle(load(shell({ isAccessibleForFree: 'False' })))).toBeNull();
    expect(extractArticle(load(shell({ isAccessibleForFree: true })))?.textContent).toContain(PROSE[4]);
  });

  it('says the story is for subscribers where the site marks it so, and only there', () => {
    const ld = (free: unknown) => `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Bridge reopens', isAccessibleForFree: free })}</script>`;
    const story = `<article><h1>Bridge reopens</h1>${paragraphs()}</article>`;
    expect(article(page(story, ld(false))).forSubscribers).toBe(true);
    expect(article(page(story, ld('False'))).forSubscribers).toBe(true);
    expect(article(page(story, ld(true))).forSubscribers).toBe(false);
    expect(article(page(story)).forSubscribers).toBe(false);
    // A metered site marks its stories the same way and serves them whole: a whole story needs no note.
    const whole = `<article><h1>Bridge reopens</h1>${paragraphs()}${paragraphs()}${paragraphs()}</article>`;
    expect(article(page(whole, ld(false))).forSubscribers).toBe(false);
  });
});
