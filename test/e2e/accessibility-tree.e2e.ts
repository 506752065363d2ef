/**
 * What a screen reader is given, read from Chromium's accessibility tree
 * (the tree its platform accessibility APIs expose; Firefox offers no such
 * view to puppeteer over WebDriver BiDi): the skip link is a link named
 * "Skip to article"; after Enter the focused node is the headline; and the
 * demo, which has no <main>, exposes its story as the one main landmark.
 */
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, lecternProblems, startSession, until, type Session } from './support/harness';

const DEMO_HEADLINE = 'US Confirms Talks with Militant Haqqani Network';

function walk(node: SerializedAXNode | null, visit: (node: SerializedAXNode) => void): void {
  if (!node) return;
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function findAll(root: SerializedAXNode | null, test: (node: SerializedAXNode) => boolean): SerializedAXNode[] {
  const found: SerializedAXNode[] = [];
  walk(root, (n) => {
    if (test(n)) found.push(n);
  });
  return found;
}

async function tree(page: Page): Promise<SerializedAXNode | null> {
  return page.accessibility.snapshot({ interestingOnly: false });
}

function focusedNode(root: SerializedAXNode | null): Pick<SerializedAXNode, 'role' | 'name' | 'level'> | null {
  const [node] = findAll(root, (n) => n.focused === true && n.role !== 'RootWebArea');
  return node ? { role: node.role, name: node.name, level: node.level } : null;
}

describe.runIf(browsersUnderTest().includes('chromium'))('accessibility tree in chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession('chromium');
  });
  afterEach(async () => {
    await s?.closePages();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('demo: Tab focuses a link named "Skip to article"; after Enter the focused node is the headline', async () => {
    const page = await s.open('demo/');
    // The link sits in a small navigation landmark of its own, named Lectern.
    const landmarks = findAll(await tree(page), (n) => n.role === 'navigation' && n.name === 'Lectern');
    expect(landmarks.length).toBe(1);
    expect(findAll(landmarks[0] as SerializedAXNode, (n) => n.role === 'link').map((n) => n.name)).toEqual(['Skip to article']);
    await page.keyboard.press('Tab');
    expect(focusedNode(await tree(page))).toEqual({ role: 'link', name: 'Skip to article', level: undefined });
    await page.keyboard.press('Enter');
    const focused = await until('the headline to be the focused node', async () => {
      const node = focusedNode(await tree(page));
      return node?.role === 'heading' ? node : null;
    }, 3000);
    expect(focused).toEqual({ role: 'heading', name: DEMO_HEADLINE, level: 1 });
  });

  it('demo (no <main>): the story is the one main landmark, holding the headline and the first paragraph', async () => {
    const page = await s.open('demo/');
    const root = await tree(page);
    const mains = findAll(root, (n) => n.role === 'main');
    expect(mains.length).toBe(1);
    const main = mains[0] as SerializedAXNode;
    expect(findAll(main, (n) => n.role === 'heading' && n.name === DEMO_HEADLINE).length).toBe(1);
    const text: string[] = [];
    walk(main, (n) => {
      if (n.role === 'StaticText' && n.name) text.push(n.name);
    });
    expect(text.join(' ')).toContain('U.S. Secretary of State Hillary Clinton has confirmed');
    // The rail and the footer stay outside it.
    expect(text.join(' ')).not.toContain('Related stories');
    expect(text.join(' ')).not.toContain('Privacy policy');
  });

  it('a page that has its own <main> gets no second main landmark', async () => {
    const page = await s.open('spa/');
    expect(findAll(await tree(page), (n) => n.role === 'main').length).toBe(1);
    expect(await page.evaluate(() => document.querySelectorAll('[role="main"]').length)).toBe(0);
  });

  it('raised no errors from Lectern', () => {
    expect(lecternProblems(s)).toEqual([]);
  });
});
