import { describe, expect, it } from 'vitest';
import { storyHeadline } from '../../../src/core/extract/story-headline';
import { extractArticle } from '../../../src/core/extract/index';
import { formatDate } from '../../../src/reader/format-date';
import { load, page, paragraphs } from './helpers';

describe('storyHeadline', () => {
  it("takes the h1 that says the page's title over a menu's h1 set before it", () => {
    const doc = load(page('<nav><h1>Games</h1><h1>Entertainment</h1></nav><article><h1 id="story">Bridge reopens after repairs</h1></article>'));
    expect(storyHeadline(doc)?.id).toBe('story');
    // The summary printed under it is found there, not under the menu's label.
    const summary = 'Crews finished the deck two months early, and traffic returns on Monday.';
    // A menu of sections under the label, as long as the menus sites set there.
    const menu = Array.from({ length: 90 }, (_, i) => `<div><a href="/section/${i}">Section ${i}</a></div>`).join('');
    const html = page(`<nav><h1>Games</h1>${menu}</nav><article><h1>Bridge reopens after repairs</h1><h3>${summary}</h3><section>${paragraphs()}</section></article>`, `<meta name="description" content="${summary}">`);
    const doc2 = load(html);
    // The story's block as the always-on script finds it: the summary above it is read from the page.
    expect(extractArticle(doc2, { region: doc2.querySelector('section') })?.standfirst).toBe(summary);
  });

  it("takes an h2 that says the title outright where the page's h1 is another story's, and the first h1 where none says it", () => {
    const doc = load(page('<article><h2 id="story">Bridge reopens after repairs</h2><p>Text.</p></article><aside><h1>Why the ferry stays</h1><h2>Most read</h2></aside>'));
    expect(storyHeadline(doc)?.id).toBe('story');
    const none = load(page('<h1 id="first">Welcome</h1><h2>Bridge news</h2>'));
    expect(storyHeadline(none)?.id).toBe('first');
  });

  it("reads the date printed under the story's headline, not under the first h1 on the page", () => {
    const story = `<article><h2 itemprop="headline">Bridge reopens after repairs</h2><abbr class="published">Nov 18, 2019 @17:19 PM</abbr>${paragraphs()}</article>`;
    const article = extractArticle(load(page(`${story}<section><h1>Why the ferry stays</h1><p>More stories below.</p></section>`)))!;
    expect(formatDate(article.published!, 'en-US')).toBe('November 18, 2019');
  });

  it('takes a box named as a title that says the title outright where no heading does, and reads the date printed under it', () => {
    const headline = '<div class="newsContent"><dl class="newsTitle" id="story"><dt>Bridge reopens after repairs</dt></dl> Posted :[ 2018-08-25 15:24 ]';
    const html = page(`<h1>River Post</h1><div class="sidebar-title">Most read</div>${headline}<div>${paragraphs()}</div></div>`);
    expect(storyHeadline(load(html))?.id).toBe('story');
    const article = extractArticle(load(html))!;
    expect(formatDate(article.published!, 'en-US')).toBe('August 25, 2018');
    // A box that says only part of the title is not the headline.
    expect(storyHeadline(load(page('<h1 id="first">River Post</h1><div class="title">Bridge news</div>')))?.id).toBe('first');
  });

  it("shows the day printed under the headline where the page's data dates the story a day later, in a wrong offset", () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens after repairs","datePublished":"2019-11-20T04:31:13-06:00"}</script>';
    const story = (printed: string): string => page(`<article><h1>Bridge reopens after repairs</h1><div class="author_date"><span>Ann Lee</span> - <span>${printed}</span></div>${paragraphs()}</article>`, ld);
    expect(formatDate(extractArticle(load(story('Nov 19, 2019, 10:31 pm CST')))!.published!, 'en-US')).toBe('November 19, 2019');
    expect(formatDate(extractArticle(load(story('Updated Nov 25, 2019')))!.published!, 'en-US')).toBe('November 20, 2019');
  });
});
