/**
 * How fast a preference changed in the options page reaches an open tab
 * and its open reader view (the issue asks for 200 ms; the bench records it,
 * no test times it). The change is made as a person makes it: a new value in
 * the options page's font-size control, committed with `change`.
 */
import type { Browser, Frame, Page } from 'puppeteer-core';
import { waitFor } from './measure-reader';

export interface PrefsResult {
  /** From the change in the options page to the tab's content script having applied it. */
  prefsToTabMs: number;
  /** The same, to the open reader view; absent when the reader was not open. */
  prefsToReaderMs?: number;
}

/** The options page, opened once for the whole run, in its own tab. */
export async function openOptionsPage(browser: Browser, origin: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}/src/options/options.html`, { waitUntil: 'load' });
  await page.waitForSelector('input[name="fontSize"]');
  return page;
}

/** Epoch times (timeOrigin + startTime) of the prefs-applied marks in a tab or frame. */
function appliedMarks(target: Page | Frame): Promise<number[]> {
  return target.evaluate(() =>
    performance.getEntriesByName('lectern:prefs-applied').map((mark) => performance.timeOrigin + mark.startTime),
  );
}

/** The epoch time of the first prefs-applied mark after the `seen` ones. */
function firstMarkAfter(target: Page | Frame, seen: number): Promise<number> {
  return waitFor('the preference change to arrive', async () => (await appliedMarks(target))[seen] ?? null, 5_000);
}

export async function measurePrefs(options: Page, page: Page, reader: Frame | null): Promise<PrefsResult> {
  const tabSeen = (await appliedMarks(page)).length;
  const readerSeen = reader ? (await appliedMarks(reader)).length : 0;
  const changedAt = await options.evaluate(() => {
    const control = document.querySelector<HTMLInputElement>('input[name="fontSize"]');
    if (!control) throw new Error('no font size control');
    // A different value every time, so every run is a real change.
    control.value = String(Number(control.value) === 20 ? 21 : 20);
    const at = performance.timeOrigin + performance.now();
    control.dispatchEvent(new Event('change', { bubbles: true }));
    return at;
  });
  const result: PrefsResult = { prefsToTabMs: (await firstMarkAfter(page, tabSeen)) - changedAt };
  if (reader) result.prefsToReaderMs = (await firstMarkAfter(reader, readerSeen)) - changedAt;
  return result;
}
