/** What the captions feature did on a page, and what it cost, from its user-timing measure. */
import type { Page } from 'puppeteer-core';

export interface CaptionsResult {
  captionsExpanded: number;
  altRevealed: number;
  duplicatesResolved: number;
  /** The captions feature's own time on this page, in ms. */
  captionsMs: number;
}

/** Waits for the captions' first run on an article page: they run when the page is idle (within a second). */
export async function waitForCaptions(page: Page): Promise<void> {
  await page
    .waitForFunction(() => performance.getEntriesByName('lectern:captions').length > 0, { timeout: 3000, polling: 50 })
    .catch(() => undefined);
}

export async function measureCaptions(page: Page, articleFound: boolean): Promise<CaptionsResult> {
  if (articleFound) await waitForCaptions(page);
  return page.evaluate(() => {
    const runs = performance.getEntriesByName('lectern:captions') as PerformanceMeasure[];
    const result = { captionsExpanded: 0, altRevealed: 0, duplicatesResolved: 0, captionsMs: 0 };
    for (const run of runs) {
      const counts = (run.detail ?? {}) as Partial<typeof result>;
      result.captionsExpanded += counts.captionsExpanded ?? 0;
      result.altRevealed += counts.altRevealed ?? 0;
      result.duplicatesResolved += counts.duplicatesResolved ?? 0;
      result.captionsMs += run.duration;
    }
    return result;
  });
}
