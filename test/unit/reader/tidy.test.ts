// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  dropAltCaptionOfBrokenPicture, dropEmptyParagraphs, dropStraySeparators, heardOnce, labelVideoLinks, markInlinePictures, markRepeatedCaptionWords, normalizeHeadings, revealAlts, sayAltOnce, silenceEmptyAlts, spaceCaptionParts, tidyBody, trimBlockEdges,
  unwrapDeadLinks, unwrapEmptyFigures, unwrapNamelessLinks,
} from '../../../src/reader/tidy';

function body(html: string): HTMLElement {
  const div = document.createElement('div');
  div.append(new DOMParser().parseFromString(html, 'text/html').body);
  return div.firstElementChild as HTMLElement;
}

const levels = (el: Element): string[] => Array.from(el.querySelectorAll('h1,h2,h3,h4,h5,h6'), (h) => `${h.tagName.toLowerCase()}:${h.textContent}`);

describe('normalizeHeadings', () => {
  it('puts the top headings at h2 and never skips a level, keeping their relative rank', () => {
    const el = body('<h3>A</h3><p>x</p><h4>A.1</h4><h6>A.1.a</h6><h3>B</h3><h5>B.1</h5><h1>C</h1><h2>C.1</h2>');
    normalizeHeadings(el);
    expect(levels(el)).toEqual(['h2:A', 'h3:A.1', 'h4:A.1.a', 'h2:B', 'h3:B.1', 'h2:C', 'h3:C.1']);
  });

  it('leaves a sound outline as it is, attributes and children included', () => {
    const el = body('<h2 id="one" lang="fr">One <em>here</em></h2><h3>Two</h3>');
    const first = el.firstElementChild;
    normalizeHeadings(el);
    expect(el.firstElementChild).toBe(first);
    expect(el.innerHTML).toBe('<h2 id="one" lang="fr">One <em>here</em></h2><h3>Two</h3>');
  });

  it('keeps attributes and content of a heading it renames', () => {
    const el = body('<h4 id="x" dir="rtl">Title <a href="#">link</a></h4>');
    normalizeHeadings(el);
    expect(el.innerHTML).toBe('<h2 id="x" dir="rtl">Title <a href="#">link</a></h2>');
  });
});

describe('silenceEmptyAlts', () => {
  it('makes a picture without alt, or with the headline for alt, decorative; keeps an alt that tells more, and a linked picture\'s', () => {
    const title = 'The VW ID. SPACE VIZZION is a electric wagon concept';
    const el = body(`<figure><img src="/a.jpg"></figure><figure><img src="/b.jpg" alt="The VW ID. SPACE VIZZION is a electric wagon concept"></figure>
      <figure><img src="/c.jpg" alt="The VW ID. SPACE VIZZION on the stand in Los Angeles, with its doors open"></figure>
      <a href="/gallery"><img src="/d.jpg" alt="The VW ID. SPACE VIZZION is a electric wagon concept"></a>`);
    silenceEmptyAlts(el, title);
    expect(Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('alt'))).toEqual([
      '', '', 'The VW ID. SPACE VIZZION on the stand in Los Angeles, with its doors open', 'The VW ID. SPACE VIZZION is a electric wagon concept',
    ]);
    const labelled = body('<figure><img src="/e.jpg" aria-label="Traders on the floor of the exchange"></figure>');
    silenceEmptyAlts(labelled, title);
    expect(labelled.querySelector('img')?.outerHTML).toBe('<img src="/e.jpg" alt="Traders on the floor of the exchange">');
    // A screen reader says it is an image: the label before a description goes, and a credit stays as written.
    const said = body('<figure><img src="/f.jpg" alt="Image: The house in which the composer was born, in Salzburg"></figure><figure><img src="/g.jpg" alt="Photo: Jane Doe for The Daily Post"></figure>');
    silenceEmptyAlts(said, title);
    expect(Array.from(said.querySelectorAll('img'), (img) => img.getAttribute('alt'))).toEqual(['The house in which the composer was born, in Salzburg', 'Photo: Jane Doe for The Daily Post']);
  });

  it("silences an alt that is a file's name, linked or not, and the headline with a few search keywords added", () => {
    const title = 'Meal Prep for A Little More Obsessed';
    const el = body(`<figure><img src="/a.jpg" alt="apple-iphone-11-pro-colors-091019.jpg"></figure>
      <p><a href="/uploads/010_Clymer-21.jpg"><img src="/b.jpg" alt="010_Clymer-2"></a></p>
      <figure><img src="/c.jpg" alt="Meal Prep for 80 Day Obsession, A Little More Obsessed"></figure>
      <figure><img src="/d.jpg" alt="Meal prep containers of chicken, rice and broccoli for A Little More Obsessed, set out for the week"></figure>
      <figure><img src="/e.jpg" alt="Illustration for article titled Meal Prep for A Little More Obsessed"></figure>`);
    silenceEmptyAlts(el, title);
    expect(Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('alt'))).toEqual([
      '', '', '', 'Meal prep containers of chicken, rice and broccoli for A Little More Obsessed, set out for the week', '',
    ]);
    // The link to the picture's file, named by the file's name, is left with no name: it goes, its picture stays.
    unwrapNamelessLinks(el);
    expect(el.querySelectorAll('a')).toHaveLength(0);
    expect(el.querySelectorAll('img')).toHaveLength(5);
  });

  it("silences an alt that is the picture's own file name with its dashes made spaces, on a link to that file too", () => {
    const el = body('<p><a href="https://x.test/2015/03/komentar-isis.png"><img src="https://x.test/2015/03/komentar-isis.png?w=468&amp;h=321" alt="KOMENTAR ISIS"></a></p>');
    silenceEmptyAlts(el, 'A post about the comments');
    expect(el.querySelector('img')?.getAttribute('alt')).toBe('');
  });

  it("keeps an alt that its picture's file was named after, where it reads as a description", () => {
    const alt = 'Firefighters battle wildfire near Los Angeles';
    const el = body(`<figure><img src="https://x.test/firefighters-battle-wildfire-near-los-angeles.jpg" alt="${alt}"></figure>`);
    silenceEmptyAlts(el, 'Fire season starts early');
    expect(el.querySelector('img')?.getAttribute('alt')).toBe(alt);
  });

  it('takes off a title that repeats the alt, or that would name a silenced picture, and keeps one that says more', () => {
    const el = body(`<figure><img src="/a.jpg" alt="marijuana, weed, cannabis, joint" title="marijuana, weed,  cannabis, joint"></figure>
      <figure><img src="/b.jpg" alt="Fire at the mill" title="Fire at the mill"></figure>
      <figure><img src="/c.jpg" alt="The mill at dawn" title="Photo: Ann Lee"></figure>`);
    silenceEmptyAlts(el, 'Fire at the mill');
    expect(Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('title'))).toEqual([null, null, 'Photo: Ann Lee']);
  });

  it("silences, in a figure with a caption, an alt that is the file's name or a stock library's keywords, and a title that repeats the headline", () => {
    const caption = '<figcaption>A dispensary in Denver on the first day of legal sales.</figcaption>';
    const el = body(`<figure><img src="https://x.test/1544457/marijuana-legalization-weed-statista.jpg" alt="marijuana legalization weed statista">${caption}</figure>
      <figure><img src="/stock.jpg" alt="marijuana, weed, cannabis, drug, woman, joint, stock,getty">${caption}</figure>
      <figure><img src="/dawn.jpg" alt="The mill at dawn" title="Fire at the mill: what we know">${caption}</figure>
      <figure><img src="/people.jpg" alt="Ann, Ben, Cleo, Dev">${caption}</figure>
      <figure><img src="/nocaption.jpg" alt="marijuana, weed, cannabis, drug"></figure>`);
    silenceEmptyAlts(el, 'Fire at the mill: what we know');
    const imgs = Array.from(el.querySelectorAll('img'));
    // Names and pictures with no caption keep theirs: the alt is all a listener has there.
    expect(imgs.map((img) => img.getAttribute('alt'))).toEqual(['', '', 'The mill at dawn', 'Ann, Ben, Cleo, Dev', 'marijuana, weed, cannabis, drug']);
    expect(imgs[2]!.hasAttribute('title')).toBe(false);
  });

  it("keeps alts with words in them, whatever they hold, and a file's name that names a link to another page", () => {
    const kept = ['A tweet from @Sen_JoeManchin saying he will vote no', 'Image 1 of 5: Firefighters battle the blaze on Sunday', 'Untitled 5, 1969, by Agnes Martin, oil on canvas'];
    const el = body(`${kept.map((alt, i) => `<figure><img src="/${i}.jpg" alt="${alt}"></figure>`).join('')}<p><a href="/gallery/2"><img src="/g.jpg" alt="IMG_0042"></a></p>`);
    silenceEmptyAlts(el, 'Fire at the mill');
    expect(Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('alt'))).toEqual([...kept, 'IMG_0042']);
  });
});

describe('sayAltOnce', () => {
  const tags = 'Pear & honey jam for the holidays #ad #canning #jam';
  // As written in the markup; the third picture's publishing tool escaped it twice ("&amp;amp;").
  const markup = tags.replace('&', '&amp;');
  const alts = (el: Element): (string | null)[] => Array.from(el.querySelectorAll('img'), (img) => img.getAttribute('alt'));

  it('keeps one alt set on pictures of different files at the first picture and makes the others decorative', () => {
    const el = body(
      `<figure><img src="/a/jars.jpg" alt="${markup}"></figure><p>Text.</p><img src="/a/pears.jpg" alt="${markup}">` +
        `<img src="/a/stove.jpg" alt="${tags.replace('&', '&amp;amp;')}  "><img src="/a/lid.jpg" alt="A lid on a jar of jam">`,
    );
    sayAltOnce(el);
    expect(alts(el)).toEqual([tags, '', '', 'A lid on a jar of jam']);
  });

  it('shows no such alt as a caption, under the picture that keeps it either', () => {
    const el = body(`<p>Text.</p><figure><img src="/a/jars.jpg" alt="${markup}"></figure><p>More.</p><figure><img src="/a/pears.jpg" alt="${markup}"></figure>`);
    tidyBody(el, 'Spiced pear jam', () => 'Video:');
    expect(alts(el)).toEqual([tags, '']);
    expect(el.querySelector('.alt-caption')).toBeNull();
  });

  it('leaves the alt of copies of one picture, and of a linked picture, whose link it names', () => {
    const el = body(
      `<img src="/a/jars-300x200.jpg" alt="${markup}"><img src="/a/jars-768x512.jpg" alt="${markup}">` +
        `<a href="/recipe"><img src="/a/pears.jpg" alt="Pears"></a><img src="/a/lid.jpg" alt="Pears"><a href="/jam"><img src="/a/jam.jpg" alt="Pears"></a>`,
    );
    sayAltOnce(el);
    expect(alts(el)).toEqual([tags, tags, 'Pears', 'Pears', 'Pears']);
  });
});

describe('dropStraySeparators', () => {
  it('keeps one of two separators in a row, and none at the start or end of the article', () => {
    const el = body('<hr><p>One.</p><hr>\n<hr><p>Two.</p><hr><p>Three.</p><div><hr></div><hr>');
    dropStraySeparators(el);
    expect(el.innerHTML).toBe('<p>One.</p><hr>\n<p>Two.</p><hr><p>Three.</p><div><hr></div>');
  });
});

describe('markInlinePictures', () => {
  it('marks icons and emoji as pictures of a line of text, and no photo, sized or not', () => {
    const el = body(
      '<p>I <img src="/e/heart.svg" alt="❤️"> this <img src="/i/star.png" width="16" height="16" alt="star"> bridge.</p>' +
        '<section><img src="/p/controller.jpg" alt="">The price of the controller dropped.</section><img src="/p/wide.jpg" width="800" height="450" alt="The bridge"><img src="/p/free.jpg" alt="Walkers on the bridge">',
    );
    markInlinePictures(el);
    expect(Array.from(el.querySelectorAll('img'), (img) => img.classList.contains('inline-picture'))).toEqual([true, true, false, false, false]);
  });
});

describe('tidyBody', () => {
  it('judges alts after dead links go: a picture in a link to nowhere is no link, and its headline alt is silenced', () => {
    const title = 'The VW ID. SPACE VIZZION is a electric wagon concept';
    const el = body(`<figure><a href="#lightbox-1"><img src="/b.jpg" alt="${title}"></a><figcaption>On the stand in Los Angeles.</figcaption></figure>`);
    tidyBody(el, title, () => 'Video:');
    expect(el.querySelector('a')).toBeNull();
    expect(el.querySelector('img')?.getAttribute('alt')).toBe('');
  });
});

describe('revealAlts', () => {
  it("shows a picture's alt, hidden from screen readers, where its caption is only a credit or missing; not where it has a caption or a file name for alt", () => {
    const el = body(`<figure><img src="/a.jpg" width="800" height="500" alt="Yersinia pestis bacteria, which caused the bubonic plague"><figcaption><span class="credit">Shutterstock</span></figcaption></figure>
      <figure><img src="/b.jpg" width="800" height="500" alt="A rat on a ship's rope"><figcaption>Rats carried the fleas from port to port.</figcaption></figure>
      <figure><img src="/Plague-doctor-mask-1650.jpg" width="800" height="500" alt="Plague doctor mask 1650"></figure>
      <p><img src="/d.jpg" width="800" height="500" alt="A map of the trade routes of the fourteenth century"></p>`);
    revealAlts(el, 'The Black Death');
    const shown = Array.from(el.querySelectorAll('.alt-caption'));
    expect(shown.map((s) => s.textContent)).toEqual(['Yersinia pestis bacteria, which caused the bubonic plague', 'A map of the trade routes of the fourteenth century']);
    expect(shown.every((s) => s.getAttribute('aria-hidden') === 'true')).toBe(true);
    // Above the credit.
    expect(shown[0]!.nextElementSibling?.textContent).toBe('Shutterstock');
  });

  it('shows no alt that is the story\'s title again, on a picture linked to its own file too (whose alt stays, as the link\'s name)', () => {
    const el = body(`<p><a href="/uploads/meal-1.jpg"><img src="/uploads/meal-1.jpg" width="800" height="500" alt="Meal Prep for 80 Day Obsession, A Little More Obsessed"></a></p>
      <p><img src="/b.jpg" width="800" height="500" alt="Containers of chicken, rice and greens on a counter"></p>`);
    revealAlts(el, 'Meal Prep for 80 Day Obsession: A Little More Obsessed');
    expect(Array.from(el.querySelectorAll('.alt-caption'), (s) => s.textContent)).toEqual(['Containers of chicken, rice and greens on a counter']);
  });
});

describe('dropAltCaptionOfBrokenPicture', () => {
  it("takes away the alt shown under a picture that fails to load, which the browser draws as its alt, and no other", () => {
    const el = body('<p>Text.</p><figure><img id="a" src="/a/mill.jpg" alt="The old mill at dawn"></figure><figure><img id="b" src="/a/weir.jpg" alt="The weir in flood"></figure>');
    document.body.append(el);
    el.addEventListener('error', dropAltCaptionOfBrokenPicture, true);
    revealAlts(el, 'A title');
    expect(Array.from(el.querySelectorAll('.alt-caption'), (c) => c.textContent)).toEqual(['The old mill at dawn', 'The weir in flood']);
    el.querySelector('#a')!.dispatchEvent(new Event('error'));
    expect(Array.from(el.querySelectorAll('.alt-caption'), (c) => c.textContent)).toEqual(['The weir in flood']);
    el.remove();
  });
});

describe('unwrapNamelessLinks', () => {
  it('unwraps links around decorative images or nothing, keeping what they held', () => {
    const el = body('<p><a href="/big.jpg"><img src="/small.jpg" alt=""></a> and <a href="/x"><br></a>end</p>');
    unwrapNamelessLinks(el);
    expect(el.innerHTML).toBe('<p><img src="/small.jpg" alt=""> and <br>end</p>');
  });

  it('keeps links with text, an image with alt text, or a label', () => {
    const html = '<p><a href="/a">text</a><a href="/b"><img src="/i.png" alt="A photo"></a><a href="/c" aria-label="Share"></a></p>';
    const el = body(html);
    unwrapNamelessLinks(el);
    expect(el.innerHTML).toBe(html);
  });
});

describe('unwrapDeadLinks', () => {
  it('unwraps links to a place the reader does not hold, or to nowhere, keeping what they held', () => {
    const el = body('<figure><a href="#user-content-img-1"><img src="/p.jpg" alt="A bridge"></a></figure><p><a>broken</a> and <a href="#">top</a></p>');
    unwrapDeadLinks(el);
    expect(el.innerHTML).toBe('<figure><img src="/p.jpg" alt="A bridge"></figure><p>broken and top</p>');
  });

  it('unwraps a link to the figure it sits in: it goes where the reader already is', () => {
    const el = body('<figure id="user-content-img-1"><a href="#user-content-img-1"><img src="/p.jpg" alt="A bridge"></a></figure>');
    unwrapDeadLinks(el);
    expect(el.innerHTML).toBe('<figure id="user-content-img-1"><img src="/p.jpg" alt="A bridge"></figure>');
  });

  it('keeps links to another page, and to a place the article holds (a footnote)', () => {
    const html =
      '<p><a href="https://news.example.com/a">story</a><a href="#user-content-fn%201">1</a><a href="#user-content-n2">2</a></p>' +
      '<ol><li id="user-content-fn 1">A note.</li><li><a id="user-content-n2">2.</a> A note whose number is its anchor.</li></ol>';
    const el = body(html);
    unwrapDeadLinks(el);
    expect(el.innerHTML).toBe(html);
  });
});

describe('labelVideoLinks', () => {
  const label = (n: number | null): string => (n === null ? 'Video:' : `Video ${n}:`);

  it('says "Video:" in a lone link to a video, so that its name says it, and nothing before a link in a sentence or to another page', () => {
    const el = body('<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">youtube.com</a></p><p>See <a href="https://vimeo.com/1">this clip</a> of the deck.</p><p><a href="https://news.example.com/a">More</a></p>');
    labelVideoLinks(el, label);
    expect(Array.from(el.querySelectorAll('p'), (p) => p.textContent)).toEqual(['Video: youtube.com', 'See this clip of the deck.', 'More']);
    expect(Array.from(el.querySelectorAll('a'), (a) => a.textContent)).toEqual(['Video: youtube.com', 'this clip', 'More']);
  });

  it('numbers the videos that share a name, each among its own, so that no two links say the same', () => {
    const video = (id: string, name: string): string => `<p><a href="https://www.youtube.com/watch?v=${id}">${name}</a></p>`;
    const el = body(`${video('aaaaaaaa', 'youtube.com')}<p>Between them, a paragraph.</p>${video('bbbbbbbb', 'The deck goes in')}${video('cccccccc', 'youtube.com')}${video('dddddddd', 'youtube.com')}`);
    labelVideoLinks(el, label);
    expect(Array.from(el.querySelectorAll('a'), (a) => a.textContent)).toEqual(['Video 1: youtube.com', 'Video: The deck goes in', 'Video 2: youtube.com', 'Video 3: youtube.com']);
  });

  it("says it in the reader's language inside an article in another", () => {
    document.documentElement.lang = 'en';
    const el = body('<p lang="pt-BR"><a href="https://www.youtube.com/watch?v=s2UlgG31C4g">youtube.com</a></p>');
    labelVideoLinks(el, label);
    expect(el.querySelector('p > a > span')?.outerHTML).toBe('<span lang="en">Video:</span>');
    document.documentElement.removeAttribute('lang');
  });
});

describe('trimBlockEdges', () => {
  it('takes the line breaks and blank space off the edges of a block, and keeps those between its words', () => {
    const el = body('<p>&nbsp;<br> BAAR, SWITZERLAND<br>The company said.<br></p><p><br></p>');
    trimBlockEdges(el);
    expect(el.innerHTML).toBe('<p> BAAR, SWITZERLAND<br>The company said.</p><p><br></p>');
  });
});

describe('dropEmptyParagraphs', () => {
  it('removes paragraphs with no words and nothing to see, and keeps one that holds a picture', () => {
    const el = body('<p>One.</p><p></p><p>&nbsp;</p><p> <br> </p><p><img src="/a.jpg" alt=""></p><p id="more"></p><p><span id="note-1"></span></p><p>Two.</p>');
    dropEmptyParagraphs(el);
    // One a link may land on stays.
    expect(el.innerHTML).toBe('<p>One.</p><p><img src="/a.jpg" alt=""></p><p id="more"></p><p><span id="note-1"></span></p><p>Two.</p>');
  });
});

describe('unwrapEmptyFigures', () => {
  it('unwraps a figure of silenced pictures with no caption, and keeps one with a caption or a named picture', () => {
    const el = body('<figure><img src="/a.jpg" alt=""></figure><figure><img src="/b.jpg" alt=""><figcaption>Crews at work.</figcaption></figure><figure><img src="/c.jpg" alt="The bridge"></figure>');
    unwrapEmptyFigures(el);
    expect(el.innerHTML).toBe('<img src="/a.jpg" alt=""><figure><img src="/b.jpg" alt=""><figcaption>Crews at work.</figcaption></figure><figure><img src="/c.jpg" alt="The bridge"></figure>');
  });

  it('in tidyBody, unwraps a figure whose only picture had no alt, once its alt is silenced', () => {
    const el = body('<p>Story.</p><figure><img src="/cook-400.jpg" title=""><figcaption><p></p></figcaption></figure>');
    tidyBody(el, 'A title', () => 'Video:');
    expect(el.querySelector('figure, figcaption')).toBeNull();
    expect(el.querySelector('img')?.getAttribute('alt')).toBe('');
  });
});

describe('spaceCaptionParts', () => {
  it('puts a space between caption parts set apart by a margin alone, and none inside a word or before punctuation', () => {
    const el = body('<figure><figcaption><span>Speaking at the Capitol on July 25, 2019.</span><span>J. Scott Applewhite / AP</span></figcaption></figure><figure><figcaption><span>(</span><span>Photo</span><span>)</span> <b>Ann</b><i>’s</i><span>Done!</span><span>”</span></figcaption></figure>');
    spaceCaptionParts(el);
    expect(el.querySelectorAll('figcaption')[0]!.textContent).toBe('Speaking at the Capitol on July 25, 2019. J. Scott Applewhite / AP');
    expect(el.querySelectorAll('figcaption')[1]!.textContent).toBe('(Photo) Ann’sDone!”');
  });
});

describe('markRepeatedCaptionWords and heardOnce', () => {
  const ALT = 'A 2001 file photo of a ferry captain pointing to a chart of the harbour during a visit to the port office';

  it('hides the words a caption repeats from the alt, keeps them visible, and keeps the credit heard', () => {
    const el = body(`<p>Text before the picture, long enough to be a paragraph of the story.</p><figure><img src="https://x.test/a.jpg" alt="${ALT}"><figcaption>${ALT}. Photo: AP</figcaption></figure>`);
    markRepeatedCaptionWords(el);
    heardOnce(el, true);
    const caption = el.querySelector('figcaption')!;
    expect(caption.textContent).toBe(`${ALT}. Photo: AP`);
    expect(caption.getAttribute('aria-hidden')).toBeNull();
    const hidden = Array.from(caption.querySelectorAll('[aria-hidden="true"]'), (h) => h.textContent).join('');
    expect(hidden).toContain(ALT);
    expect(hidden).not.toContain('Photo: AP');
    expect(el.querySelector('img')!.getAttribute('alt')).toBe(ALT);
    // Pictures hidden: their alt is not heard, so the caption is, whole.
    heardOnce(el, false);
    expect(caption.querySelector('[aria-hidden]')).toBeNull();
    heardOnce(el, true);
    expect(caption.querySelector('[aria-hidden="true"]')?.textContent).toContain(ALT);
  });

  it('hides the repeated words before a credit set in parts ("Credit..." and a name)', () => {
    const el = body(`<figure><img src="https://x.test/a.jpg" alt="${ALT}."><figcaption><span>${ALT}.</span><span><span>Credit...</span><span>Anna Moneymaker/The Harbour Times</span></span></figcaption></figure>`);
    markRepeatedCaptionWords(el);
    heardOnce(el, true);
    const hidden = Array.from(el.querySelectorAll('figcaption [aria-hidden="true"]'), (h) => h.textContent).join('');
    expect(hidden).toBe(`${ALT}.`);
  });

  it('leaves a caption that says something the alt does not', () => {
    const el = body(`<figure><img src="https://x.test/a.jpg" alt="${ALT}"><figcaption>The captain retired last spring after forty years on the crossing.</figcaption></figure>`);
    const before = el.innerHTML;
    markRepeatedCaptionWords(el);
    heardOnce(el, true);
    expect(el.innerHTML).toBe(before);
  });
});
