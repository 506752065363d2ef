/**
 * The captions feature follows the preferences: a change to its own
 * settings re-applies, any other change (the reader's theme, say) leaves
 * the page alone instead of undoing and redoing every caption.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startCaptionsFeature } from '../../../src/content/captions-feature';
import { loadPage } from '../captions/load';

const PREFS = { captions: true, showAltText: true, captionSize: 150 };

beforeEach(() => {
  vi.useFakeTimers();
  // The feature waits for an idle moment; here, for the next timer.
  vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0));
  vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The page's mutations while `act` runs (and the timers it sets). */
function mutationsDuring(act: () => void): number {
  const records: MutationRecord[] = [];
  const watch = new MutationObserver((found) => records.push(...found));
  watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  act();
  vi.runAllTimers();
  records.push(...watch.takeRecords());
  watch.disconnect();
  return records.length;
}

describe('captions feature', () => {
  it('re-applies for its own settings, and leaves the page alone for anything else', () => {
    const article = loadPage('captions-demo-alt-repeated', 'article');
    const feature = startCaptionsFeature(null, () => undefined);
    expect(mutationsDuring(() => {
      feature.update(PREFS);
      feature.follow(article);
    })).toBeGreaterThan(0);
    expect(mutationsDuring(() => feature.update({ ...PREFS }))).toBe(0);
    expect(mutationsDuring(() => feature.update({ ...PREFS, captionSize: 200 }))).toBeGreaterThan(0);
    feature.stop();
  });

  it('starts over for a new address: a single-page site that keeps the article element and changes its pictures in place', () => {
    const article = loadPage('captions-picture-srcset', 'article');
    const feature = startCaptionsFeature(PREFS, () => undefined);
    feature.follow(article, 'https://news.test/first');
    vi.runAllTimers();
    const image = document.getElementById('bridge')!;
    const shown = (): string | null | undefined => document.querySelector('lectern-alt-caption')?.textContent;
    const first = image.getAttribute('alt');
    expect(first).toBeTruthy();
    expect(shown()).toBe(first);
    const next = 'Night traffic crosses the harbour bridge after the second story loaded';
    image.setAttribute('alt', next);
    feature.follow(article, 'https://news.test/first');
    vi.runAllTimers();
    // The same story: the caption already shown stays.
    expect(shown()).toBe(first);
    feature.follow(article, 'https://news.test/second');
    vi.runAllTimers();
    expect(shown()).toBe(next);
    expect(document.querySelectorAll('lectern-alt-caption')).toHaveLength(1);
    feature.stop();
  });
});
