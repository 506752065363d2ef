/**
 * Lectern adds no accessibility violations. On every article fixture, axe
 * (WCAG 2.0/2.1/2.2 A and AA, and best practice) runs on the page in a
 * browser with Lectern and on the same page in a browser without it; every
 * violation with Lectern must already be there without it. On a few pages
 * the skip link is then focused (visible) and axe runs again, with the same
 * rule. In both browsers: AxePuppeteer works over WebDriver BiDi in Firefox
 * (there on a representative subset, to keep the suite fast).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { axePages, violations, type Finding } from './support/axe';
import { browsersUnderTest, focused, lecternElementCount, startSession, until, type Session } from './support/harness';
import { FIXTURES_DIR } from './support/server';

/**
 * The article fixtures: expected.json says isArticle, and the caption
 * fixtures, which are all articles. hostile-builtins is left out: it breaks
 * Array.prototype in the page's own world, where axe runs too.
 */
const ARTICLE_PAGES = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'hostile-builtins')
  .filter((d) => {
    try {
      const expected = JSON.parse(readFileSync(join(FIXTURES_DIR, d.name, 'expected.json'), 'utf8')) as { isArticle?: unknown };
      return expected.isArticle === true || d.name.startsWith('captions-');
    } catch {
      return false;
    }
  })
  .map((d) => d.name)
  .sort();

/**
 * Violations with Lectern that the page does not have without it: nodes
 * (by key) that the same rule did not flag without Lectern. For "region"
 * (content outside landmarks) a node inside one that was already flagged
 * is not new: once Lectern makes the story a main landmark, axe names the
 * rest of the page piece by piece instead of as one block. Anything in or
 * under Lectern's own elements is always new.
 */
function added(withLectern: Finding[], without: Finding[]): Finding[] {
  return withLectern.filter((f) => {
    if (/lectern-/i.test(f.key) || /lectern/i.test(f.target)) return true;
    const theirs = without.filter((b) => b.rule === f.rule);
    if (theirs.some((b) => b.key === f.key)) return false;
    return !(f.rule === 'region' && theirs.some((b) => f.key.startsWith(`${b.key}>`)));
  });
}

const finding = (rule: string, key: string): Finding => ({ rule, key, target: `["${key}"]`, html: '' });

describe('the comparison itself', () => {
  it('reports only what Lectern added', () => {
    const base = [finding('region', 'html[0]>body[0]>div#page[0]'), finding('color-contrast', 'html[0]>body[0]>p[3]')];
    expect(added(base, base)).toEqual([]);
    // Finer-grained region nodes inside a block already outside landmarks are not new...
    expect(added([finding('region', 'html[0]>body[0]>div#page[0]>div#menu[0]')], base)).toEqual([]);
    // ...but the same for another rule, a node elsewhere, or anything of Lectern's are.
    const fresh = [
      finding('color-contrast', 'html[0]>body[0]>div#page[0]>p[0]'),
      finding('region', 'html[0]>body[0]>footer[0]'),
      finding('color-contrast', 'html[0]>body[0]>lectern-skip-link[0]>a[0]'),
      finding('region', 'html[0]>body[0]>lectern-skip-link[0]'),
    ];
    expect(added(fresh, base)).toEqual(fresh);
  });
});

/**
 * Firefox runs axe on these (it takes about twice as long there);
 * LECTERN_E2E_AXE_ALL=1 runs every article fixture in both browsers.
 */
const FIREFOX_PAGES = ['demo', 'skip-link-works', 'skip-target-unfocusable', 'rtl-arabic', 'spa', 'blog-post', 'div-br-text', 'table-layout',
  'main-hero-standfirst', 'comments-rail', 'captions-demo-alt-repeated', 'captions-gallery-carousel'];
/** The link looks the same on every page; with it focused, axe runs on these. */
const FOCUSED_PAGES = ['demo', 'rtl-arabic', 'blog-post', 'spa', 'div-br-text'];

const pagesFor = (browser: string): string[] => axePages(browser, ARTICLE_PAGES, FIREFOX_PAGES);

describe.each(browsersUnderTest())('axe in %s', (name) => {
  let withLectern: Session;
  let without: Session;
  beforeAll(async () => {
    [withLectern, without] = await Promise.all([startSession(name), startSession(name, { extension: false })]);
  });
  afterEach(async () => {
    await Promise.all([withLectern?.closePages(), without?.closePages()]);
  });
  afterAll(async () => {
    await Promise.all([withLectern?.close(), without?.close()]);
  });

  it('has the article fixtures to check', () => {
    expect(ARTICLE_PAGES).toEqual(expect.arrayContaining(['demo', 'skip-link-works', 'rtl-arabic', 'spa']));
  });

  it.each(pagesFor(name))('%s: no violation that the page does not have without Lectern', async (fixture) => {
    const path = `${fixture}/`;
    const [page, basePage] = await Promise.all([
      withLectern.open(path),
      without.newPage().then(async (p) => {
        await p.goto(without.server.url(path), { waitUntil: 'load' });
        return p;
      }),
    ]);
    // Captions are applied in idle time after the verdict: axe must see them too.
    await until(`captions applied on ${fixture}`, () => page.evaluate(() => performance.getEntriesByName('lectern:captions').length > 0), 20_000);
    const [mine, theirs] = await Promise.all([violations(page), violations(basePage)]);
    expect(mine.filter((f) => f.key.startsWith('unresolved:')), 'axe targets we could not find again').toEqual([]);
    expect(added(mine, theirs), `new violations on ${fixture}`).toEqual([]);

    if (!FOCUSED_PAGES.includes(fixture)) return;
    expect(await lecternElementCount(page)).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ inLecternLink: true });
    const whileFocused = await violations(page);
    expect(await focused(page), 'axe left the focus alone').toMatchObject({ inLecternLink: true });
    expect(added(whileFocused, theirs), `new violations on ${fixture} with the skip link focused`).toEqual([]);
  });
});
