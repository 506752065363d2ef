import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { keepOnlyRegion, storyRegion } from '../../../src/core/extract/region';
import { load, page, paragraphs } from './helpers';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

const LAYOUT = page(
  `<header><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
   <div id="wrap" class="layout">
     <aside id="rail"><h2>Most read</h2><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
     <div id="col" class="content-column">
       <article id="story"><h1>Bridge reopens after repairs</h1>${paragraphs()}</article>
       <section id="comments"><h2>Comments</h2><p>First comment, which is not part of the story at all, really.</p></section>
     </div>
   </div>
   <footer><p>© River Post</p></footer>`,
);

describe('keepOnlyRegion', () => {
  it('keeps the head, the region and the chain of its ancestors, and nothing else of the body', () => {
    const doc = load(LAYOUT);
    const clone = doc.cloneNode(true) as Document;
    expect(keepOnlyRegion(clone, doc.getElementById('story')!)).toBe(true);
    expect(clone.title).toBe(doc.title);
    expect(Array.from(clone.body.children, (el) => el.id)).toEqual(['wrap']);
    expect(Array.from(clone.getElementById('wrap')!.children, (el) => el.id)).toEqual(['col']);
    expect(Array.from(clone.getElementById('col')!.children, (el) => el.id)).toEqual(['story']);
    expect(clone.getElementById('story')!.outerHTML).toBe(doc.getElementById('story')!.outerHTML);
    // The live page is untouched.
    expect(doc.getElementById('rail')).not.toBeNull();
  });

  it('leaves the clone as it is when the clone has no such place', () => {
    const doc = load(LAYOUT);
    const clone = doc.cloneNode(true) as Document;
    clone.getElementById('col')!.replaceChildren();
    const before = clone.documentElement.outerHTML;
    expect(keepOnlyRegion(clone, doc.getElementById('story')!)).toBe(false);
    expect(clone.documentElement.outerHTML).toBe(before);
    expect(keepOnlyRegion(clone, doc.body)).toBe(false);
  });
});

describe('extractArticle with the story region', () => {
  it('gives the story without the page around it', () => {
    const doc = load(LAYOUT);
    const region = storyRegion(doc);
    expect(region?.id).toBe('story');
    const a = extractArticle(doc, { region })!;
    expect(a.textContent).toContain('The old river bridge reopened');
    expect(a.textContent).not.toContain('First comment');
    expect(a.textContent).not.toContain('Another story entirely');
  });

  it('falls back to the whole page when the region holds no article', () => {
    const doc = load(LAYOUT);
    const a = extractArticle(doc, { region: doc.getElementById('rail') })!;
    expect(a).not.toBeNull();
    expect(a.textContent).toContain('The old river bridge reopened');
  });

  // The reader must show the same article whether or not it had the detector's help.
  const articles = readdirSync(FIXTURES).filter((name) => {
    const file = join(FIXTURES, name, 'expected.json');
    return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { isArticle?: boolean }).isArticle === true;
  });
  it.each(articles)('fixture %s: the same text as from the whole page', (name) => {
    const doc = load(readFileSync(join(FIXTURES, name, 'index.html'), 'utf8'), `https://fixtures.test/${name}/`);
    const region = storyRegion(doc);
    // With no region the two calls would run the same path, and prove nothing.
    expect(region).not.toBeNull();
    const whole = extractArticle(doc);
    const narrowed = extractArticle(doc, { region });
    expect(whole).not.toBeNull();
    expect(narrowed?.textContent).toBe(whole?.textContent);
    expect(narrowed?.title).toBe(whole?.title);
  });
});
