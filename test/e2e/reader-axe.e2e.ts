/**
 * axe in the reader view on every fixture page, in every theme: the
 * reader's own page must have no violations (WCAG 2.2 A/AA and best
 * practice), whatever the article it shows, or its "no article" message.
 *
 * Every rule runs in one theme; in every theme the rules that depend on
 * colours run (contrast at AA and at AAA's 7:1, links told apart from
 * text): nothing else in the reader changes with the theme. Firefox runs a sample of the pages
 * (axe takes about twice as long there); LECTERN_E2E_AXE_ALL=1 runs them all.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axePages, TAGS } from './support/axe';
import { browsersUnderTest, findReaderFrame, openExtensionPage, startSession, step, until, type Session } from './support/harness';
import { toggleReaderInNewestTab } from './support/extension-pages';
import { FIXTURES_DIR } from './support/server';

const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'] as const;
const COLOUR_RULES = ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block'];

const FIXTURES = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES_DIR, d.name, 'index.html')))
  .map((d) => d.name)
  .sort();

const FIREFOX_SAMPLE = ['demo', 'rtl-arabic', 'xss', 'login-form', 'table-layout', 'captions-gallery-carousel', 'captions-long-caption', 'blog-post'];

const pagesFor = (browser: string): string[] => axePages(browser, FIXTURES, FIREFOX_SAMPLE);
/** An article fixture must be checked with its article shown, not with the reader's "no article" page. */
function isArticle(fixture: string): boolean {
  const file = join(FIXTURES_DIR, fixture, 'expected.json');
  return existsSync(file) && (JSON.parse(readFileSync(file, 'utf8')) as { isArticle?: unknown }).isArticle === true;
}

describe.each(browsersUnderTest())('axe in the reader in %s', (name) => {
  let s: Session;
  let ext: Page;
  beforeAll(async () => {
    s = await startSession(name);
    // The popup's path: 'toggle-reader-in-tab' from one of Lectern's pages. The options page: the popup, open,
    // would get the active tab's reader ready, hidden, in the pages under test.
    ext = await openExtensionPage(s, 'src/options/options.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('has the fixtures to check', () => {
    expect(FIXTURES).toEqual(expect.arrayContaining(['demo', 'rtl-arabic', 'xss', 'login-form']));
    expect(pagesFor(name).length).toBeGreaterThanOrEqual(FIREFOX_SAMPLE.length);
  });

  it.each(pagesFor(name))('%s: no violations in any theme', async (fixture) => {
    const page = await s.open(`${fixture}/`);
    await toggleReaderInNewestTab(ext);
    await page.bringToFront();
    const frame = await findReaderFrame(s, page, isArticle(fixture) ? ['article'] : ['article', 'empty']);
    const found: string[] = [];
    for (const [i, theme] of THEMES.entries()) {
      await frame.select('select[name="theme"]', theme);
      await until(`theme ${theme}`, () => frame.evaluate((t) => document.documentElement.dataset.theme === t, theme));
      const runs = [new AxePuppeteer(frame).withRules(COLOUR_RULES)];
      if (i === 0) runs.push(new AxePuppeteer(frame).withTags(TAGS));
      for (const axe of runs) {
        const results = await step(`axe in ${theme}`, axe.analyze(), 60_000);
        found.push(...results.violations.flatMap((v) => v.nodes.map((n) => `${theme}: ${v.id} ${n.target.join(' ')}`)));
      }
    }
    await frame.select('select[name="theme"]', 'system');
    expect(found).toEqual([]);
    await page.close();
  }, 120_000);
});
