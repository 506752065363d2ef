import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { WindowLike } from 'dompurify';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { sanitizeArticleFragment, sanitizeArticleHtml } from '../../../src/core/extract/sanitize';

const FIXTURE = resolve(__dirname, '../../fixtures/xss/index.html');
const URL_ = 'https://news.lectern.test/2024/05/02/ferry-timetable.html';

function fixtureWindow() {
  return new JSDOM(readFileSync(FIXTURE, 'utf8'), { url: URL_, virtualConsole: new VirtualConsole() }).window;
}

const FORBIDDEN_ELEMENTS =
  'script, style, iframe, frame, frameset, object, embed, applet, form, input, button, select, textarea, base, meta, link, svg, math, template, noscript, video, audio, isindex, marquee, xss, mglyph, foreignObject, animate';
const FORBIDDEN_ATTRS = new Set(['style', 'srcdoc', 'formaction', 'action', 'background', 'ping', 'dynsrc', 'lowsrc', 'xlink:href', 'autofocus', 'poster', 'data', 'class', 'name', 'target']);

/** Every way the sanitized markup could still run code or make a request. */
function problems(html: string): string[] {
  const found: string[] = [];
  const { document } = new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window;
  for (const el of document.body.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`element <${el.tagName.toLowerCase()}>`);
  for (const el of document.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const where = `<${el.tagName.toLowerCase()} ${name}="${attr.value.slice(0, 60)}">`;
      if (name.startsWith('on')) found.push(`event handler ${where}`);
      if (FORBIDDEN_ATTRS.has(name) || name.startsWith('data-') || name.startsWith('aria-')) found.push(`attribute ${where}`);
      const v = attr.value.replace(/[\s\p{Cc}]/gu, '').toLowerCase();
      if (/(?:javascript|vbscript|livescript):/.test(v)) found.push(`script URL ${where}`);
      if (v.startsWith('data:') && !(el.tagName === 'IMG' && name === 'src' && /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/.test(v))) found.push(`data URL ${where}`);
      if (v.includes('pwned') || v.includes('evil.example')) found.push(`payload ${where}`);
    }
  }
  if (/evil\.example/.test(html)) found.push('evil.example remains in the markup');
  return found;
}

/** Renders the markup with scripts enabled and fires the events the vectors wait for. */
function executed(html: string): string[] {
  const dom = new JSDOM(
    `<!DOCTYPE html><body><script>window.__xss = []; window.pwned = function (t) { window.__xss.push(t); };</script>${html}</body>`,
    // Errors thrown by hostile markup (when it is not sanitized) are expected: keep them quiet.
    { runScripts: 'dangerously', url: URL_, virtualConsole: new VirtualConsole() },
  );
  const { document } = dom.window;
  for (const el of document.body.querySelectorAll('*')) {
    for (const type of ['click', 'mouseover', 'focus', 'error', 'load', 'toggle', 'start']) {
      el.dispatchEvent(new dom.window.Event(type));
    }
  }
  return (dom.window as unknown as { __xss: string[] }).__xss;
}

describe('sanitizeArticleHtml: the XSS fixture', () => {
  it('carries at least 30 distinct vectors', () => {
    const ids = new Set(readFileSync(FIXTURE, 'utf8').match(/\bv\d{2}\b/g));
    expect(ids.size).toBeGreaterThanOrEqual(30);
  });

  it('the fixture really is hostile when not sanitized (sanity check of the checks)', () => {
    const raw = fixtureWindow().document.body.innerHTML;
    expect(problems(raw).length).toBeGreaterThan(30);
    expect(executed(raw).length).toBeGreaterThan(0);
  });

  it('strips every vector from the whole page body', () => {
    const win = fixtureWindow();
    const clean = sanitizeArticleHtml(win.document.body.innerHTML, URL_, win as unknown as WindowLike);
    expect(problems(clean)).toEqual([]);
    expect(executed(clean)).toEqual([]);
    expect(clean).toContain('The city council voted seven to two');
    expect(clean).toContain('05:20');
    expect(clean).toContain('<summary>Timetable details</summary>');
  });

  it('strips every vector from the extracted article', () => {
    const win = fixtureWindow();
    const article = extractArticle(win.document);
    expect(article).not.toBeNull();
    expect(article!.title).toBe('City council approves new harbour ferry timetable');
    const clean = sanitizeArticleHtml(article!.contentHtml, URL_, win as unknown as WindowLike);
    expect(problems(clean)).toEqual([]);
    expect(executed(clean)).toEqual([]);
    expect(clean).toContain('Two councillors voted against the plan');
  });

  it('returns a fragment with the same guarantees', () => {
    const win = fixtureWindow();
    const fragment = sanitizeArticleFragment(win.document.body.innerHTML, URL_, win as unknown as WindowLike);
    const holder = win.document.createElement('div');
    holder.append(fragment);
    expect(problems(holder.innerHTML)).toEqual([]);
    expect(executed(holder.innerHTML)).toEqual([]);
    expect(holder.textContent).toContain('Two councillors voted against the plan');
  });
});

describe('sanitizeArticleHtml: what a story keeps', () => {
  const win = new JSDOM('', { url: URL_ }).window as unknown as WindowLike;
  const html = `
    <h2 class="x" style="color:red">Section</h2>
    <p id="intro">Intro with <a href="/other">a relative link</a>, <a href="#notes">a note</a>, <em>emphasis</em> and <code>code()</code>.</p>
    <figure><picture><source srcset="/img/a.webp 1x, /img/a@2x.webp 2x" type="image/webp"><img src="/img/a.jpg" alt="A ferry"></picture>
      <figcaption>The ferry leaves at 05:20. <small>Photo: Jo Dale</small></figcaption></figure>
    <img src="/img/no-alt.jpg">
    <blockquote cite="/source"><p>"It will help," she said.</p></blockquote>
    <ul><li>One</li></ul><ol start="3" type="a"><li value="5">Three</li></ol>
    <table><caption>Times</caption><thead><tr><th scope="col">Out</th></tr></thead><tbody><tr><td colspan="2">05:20</td></tr></tbody></table>
    <table><tr><th id="dep">Departs</th><th id="arr">Arrives</th></tr><tr><td headers="dep">05:20</td><td headers="dep arr">06:05</td></tr></table>
    <pre><code>let x = 1;</code></pre>
    <main><nav><aside>Landmarks unwrapped</aside></nav><article id="article-frag">A site's article inside the story</article></main>
    <p id="notes">Notes</p>
    <a href="/deal"><output class="article-image-container"><img src="/img/controller.jpg" alt="A controller"></output></a>
    <img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">`;
  const clean = sanitizeArticleHtml(html, URL_, win);
  const { document } = new JSDOM(`<body>${clean}</body>`).window;

  it("keeps a picture a site boxed in an <output>, without the box", () => {
    expect(document.querySelector('a img[alt="A controller"]')).not.toBeNull();
    expect(document.querySelector('output')).toBeNull();
  });

  it('keeps headings, lists, quotes, tables, code and figures with captions', () => {
    for (const sel of ['h2', 'p', 'em', 'code', 'figure', 'picture', 'source', 'figcaption', 'small', 'blockquote', 'ul', 'ol', 'li', 'table', 'caption', 'thead', 'th', 'td', 'pre']) {
      expect(document.querySelector(sel), sel).not.toBeNull();
    }
    expect(document.querySelector('ol')!.getAttribute('start')).toBe('3');
    expect(document.querySelector('td')!.getAttribute('colspan')).toBe('2');
  });

  it("drops classes, styles, landmark elements and the site's own articles but keeps their text", () => {
    expect(document.querySelector('[class], [style], main, nav, aside, article')).toBeNull();
    expect(document.body.textContent).toContain('Landmarks unwrapped');
    expect(document.body.textContent).toContain("A site's article inside the story");
  });

  it('resolves relative URLs against the article URL', () => {
    expect(document.querySelector('a')!.getAttribute('href')).toBe('https://news.lectern.test/other');
    expect(document.querySelector('img')!.getAttribute('src')).toBe('https://news.lectern.test/img/a.jpg');
    expect(document.querySelector('source')!.getAttribute('srcset')).toBe('https://news.lectern.test/img/a.webp 1x, https://news.lectern.test/img/a@2x.webp 2x');
    expect(document.querySelector('blockquote')!.getAttribute('cite')).toBe('https://news.lectern.test/source');
  });

  it('prefixes ids so they cannot clobber the reader, and keeps in-page links working', () => {
    expect(document.getElementById('notes')).toBeNull();
    expect(document.getElementById('user-content-notes')).not.toBeNull();
    expect(document.querySelector('a[href="#user-content-notes"]')).not.toBeNull();
    // Table cells still name their header cells.
    const cells = Array.from(document.querySelectorAll('td[headers]'));
    expect(cells.map((td) => td.getAttribute('headers'))).toEqual(['user-content-dep', 'user-content-dep user-content-arr']);
    for (const td of cells) for (const id of td.getAttribute('headers')!.split(' ')) expect(document.getElementById(id)?.tagName).toBe('TH');
  });

  it('gives every picture an alt, lazy loading and no referrer; keeps raster data: images', () => {
    for (const img of document.querySelectorAll('img')) {
      expect(img.hasAttribute('alt')).toBe(true);
      expect(img.getAttribute('loading')).toBe('lazy');
      expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    }
    expect(document.querySelector('img[src^="data:image/png"]')).not.toBeNull();
  });

  it('marks outbound links noopener noreferrer and sets a target only when asked', () => {
    const a = document.querySelector('a[href^="https:"]')!;
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.hasAttribute('target')).toBe(false);
    const withTarget = sanitizeArticleHtml('<a href="https://example.org/">x</a>', URL_, win, { linkTarget: '_blank' });
    expect(withTarget).toContain('target="_blank"');
  });
});
