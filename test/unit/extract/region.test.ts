import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/core/extract/index';
import { copyRegion, pathFrom, storyRegion } from '../../../src/core/extract/region';
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

describe('copyRegion', () => {
  it('copies the head, the region and the chain of its ancestors with the text beside them, and nothing else of the body', () => {
    const doc = load(LAYOUT);
    doc.getElementById('col')!.prepend('A line beside the story. ', doc.createComment('a note'));
    const cut = copyRegion(doc.getElementById('story')!)!;
    expect(cut).not.toBeNull();
    const copy = cut.doc;
    expect(copy.URL).toBe(doc.URL);
    expect(copy.compatMode).toBe(doc.compatMode);
    expect(copy.title).toBe(doc.title);
    expect(copy.head.outerHTML).toBe(doc.head.outerHTML);
    expect(Array.from(copy.body.children, (el) => el.id)).toEqual(['wrap']);
    expect(Array.from(copy.getElementById('wrap')!.children, (el) => el.id)).toEqual(['col']);
    expect(Array.from(copy.getElementById('col')!.children, (el) => el.id)).toEqual(['story']);
    expect(copy.getElementById('col')!.firstChild?.textContent).toBe('A line beside the story. ');
    expect(copy.getElementById('col')!.childNodes[1]?.nodeType).toBe(8);
    expect(cut.region).toBe(copy.getElementById('story'));
    expect(cut.region.outerHTML).toBe(doc.getElementById('story')!.outerHTML);
    expect(cut.region.ownerDocument).toBe(copy);
    // The live page is untouched.
    expect(doc.getElementById('rail')).not.toBeNull();
  });

  it('is the same as a deep copy of the whole page with the other elements of the body removed', () => {
    const doc = load(readFileSync(join(FIXTURES, 'demo', 'index.html'), 'utf8'), 'https://fixtures.test/demo/');
    const region = storyRegion(doc)!;
    const expected = doc.cloneNode(true) as Document;
    let parent: Element = expected.body;
    for (const index of pathFrom(doc.body, region)!) {
      const keep = parent.children[index] as Element;
      for (const child of Array.from(parent.children)) if (child !== keep) child.remove();
      parent = keep;
    }
    const cut = copyRegion(region)!;
    expect(cut.doc.documentElement.outerHTML).toBe(expected.documentElement.outerHTML);
    expect(cut.region.outerHTML).toBe(region.outerHTML);
  });

  it('gives nothing for the body itself, an element off the page, or a story in a layout table', () => {
    const doc = load(LAYOUT);
    expect(copyRegion(doc.body)).toBeNull();
    expect(copyRegion(doc.createElement('div'))).toBeNull();
    doc.getElementById('col')!.innerHTML = '<table><tr><td><article id="old">Story</article></td></tr></table>';
    expect(copyRegion(doc.getElementById('old')!)).toBeNull();
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
