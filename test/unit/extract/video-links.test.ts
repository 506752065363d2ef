import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { videoLink } from '../../../src/core/extract/video-links';
import { BASE, PROSE, load, page } from './helpers';

describe('videoLink', () => {
  const iframe = (attrs: string): Element => load(`<body><div><iframe ${attrs}></iframe></div></body>`).querySelector('iframe')!;

  it("stands a YouTube player's watch page for it, named by the player's title, else by its host", () => {
    const named = videoLink(iframe('src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" title="Crews lift the new deck into place"'), BASE)!;
    expect(named.tagName).toBe('P');
    expect(named.querySelector('a')?.getAttribute('href')).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(named.textContent).toBe('Crews lift the new deck into place');
    const generic = videoLink(iframe('src="https://player.vimeo.com/video/76979871" title="vimeo Player"'), BASE)!;
    expect(generic.querySelector('a')?.getAttribute('href')).toBe('https://player.vimeo.com/video/76979871');
    expect(generic.textContent).toBe('player.vimeo.com');
  });

  it('leaves other frames alone: a map, a poll, a form, a script address', () => {
    for (const attrs of ['src="https://maps.example.com/embed?pb=1"', 'src="https://polls.example.com/q/12"', 'src="javascript:alert(1)"', '']) {
      expect(videoLink(iframe(attrs), BASE), attrs).toBeNull();
    }
  });
});

describe('extractArticle: an embedded video', () => {
  it('is a link to the video in the reader, where the story says to watch it', () => {
    const [first, ...rest] = PROSE.map((p) => `<p>${p}</p>`);
    const html = page(`<article><h1>Bridge reopens</h1>${first}<p>Watch the deck go in:</p><figure><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video player"></iframe></figure>${rest.join('')}</article>`);
    const a = extractArticle(load(html))!;
    const body = load(`<body>${a.contentHtml}</body>`).body;
    const link = Array.from(body.querySelectorAll('a')).find((el) => el.getAttribute('href') === 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(link?.textContent).toBe('youtube.com');
    expect(body.querySelector('iframe')).toBeNull();
  });

  it("without a title of its own is named by its figure's caption, which the link then replaces", () => {
    const [first, ...rest] = PROSE.map((p) => `<p>${p}</p>`);
    const player = '<iframe src="https://news.example/embed/video/?v=2191"></iframe>';
    const html = page(`<article><h1>Bridge reopens</h1>${first}<figure><div class="player">${player}</div><figcaption><span>Day 3: the deck is lifted into place</span></figcaption></figure>
      <figure>${player.replace('2191', '2192')}<figcaption>Crews worked through the night to lift the deck, watched by a crowd on the far bank who had waited since the afternoon for the first section to move.</figcaption></figure>${rest.join('')}</article>`);
    const body = load(`<body>${extractArticle(load(html))!.contentHtml}</body>`).body;
    const titled = Array.from(body.querySelectorAll('a')).find((el) => el.getAttribute('href')?.endsWith('2191'));
    expect(titled?.textContent).toBe('Day 3: the deck is lifted into place');
    expect(body.textContent?.split('Day 3: the deck').length).toBe(2);
    // A caption that describes the video rather than naming it stays a caption, under a link named by the host.
    expect(Array.from(body.querySelectorAll('a')).find((el) => el.getAttribute('href')?.endsWith('2192'))?.textContent).toBe('news.example');
    expect(body.querySelector('figcaption')?.textContent).toContain('Crews worked through the night');
    // A caption that only credits the video stays its caption, and the video stays.
    const credited = load(`<body>${extractArticle(load(page(`<article><h1>Bridge reopens</h1>${first}<figure><iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe><figcaption>Video: Ann Lee / River Post</figcaption></figure>${rest.join('')}</article>`)))!.contentHtml}</body>`).body;
    expect(credited.querySelector('a[href*="abcdefghijk"]')?.textContent).toBe('youtube.com');
    expect(credited.textContent).toContain('Video: Ann Lee / River Post');
  });

  it("is kept where the site drew a box named as clutter around the player (an overlay with its buttons) above the story, and not from a box of other videos", () => {
    const [first, ...rest] = PROSE.map((p) => `<p>${p}</p>`);
    // Above the story's first paragraph, in wrappers with the player's icon sprite: Readability drops a div that is all link.
    const html = page(`<article><h1>Bridge reopens</h1><figure class="embed"><div class="embed__content-wrapper"><div class="embed__resizer"></div>
      <svg style="position:absolute;width:0;height:0"><defs><symbol id="icon-play"><path d="M4 4h10"/></symbol></defs></svg>
      <div class="embed__content--draggable"><div class="player-overlay__container"><button aria-label="Disable small player"></button>
      <iframe src="https://news.example/embed/video/?v=2189" title="Video shows the deck lifted into place"></iframe></div></div></div></figure>
      <figure><div class="player-overlay"><span class="player-overlay__title"> Divers inspect the piers </span><button aria-label="Close"></button>
      <iframe src="https://news.example/embed/video/?v=2190"></iframe></div></figure>${first}${rest.join('')}
      <div class="related-videos"><h4>More videos</h4><iframe src="https://www.youtube.com/embed/abcdefgh1"></iframe><p>Ferry strike ends after two weeks of talks</p><p>Mayor opens the riverside park in the rain</p></div></article>`);
    const body = load(`<body>${extractArticle(load(html))!.contentHtml}</body>`).body;
    expect(Array.from(body.querySelectorAll('a')).find((el) => el.getAttribute('href') === 'https://news.example/embed/video/?v=2189')?.textContent).toBe('Video shows the deck lifted into place');
    // A player with no title of its own is named by its box's title bar, not by its host.
    expect(Array.from(body.querySelectorAll('a')).find((el) => el.getAttribute('href') === 'https://news.example/embed/video/?v=2190')?.textContent).toBe('Divers inspect the piers');
    expect(body.querySelector('a[href*="abcdefgh1"]')).toBeNull();
    // A related video alone in its box, or a video advertisement: the box goes with its player.
    const [second, ...others] = rest;
    const boxed = (box: string): string => extractArticle(load(page(`<article><h1>Bridge reopens</h1>${first}${second}${box}${others.join('')}</article>`)))!.contentHtml;
    expect(boxed('<div class="related-video"><h4>Related</h4><iframe src="https://www.youtube.com/embed/relatedvid1" title="Ferry strike ends after two weeks"></iframe></div>')).not.toContain('relatedvid1');
    expect(boxed('<div class="ad-slot"><span>Advertisement</span><iframe src="https://ads.adnet.example/video/player?slot=3"></iframe></div>')).not.toContain('adnet');
  });
});

describe('extractArticle: a player drawn as its poster', () => {
  const [first, ...rest] = PROSE.map((p) => `<p>${p}</p>`);
  const story = (player: string): Element =>
    load(`<body>${extractArticle(load(page(`<article><h1>Bridge reopens</h1>${first}${player}${rest.join('')}</article>`)))!.contentHtml}</body>`).body;

  it("is a link to the video, named by the poster's alt, not a photo", () => {
    const body = story('<div class="video-player" data-video-id="61"><a href="https://video.example.com/v/61"><img src="https://cdn.example.com/deck.jpg" alt="Crews lift the deck into place"><span class="overlay">Video</span></a></div>');
    const link = body.querySelector('a[href="https://video.example.com/v/61"]');
    expect(link?.textContent).toBe('Crews lift the deck into place');
    expect(link?.parentElement?.tagName).toBe('P');
    expect(body.querySelector('img[src="https://cdn.example.com/deck.jpg"]')).toBeNull();
  });

  it('stays a picture where the link goes to no video, or where no player box holds it', () => {
    const toStory = story('<div class="video-player"><a href="https://news.example.com/2019/11/deck"><img src="https://cdn.example.com/deck.jpg" alt="Crews lift the deck into place"></a></div>');
    expect(toStory.querySelector('img[src="https://cdn.example.com/deck.jpg"]')).not.toBeNull();
    const noPlayer = story('<figure><a href="https://news.example.com/videos/deck"><img src="https://cdn.example.com/deck.jpg" alt="Crews lift the deck into place"></a><figcaption>The deck goes in.</figcaption></figure>');
    expect(noPlayer.querySelector('img[src="https://cdn.example.com/deck.jpg"]')).not.toBeNull();
  });
});
