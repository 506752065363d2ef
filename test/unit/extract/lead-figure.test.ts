import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { load, page, paragraphs } from './helpers';

const PHOTO = '<figure id="lead"><img src="/img/bridge.jpg" srcset="/img/bridge-640.jpg 640w, /img/bridge-1280.jpg 1280w" alt="The bridge at dawn"><figcaption>The bridge at dawn on its first day. Photo: River Post</figcaption></figure>';

/** A news page whose lead picture sits beside the block of the story's text. */
function layout(figure: string, before = ''): string {
  return page(`<div class="column">${before}<h1>Bridge reopens after repairs</h1><p class="byline">By Ann Lee</p>${figure}<div class="story-text">${paragraphs()}</div></div>`);
}

describe('the lead picture', () => {
  it('is put back at the top of the article, with its caption and absolute addresses', () => {
    const a = extractArticle(load(layout(PHOTO)))!;
    const body = load(`<body>${a.contentHtml}</body>`).body;
    const figure = body.querySelector('figure');
    expect(figure).not.toBeNull();
    // Before the story's first paragraph.
    expect(figure!.compareDocumentPosition(body.querySelector('p')!) & 4).toBeTruthy();
    expect(figure!.querySelector('img')!.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg');
    expect(figure!.querySelector('img')!.getAttribute('srcset')).toBe('https://news.example.com/img/bridge-640.jpg 640w, https://news.example.com/img/bridge-1280.jpg 1280w');
    expect(a.textContent).toContain('The bridge at dawn on its first day. Photo: River Post');
  });

  it('is found under a standfirst that says the page\'s description where each paragraph of the story sits in a box of its own', () => {
    const dek = 'Crews finished the deck two months early, and the bridge opens to traffic on Monday.';
    const own = paragraphs().split('\n').map((p) => `<div class="para">${p}</div>`).join('');
    const html = page(
      `<div class="column"><h1>Bridge reopens after repairs</h1><p class="dek">${dek}</p>${PHOTO}<div class="story-text">${own}</div></div>`,
      `<meta name="description" content="${dek}">`,
    );
    const a = extractArticle(load(html))!;
    expect(load(`<body>${a.contentHtml}</body>`).body.querySelector('figure img')?.getAttribute('alt')).toBe('The bridge at dawn');
  });

  it('is found outside any figure where the page names it as the story\'s picture, and not where it does not', () => {
    const named = '<div class="article__featured-image-wrapper"><img src="/img/bridge.jpg?w=600" class="article__featured-image" alt="The bridge at dawn"></div>';
    const a = extractArticle(load(layout(named)))!;
    const img = load(`<body>${a.contentHtml}</body>`).body.querySelector('figure img');
    expect(img?.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg?w=600');
    expect(img?.getAttribute('alt')).toBe('The bridge at dawn');
    const unnamed = extractArticle(load(layout('<div class="wrapper"><img src="/img/banner.jpg" alt=""></div>')))!;
    expect(unnamed.contentHtml).not.toContain('banner.jpg');
  });

  it("is found as WordPress's featured image or as the picture the page shares (og:image), with the caption named so after it", () => {
    const caption = '<div class="caption-text-block"><p>The bridge at dawn on its first day. (Ann Lee/AP)</p></div>';
    const wordpress = extractArticle(load(layout(`<div class="img-box"><img class="attachment-large size-large wp-post-image" src="/img/bridge.jpg" alt=""></div>${caption}`)))!;
    const figure = load(`<body>${wordpress.contentHtml}</body>`).body.querySelector('figure');
    expect(figure?.querySelector('img')?.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg');
    expect(figure?.querySelector('figcaption')?.textContent).toBe('The bridge at dawn on its first day. (Ann Lee/AP)');
    expect(wordpress.textContent.split('on its first day.')).toHaveLength(2);
    const html = layout('<div class="field-image"><img class="caption" src="/styles/detail/bridge-1574.jpg?itok=4" width="700" height="441" alt="The bridge at dawn"></div>')
      .replace('</head>', '<meta property="og:image" content="https://news.example.com/files/bridge-1574.jpg"></head>');
    const shared = extractArticle(load(html))!;
    expect(load(`<body>${shared.contentHtml}</body>`).body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example.com/styles/detail/bridge-1574.jpg?itok=4');
    // A resized copy of the shared picture, named with its size.
    const resized = layout('<div class="article-photo"><img class="setborder" src="/uploads/2019/11/Bridge-reopens-680x365_c.jpg" alt=""></div>')
      .replace('</head>', '<meta property="og:image" content="https://news.example.com/uploads/2019/11/Bridge-reopens.jpg"></head>');
    expect(extractArticle(load(resized))!.contentHtml).toContain('Bridge-reopens-680x365_c.jpg');
  });

  it("is found where the shared picture is one of the sizes its <picture> offers, and keeps them for the browser to pick from", () => {
    const stand = 'data:image/png;base64,iVBORw0KGgo=';
    const sizes = '/files/xs/bridge-b.jpg 320w, /files/article/bridge-a.jpg 980w';
    const cover = `<div class="cover"><div class="media"><picture><source srcset="${stand}" data-srcset="${sizes}"><img class="lazyload" src="/files/xs/bridge-b.jpg" alt=""></picture></div></div>`;
    const html = layout(cover).replace('</head>', '<meta property="og:image" content="https://news.example.com/files/article/bridge-a.jpg"></head>');
    const figure = load(`<body>${extractArticle(load(html))!.contentHtml}</body>`).body.querySelector('figure');
    expect(figure?.querySelector('picture source')?.getAttribute('srcset')).toBe('https://news.example.com/files/xs/bridge-b.jpg 320w, https://news.example.com/files/article/bridge-a.jpg 980w');
    expect(figure?.querySelector('picture img')?.getAttribute('src')).toBe('https://news.example.com/files/xs/bridge-b.jpg');
    // Offered nowhere in it: another picture, left out.
    expect(extractArticle(load(html.replace('article/bridge-a.jpg">', 'article/ferry.jpg">')))!.contentHtml).not.toContain('<figure');
  });

  it('is found under a standfirst long enough to pass for the story, and with a credit set outside its caption', () => {
    const standfirst = '<p class="standfirst">The river crossing that carried twelve thousand cars a day is open again after two years of work on its steel.</p>';
    const credited = PHOTO.replace('</figure>', '<cite>Maria Jensen / River Post Photo Agency</cite></figure>');
    const a = extractArticle(load(layout(standfirst + credited)))!;
    const body = load(`<body>${a.contentHtml}</body>`).body;
    expect(body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg');
    expect(a.textContent).toContain('Maria Jensen / River Post Photo Agency');
  });

  it("leaves out the labels the page hides on screen for screen readers, keeping the words beside them apart", () => {
    const labelled = PHOTO.replace('<figcaption>', '<figcaption><span class="vh">Image caption</span>').replace(
      'Photo: River Post',
      '<span><span class="vh">Credit...</span>River Post</span>',
    );
    const doc = load(layout(labelled));
    const labels = Array.from(doc.querySelectorAll('.vh'));
    const a = extractArticle(doc, { screenReaderLabels: labels })!;
    expect(a.textContent).toContain('The bridge at dawn on its first day. River Post');
    expect(a.textContent).not.toMatch(/Image caption|Credit\.\.\./);
    // The page itself is not changed.
    expect(doc.querySelectorAll('.vh')).toHaveLength(2);
    expect(extractArticle(doc)!.textContent).toContain('Image caption');
  });

  it('is found with its caption in a block named so, not a figcaption; an author headshot is not it', () => {
    const divCaption = PHOTO.replace('<figcaption>', '<div class="Figure-caption">').replace('</figcaption>', '</div>');
    expect(extractArticle(load(layout(divCaption)))!.contentHtml).toContain('bridge.jpg');
    // A figure whose own class names its caption still has one inside.
    const named = PHOTO.replace('<figure id="lead">', '<figure id="lead" class="article-mediaCaption">');
    expect(extractArticle(load(layout(named)))!.contentHtml).toContain('bridge.jpg');
    const headshot = '<figure class="author-photo"><img src="/img/ann-lee.jpg" width="70" height="70" alt="Ann Lee"></figure>';
    expect(extractArticle(load(layout(headshot)))!.contentHtml).not.toContain('ann-lee.jpg');
    // A size in per cent is the column's, not a thumbnail's.
    const fullWidth = PHOTO.replace('alt="The bridge at dawn"', 'alt="The bridge at dawn" width="100%"');
    expect(extractArticle(load(layout(fullWidth)))!.contentHtml).toContain('bridge.jpg');
  });

  it('is not shown twice when Readability kept it', () => {
    const html = page(`<article><h1>Bridge reopens after repairs</h1>${paragraphs(2)}${PHOTO}${paragraphs(3)}</article>`);
    const a = extractArticle(load(html))!;
    expect(a.contentHtml.match(/<img/g)).toHaveLength(1);
  });

  it("is a hero above the headline, in the headline's own box, where the page's data names it (microdata or og:image), not its class alone", () => {
    const hero = (img: string, head = ''): string =>
      page(
        `<div class="column"><div class="article-header">${img}<div class="header-title"><h1>Bridge reopens after repairs</h1></div></div><p class="byline">By Ann Lee</p><div class="story-text">${paragraphs()}</div></div>`,
      ).replace('</head>', `${head}</head>`);
    const microdata = extractArticle(load(hero('<img itemprop="associatedMedia" src="/img/bridge.jpg" width="1000" alt="The bridge at dawn">')))!;
    expect(load(`<body>${microdata.contentHtml}</body>`).body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg');
    const shared = hero('<img src="/img/bridge-1024x683.jpg" alt="">', '<meta property="og:image" content="https://news.example.com/img/bridge.jpg">');
    expect(extractArticle(load(shared))!.contentHtml).toContain('bridge-1024x683.jpg');
    // A lazy one, whose stand-in is named like no placeholder: its class names the loader.
    const lazy = hero(
      '<img class="penci-lazy wp-post-image" src="/theme/images/penci2-holder.png" data-src="/img/bridge.jpg" alt="">',
      '<meta property="og:image" content="https://news.example.com/img/bridge.jpg">',
    );
    expect(load(`<body>${extractArticle(load(lazy))!.contentHtml}</body>`).body.querySelector('figure img')?.getAttribute('src')).toBe('https://news.example.com/img/bridge.jpg');
    // Named by its class only: above a headline, that is as often another story's picture.
    expect(extractArticle(load(hero('<img class="wp-post-image" src="/img/other.jpg" alt="">')))!.contentHtml).not.toContain('other.jpg');
  });

  it('is not a video player, nor a picture above the headline', () => {
    const player = '<figure><img src="/img/poster.jpg" alt=""><div class="controls">Up next: the mayor speaks. Replay</div><figcaption>Watch the opening</figcaption></figure>';
    expect(extractArticle(load(layout(player)))!.contentHtml).not.toContain('poster.jpg');
    const video = '<figure><img src="/img/poster.jpg" alt=""><video src="/v.mp4"></video></figure>';
    expect(extractArticle(load(layout(video)))!.contentHtml).not.toContain('poster.jpg');
    const banner = '<figure><img src="/img/banner.jpg" alt="River Post"></figure>';
    expect(extractArticle(load(layout('', banner)))!.contentHtml).not.toContain('banner.jpg');
  });

  it('the demo article: its photo and caption come first', () => {
    const a = extractArticle(load(readFileSync('test/fixtures/demo/index.html', 'utf8'), 'https://fixtures.test/demo/'))!;
    expect(a.contentHtml).toContain('src="https://fixtures.test/demo/photo.jpg"');
    expect(a.textContent.startsWith('A 2001 file photo of Jalaluddin Haqqani')).toBe(true);
  });
});
