/**
 * Runs detectArticle on every saved page in test/fixtures and compares the
 * result with the page's expected.json, which says what a person reading
 * the page would call its headline, its first paragraph and the place a
 * skip link should land. A fix to the detector adds a page here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../src/core/detect/index';

interface ExpectedArticle {
  isArticle: true;
  headline: string | null;
  start: string;
  target: string;
  /** Whether the site's own skip link reaches the story; null when it has none. */
  siteSkipLinkWorks: boolean | null;
  notes: string;
}
interface ExpectedOther {
  isArticle: false;
  notes: string;
}
type Expected = ExpectedArticle | ExpectedOther;

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/**
 * Pages whose expected.json says whether they are articles. Other folders
 * (the caption fixtures, say) carry expectations for other features.
 */
function isDetectionFixture(name: string): boolean {
  const file = join(FIXTURES, name, 'expected.json');
  if (!existsSync(join(FIXTURES, name, 'index.html')) || !existsSync(file)) return false;
  return typeof (JSON.parse(readFileSync(file, 'utf8')) as { isArticle?: unknown }).isArticle === 'boolean';
}

const names = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && isDetectionFixture(d.name))
  .map((d) => d.name)
  .sort();

function load(name: string): { doc: Document; expected: Expected } {
  const html = readFileSync(join(FIXTURES, name, 'index.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
  // A JSDOM per page, so each document has its own window like a real tab;
  // scripts do not run and nothing is fetched.
  const doc = new JSDOM(html, { url: `http://fixtures.test/${name}/` }).window.document;
  return { doc, expected };
}

function one(doc: Document, selector: string): Element {
  const found = doc.querySelectorAll(selector);
  if (found.length !== 1) throw new Error(`selector ${selector} matches ${found.length} elements, expected 1`);
  return found[0] as Element;
}

/** A short, readable name for an element, so a failure says what was found instead. */
function describeEl(el: Element | null | undefined): string {
  if (!el) return 'null';
  const id = el.id ? `#${el.id}` : '';
  const cls = el.classList.length ? `.${Array.from(el.classList).join('.')}` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
  return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
}

const FOCUSABLE = 'a[href],button,input,select,textarea,summary,[tabindex],[contenteditable="true"]';

/**
 * The site's own link to its content: the first in-page link that says
 * "skip" or "jump" and names the content, not the navigation or search.
 */
function siteSkipLink(doc: Document): HTMLAnchorElement | null {
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const text = (a.textContent ?? '').toLowerCase();
    if (/\b(skip|jump)\b/.test(text) && /\b(content|main|article|story)\b/.test(text)) return a;
  }
  return null;
}

describe.each(names)('fixture %s', (name) => {
  it('has expectations whose selectors each match one element, the target being the headline or the start', () => {
    const { doc, expected } = load(name);
    expect(typeof expected.notes).toBe('string');
    if (!expected.isArticle) return;
    for (const selector of [expected.headline, expected.start, expected.target]) {
      if (selector !== null) expect(() => one(doc, selector)).not.toThrow();
    }
    // The headline, or the start when there is no headline or the headline
    // stands too far above the story (see main-hero-standfirst).
    const target = one(doc, expected.target);
    const allowed = [one(doc, expected.start), ...(expected.headline === null ? [] : [one(doc, expected.headline)])];
    expect(allowed).toContain(target);
  });

  // Only an article has a story for a skip link to reach.
  if (load(name).expected.isArticle) {
    it('says truly whether the site skip link reaches the story', () => {
      const { doc, expected } = load(name);
      if (!expected.isArticle) throw new Error(`${name} is not an article`);
      const link = siteSkipLink(doc);
      if (expected.siteSkipLinkWorks === null) {
        expect(link).toBeNull();
        return;
      }
      expect(link).not.toBeNull();
      const id = decodeURIComponent((link as HTMLAnchorElement).getAttribute('href')!.slice(1));
      const landing = doc.getElementById(id);
      const story = one(doc, expected.target);
      // Works only if focus can move there and the story is what it lands on.
      const works = !!landing && landing.matches(FOCUSABLE) && (landing === story || landing.contains(story));
      expect(works).toBe(expected.siteSkipLinkWorks);
    });
  }

  it('finds what a reader would', () => {
    const { doc, expected } = load(name);
    const result = detectArticle(doc);
    if (!expected.isArticle) {
      expect(result && { article: describeEl(result.article), start: describeEl(result.start) }).toBeNull();
      return;
    }
    expect(result, 'detectArticle returned null for an article').not.toBeNull();
    if (!result) return;
    const headline = expected.headline === null ? null : one(doc, expected.headline);
    const start = one(doc, expected.start);
    const target = one(doc, expected.target);
    // Compared by description, not identity, so a failure names both elements.
    expect.soft(describeEl(result.headline), 'headline').toBe(describeEl(headline));
    expect.soft(describeEl(result.start), 'start').toBe(describeEl(start));
    expect.soft(describeEl(result.target), 'target').toBe(describeEl(target));
    expect.soft(result.article.contains(start), `article ${describeEl(result.article)} holds the start`).toBe(true);
    // The article may become the main landmark, which <body> and <html> cannot be.
    expect.soft(['BODY', 'HTML'], 'the article is an element inside the body').not.toContain(result.article.tagName.toUpperCase());
    if (headline) {
      expect.soft(result.article.contains(headline), `article ${describeEl(result.article)} holds the headline`).toBe(true);
    }
  });

  it('leaves the page as it found it', () => {
    const { doc } = load(name);
    const before = doc.documentElement.outerHTML;
    detectArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

it('has pages of both kinds', () => {
  const kinds = names.map((name) => load(name).expected.isArticle);
  expect(kinds.filter(Boolean).length).toBeGreaterThanOrEqual(8);
  expect(kinds.filter((k) => !k).length).toBeGreaterThanOrEqual(5);
});
