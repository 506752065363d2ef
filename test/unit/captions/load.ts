/** Loads caption fixture pages into the test's jsdom document (same realm, stylesheets applied). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaptionEntry } from '../../../src/core/captions';

export const FIXTURES = join(__dirname, '../../fixtures');

export interface ExpectedImage {
  image: string;
  actions: string[];
  caption?: string | null;
  credit?: string | null;
  expanded?: string[];
  concealed?: string[];
  hiddenText?: string;
  describedBy?: string[];
  revealedAfter?: string;
}

export interface Expected {
  pattern: string;
  notes: string;
  article: string;
  images: ExpectedImage[];
}

export const captionFixtures = readdirSync(FIXTURES)
  .filter((d) => d.startsWith('captions-'))
  .sort();

export function expectedFor(name: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected;
}

/** Replaces the document's content with the fixture page and returns its article. */
export function loadPage(name: string, articleSelector = 'article'): Element {
  const html = readFileSync(join(FIXTURES, name, 'index.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  const article = document.querySelector(articleSelector);
  if (!article) throw new Error(`${name}: no ${articleSelector}`);
  return article;
}

export function one(selector: string): Element {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}

/** The words an entry would hide from assistive technology, as one string. */
export function hiddenText(entry: CaptionEntry): string {
  return entry.hide
    .map((part) => ('nodeType' in part ? (part.textContent ?? '') : part.node.data.slice(part.start, part.end)))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The element right before an insertion point. */
export function elementBefore(parent: Node, before: Node | null): Element | null {
  let node = before ? before.previousSibling : parent.lastChild;
  while (node && node.nodeType !== 1) node = node.previousSibling;
  return node as Element | null;
}
