import { describe, expect, it } from 'vitest';
import { captionsAsFigures } from '../../../src/core/extract/caption-figures';
import { extractArticle } from '../../../src/core/extract/index';
import { PROSE, load, page } from './helpers';

const CAPTIONED = '<div class="media" id="box"><a href="#" class="zoom">Enlarge image</a><img src="/img/diver.jpg" alt="A diver under the bridge"><div class="media-caption">A diver checks the piers below the waterline.</div><span class="photoCredit">Photo: Ann Lee</span></div>';

/** The story with `block` between its first and second paragraphs. */
function story(block: string): string {
  const [first, ...rest] = PROSE.map((p) => `<p>${p}</p>`);
  return page(`<article><h1>Bridge reopens after repairs</h1>${first}${block}${rest.join('')}</article>`);
}

/** The named caption parts of a page, as the pre-processing's walk finds them. */
function namedParts(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('[class*="caption" i], [class*="credit" i]'));
}

describe('captionsAsFigures', () => {
  it('makes a picture box with a caption and a credit one figure with one figcaption, words in order', () => {
    const doc = load(story(CAPTIONED));
    expect(captionsAsFigures(namedParts(doc))).toBe(1);
    const figure = doc.getElementById('box')!;
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.getAttribute('class')).toBe('media');
    expect(figure.querySelectorAll('figcaption')).toHaveLength(1);
    expect(figure.querySelector('figcaption')!.textContent).toBe('A diver checks the piers below the waterline. Photo: Ann Lee');
    expect(figure.querySelector('img + figcaption')).not.toBeNull();
    // The site's zoom switch beside the picture goes nowhere: not part of the figure.
    expect(figure.textContent).not.toContain('Enlarge');
  });

  it("makes a paragraph holding a player's still and title, and the caption set after it, one figure whose caption the reader keeps", () => {
    const still = '<p id="still"><span class="embedded video"><span class="title">Watch: the deck goes in</span><img src="/img/deck.jpg" alt="Watch: the deck goes in"></span></p>';
    const caption = '<div class="embeddedMediaCaption medium"><div><p>Crews lower the last section of the steel deck into place.</p></div><span class="pub">(Published Monday)</span></div>';
    const doc = load(story(still + caption));
    expect(captionsAsFigures(namedParts(doc))).toBe(1);
    const figure = doc.getElementById('still')!.parentElement!;
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.querySelector('figcaption')?.textContent).toBe('Crews lower the last section of the steel deck into place.(Published Monday)');
    // Readability removes a box named "...Media..." as clutter: kept whole as a figure, the caption reaches the reader.
    expect(extractArticle(load(story(still + caption)))!.textContent).toContain('Crews lower the last section of the steel deck into place.');
    // Not a paragraph of the story with a picture in it.
    const prose = load(story(`<p id="inline">${PROSE[0]} <img src="/img/icon.png" alt=""></p>${caption}`));
    expect(captionsAsFigures(namedParts(prose))).toBe(0);
  });

  it("gives a credit set after a long caption, in the caption's own box, to the same figcaption", () => {
    const long = 'The Walt Disney Co. said overwhelming consumer demand led to some problems as it rolled out the new streaming service.';
    const doc = load(story(`<figure id="fig"><img src="/img/a.jpg" alt="" width="840" height="548"><div class="Figure-content"><div class="Figure-caption">${long}<br></div><div class="Figure-credit">(Reed Saxon / Associated Press)</div></div></figure>`));
    captionsAsFigures(namedParts(doc));
    const caption = doc.querySelector('#fig figcaption')!;
    expect(caption.textContent?.replace(/\s+/g, ' ').trim()).toBe(`${long} (Reed Saxon / Associated Press)`);
  });

  it('gives a figure that has a div caption its figcaption', () => {
    const doc = load(story('<figure id="box"><img src="/img/a.jpg" alt=""><div class="caption">Crews lift the new deck into place.</div></figure>'));
    expect(captionsAsFigures(namedParts(doc))).toBe(1);
    expect(doc.querySelector('#box > figcaption > .caption')).not.toBeNull();
  });

  it("lifts the caption out of a wrapper inside the box (Readability would drop an 'image-meta' with it), and adds a credit to a figure's own figcaption", () => {
    const meta = '<div class="asset" id="box"><div><img src="/img/a.jpg" alt=""></div><div class="image-meta"><div class="image-caption">The quarterback runs in a touchdown.</div><div class="image-credit">Ann Lee, Agency</div></div></div>';
    const doc = load(story(meta));
    expect(captionsAsFigures(namedParts(doc))).toBe(1);
    expect(doc.querySelector('#box > figcaption')?.textContent).toBe('The quarterback runs in a touchdown. Ann Lee, Agency');
    expect(doc.querySelector('.image-meta')).toBeNull();
    const credited = load(story('<figure id="fig"><img src="/img/b.jpg" alt=""><figcaption>An artist’s illustration of a plume of water vapour rising from the icy surface of a moon of Jupiter.</figcaption><p class="credit">(Image: NASA)</p></figure>'));
    expect(captionsAsFigures(namedParts(credited))).toBe(1);
    expect(credited.querySelectorAll('#fig figcaption')).toHaveLength(1);
    expect(credited.querySelector('#fig > figcaption')?.textContent).toBe('An artist’s illustration of a plume of water vapour rising from the icy surface of a moon of Jupiter. (Image: NASA)');
  });

  it("finds the box through a page's <noscript> fallback copy, and gives a credit inside a figure's picture wrapper to the figure's own figcaption", () => {
    const lazy = load(story('<div class="photo" id="box"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" alt=""><noscript><img src="/img/a.jpg" alt=""></noscript><div class="caption">Crews at work on the deck.</div></div>'));
    expect(captionsAsFigures(namedParts(lazy))).toBe(1);
    expect(lazy.getElementById('box')!.tagName).toBe('FIGURE');
    const nested = load(story('<figure id="fig"><div class="image-wrapper"><img src="/img/b.jpg" alt=""><span class="credit">AP Photo</span></div><figcaption>The deck at night.</figcaption></figure>'));
    expect(captionsAsFigures(namedParts(nested))).toBe(1);
    expect(nested.querySelectorAll('figure')).toHaveLength(1);
    expect(nested.querySelector('#fig > figcaption')?.textContent).toBe('The deck at night. AP Photo');
  });

  it('leaves alone a teaser in an aside, a paragraph with a picture and a credit in its sentence, and a picture in an inline box', () => {
    const aside = '<aside><a href="/2024/03/ferry-strike.html"><img src="/img/ferry.jpg" alt=""></a><p class="caption"><a href="/2024/03/ferry-strike.html">Ferry strike ends after ten days</a></p></aside>';
    const paragraph = '<p><img src="/img/c.jpg" alt=""> <span class="credit">Photo: Ann Lee</span> Crews worked through the night on the deck.</p>';
    const inline = '<p>Before: <span class="image"><img src="/img/d.jpg" alt=""><span class="caption">The old deck.</span></span> and after.</p>';
    const html = story(aside + paragraph + inline);
    const doc = load(html);
    expect(captionsAsFigures(namedParts(doc))).toBe(0);
    expect(doc.body.innerHTML).toBe(load(html).body.innerHTML);
  });

  it('leaves alone a gallery, a box with more to read than a caption, a caption with no picture, and a real figcaption', () => {
    const gallery = '<div class="slides"><img src="/1.jpg" alt=""><img src="/2.jpg" alt=""><div class="caption">Two views of the bridge.</div></div>';
    const wrapper = `<div class="story-with-captions"><img src="/3.jpg" alt=""><div class="caption">The bridge at dawn.</div><p>${PROSE[0]}</p></div>`;
    const alone = '<div class="caption-note">Captions by the photo desk.</div>';
    const proper = '<figure><img src="/4.jpg" alt=""><figcaption class="caption">Already a caption.</figcaption></figure>';
    const html = story(gallery + wrapper + alone + proper);
    const doc = load(html);
    expect(captionsAsFigures(namedParts(doc))).toBe(0);
    expect(doc.body.innerHTML).toBe(load(html).body.innerHTML);
  });
});

describe('extractArticle: a picture box built from divs', () => {
  it('keeps the picture and its caption, as a figure, where Readability alone drops a box whose class it scores as clutter', () => {
    const a = extractArticle(load(story(CAPTIONED)))!;
    const body = load(`<body>${a.contentHtml}</body>`).body;
    expect(body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example.com/img/diver.jpg');
    expect(body.querySelector('figure figcaption')?.textContent).toContain('A diver checks the piers below the waterline.');
    // In its place in the story, after the first paragraph, not as one more paragraph of it.
    expect(body.querySelector('p + figure')).not.toBeNull();
    expect(Array.from(body.querySelectorAll('p')).filter((p) => !p.closest('figure')).map((p) => p.textContent)).not.toContain('A diver checks the piers below the waterline.');
  });
});

describe('extractArticle: captions set apart the old way or wrapped with their credit', () => {
  const figures = (html: string): Element[] => {
    const article = extractArticle(load(story(html)))!;
    return Array.from(new DOMParser().parseFromString(article.contentHtml, 'text/html').querySelectorAll('figure'));
  };

  it('makes a picture and the <center> line under it a figure, and turns a <center> of words alone into a paragraph', () => {
    const [figure] = figures('<img src="/img/keys.jpg" alt=""><center><em>The new keyboard via <a href="https://repair.example/keys">Repair Co</a></em></center> <br>');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('The new keyboard via Repair Co');
    expect(figure?.querySelector('img')).not.toBeNull();
    const article = extractArticle(load(story('<center>Crews worked through the night, the city said, to finish the deck before the frost.</center>')))!;
    const body = new DOMParser().parseFromString(article.contentHtml, 'text/html').body;
    expect(body.querySelector('center')).toBeNull();
    expect(Array.from(body.querySelectorAll('p'), (p) => p.textContent).some((t) => t?.startsWith('Crews worked through the night'))).toBe(true);
    // A long centred block under a picture is the story's.
    expect(figures(`<p><img src="/img/deck.jpg" alt=""></p><center>${PROSE[0]} ${PROSE[1]}</center>`)).toHaveLength(0);
  });

  it('makes a line in italics under a picture, the only words of their box, a figure with that line as its caption', () => {
    const [figure] = figures('<div class="embedbox middle"><img src="/img/cal.jpg" alt=""><br><em>Cal, the best new character of the year.</em></div>');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('https://news.example.com/img/cal.jpg');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('Cal, the best new character of the year.');
    // Italics with other words in their box are the story's emphasis.
    expect(figures('<div class="embedbox"><img src="/img/cal.jpg" alt=""><br>Cal is <em>the best new character</em> of the year, the studio says.</div>')).toHaveLength(0);
  });

  it("makes a box named as a caption that holds its picture too (an editor's image with caption) a figure, in place of its paragraph", () => {
    const [figure] = figures('<p><span class="wf_caption"><a href="https://photos.example/map"><img src="/img/map.jpg" alt="river map" width="700"></a><span>The first map of the river. (<a href="https://maps.example/">Maps Co</a>)</span></span></p>');
    expect(figure?.querySelector('a img')?.getAttribute('alt')).toBe('river map');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('The first map of the river. (Maps Co)');
    expect(figure?.parentElement?.tagName).not.toBe('P');
    // Words before the picture: a paragraph with a picture in it, not a captioned picture.
    expect(figures('<p><span class="caption">See the map: <img src="/img/map.jpg" alt="river map" width="700"> for the route.</span></p>')).toHaveLength(0);
  });

  it("moves a figcaption wrapped with its credit out of the box, the credit inside it, as the figure's own caption", () => {
    const [figure] = figures('<figure><span><img src="/img/smog.jpg" alt="The bridge in smog"></span><span class="meta"><figcaption>Smog over the river on Friday.</figcaption><cite>Ann Lee/Getty Images</cite></span></figure>');
    const caption = figure?.querySelector('figcaption');
    expect(caption?.parentElement).toBe(figure);
    expect(caption?.textContent).toBe('Smog over the river on Friday. Ann Lee/Getty Images');
    // A box that holds more than a caption and a credit is left as it is.
    const long = `<figure><img src="/img/smog.jpg" alt="The bridge in smog"><div><figcaption>Smog over the river.</figcaption><p>${PROSE[1]}</p></div></figure>`;
    expect(figures(long)[0]?.querySelector('figcaption')?.parentElement?.tagName).not.toBe('FIGURE');
  });

  it('moves a credit set by the picture inside the figure into its caption, or makes it the caption where there is none', () => {
    const picture = '<span class="image-and-copyright-container"><img src="/img/deck.jpg" alt="The deck"><span class="story-image-copyright">Getty Images</span></span>';
    const [captioned] = figures(`<figure>${picture}<figcaption>The new deck goes in.</figcaption></figure>`);
    expect(captioned?.querySelector('figcaption')?.textContent).toBe('The new deck goes in. Getty Images');
    expect(captioned?.querySelector('img')).not.toBeNull();
    const [bare] = figures(`<figure>${picture}</figure>`);
    expect(bare?.lastElementChild?.tagName).toBe('FIGCAPTION');
    expect(bare?.querySelector('figcaption')?.textContent?.trim()).toBe('Getty Images');
  });

  it("joins figcaptions set side by side with the picture in a box of the figure into the figure's one caption", () => {
    const [figure] = figures('<figure><div><span><img src="/img/down.jpg" alt="Duck down drying"></span><figcaption>Duck down drying after it is cleaned.</figcaption><figcaption>Photo: Getty Images</figcaption></div></figure>');
    const captions = figure?.querySelectorAll('figcaption');
    expect(captions).toHaveLength(1);
    expect(captions?.[0]?.parentElement).toBe(figure);
    expect(captions?.[0]?.textContent).toBe('Duck down drying after it is cleaned. Photo: Getty Images');
    expect(figure?.querySelector('img')).not.toBeNull();
    // One figcaption after the picture in the figure's box comes out too; one with words after it stays.
    const [one] = figures('<figure><div><picture><img src="/img/down.jpg" alt="Duck down"></picture><figcaption>Duck down drying.</figcaption></div></figure>');
    expect(one?.querySelector('figcaption')?.parentElement).toBe(one);
    const [kept] = figures('<figure><div><img src="/img/down.jpg" alt="Duck down"><figcaption>Duck down drying.</figcaption><span>Photo: Ann Lee</span></div></figure>');
    expect(kept?.querySelector('figcaption')?.parentElement).not.toBe(kept);
    // A blank that never loads, whose alt only frames the headline, with a credit alone: nothing to show.
    const blank = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
    const title = 'Illustration for article titled Bridge reopens after repairs';
    expect(figures(`<figure><div><img src="${blank}" alt="${title}"><figcaption>Photo: Ann Lee</figcaption></div></figure>`)).toHaveLength(0);
  });
});
