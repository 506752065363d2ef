/**
 * The options page's keyboard shortcuts, in the real browsers: each of
 * Lectern's commands with the key the browser bound to it (the manifest's
 * suggestion, in a fresh profile), and a button that opens the browser's
 * own page for changing them. axe on the whole options page.
 */
import { AxePuppeteer } from '@axe-core/puppeteer';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersUnderTest, lecternProblems, openExtensionPage, startSession, suggestedShortcuts, until, type Session } from './support/harness';

describe.each(browsersUnderTest())('options page in %s', (name) => {
  let s: Session;
  let options: Page;
  beforeAll(async () => {
    s = await startSession(name);
    options = await openExtensionPage(s, 'src/options/options.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it("lists each command with the key the browser bound to it, and the page has no axe violations", async () => {
    const keys = new Map(suggestedShortcuts(name));
    const expected = [
      ['Jump to the article', keys.get('jump-to-article')],
      ['Open or close the Lectern reader', keys.get('toggle-reader')],
    ];
    const listed = () =>
      options.$$eval('.shortcuts dt', (terms) => terms.map((dt) => [dt.textContent, dt.nextElementSibling?.querySelector('kbd')?.textContent ?? dt.nextElementSibling?.textContent]));
    // The list fills in once the browser has answered.
    await until('the shortcuts listed', async () => (await listed()).length === 2 && (await listed()).every(([, key]) => !!key));
    expect(await listed()).toEqual(expected);
    expect(await options.$eval('#change-shortcuts', (button) => button.textContent)).toBe('Change shortcuts');
    const results = await new AxePuppeteer(options).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it("the button opens the browser's own page for changing extension shortcuts; a key changed there is listed on coming back (Firefox)", async () => {
    const shortcutsPage = name === 'chromium' ? /^chrome:\/\/extensions\/shortcuts$/ : /^about:addons/;
    // Firefox's page for them is its add-ons manager, in the extension's shortcuts view.
    const openOnes = async (): Promise<number> => (await s.browser.pages()).filter((page) => shortcutsPage.test(page.url())).length;
    expect(await openOnes()).toBe(0);
    await options.click('#change-shortcuts');
    await until("the browser's shortcuts page in a tab", async () => (await openOnes()) === 1);
    if (name === 'firefox') {
      // A key changed meanwhile (Firefox lets an extension page do it as that page would) shows on coming back.
      await options.evaluate(() =>
        (globalThis as unknown as { browser: { commands: { update(detail: object): Promise<void> } } }).browser.commands.update({ name: 'toggle-reader', shortcut: 'Alt+Shift+Y' }),
      );
      await options.bringToFront();
      await until('the new key listed', () => options.$$eval('.shortcuts kbd', (keys) => keys.some((key) => key.textContent === 'Alt+Shift+Y')));
      await options.evaluate(() => (globalThis as unknown as { browser: { commands: { reset(name: string): Promise<void> } } }).browser.commands.reset('toggle-reader'));
    }
    expect(lecternProblems(s)).toEqual([]);
  });
});
