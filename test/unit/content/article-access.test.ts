/**
 * Article access on the live page (here jsdom): with Lectern off for the
 * site (changesPage: false) the article is still found and the page left
 * exactly as it is; a preference change re-applies to the article already
 * found instead of detecting again; a detection that ran out of time is
 * tried again rather than taken as "no article".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startArticleAccess, type ArticleAccessOptions } from '../../../src/content/article-access';
import { detectArticle } from '../../../src/core/detect/index';
import { loadPage } from '../captions/load';

const serialize = (): string => document.documentElement.outerHTML;

/**
 * Detection gives up after its time budget; jsdom on a busy machine can take
 * longer than that, so the clock stands still unless a test moves it.
 */
function stopTheClock(): void {
  vi.spyOn(performance, 'now').mockReturnValue(0);
}

function start(options: Partial<ArticleAccessOptions> = {}) {
  const found: (Element | null)[] = [];
  const gaveUp: boolean[] = [];
  const timings: string[] = [];
  const access = startArticleAccess(window, {
    skipLink: true,
    label: 'Skip to article',
    onDetected: (a, outOfTime) => {
      found.push(a);
      gaveUp.push(!!outOfTime);
    },
    onTiming: (name) => timings.push(name),
    ...options,
  });
  return { access, found, gaveUp, detections: () => timings.filter((t) => t === 'lectern:detect').length };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('article access with changesPage: false', () => {
  it('finds the article but changes nothing; on and off again restores the page exactly', () => {
    loadPage('demo', 'body');
    stopTheClock();
    const before = serialize();
    const { access, found } = start({ changesPage: false });
    expect(found.at(-1)).toBeInstanceOf(Element);
    expect(serialize()).toBe(before);

    access.update({ changesPage: true });
    // The demo has no <main>: with Lectern on, the story becomes the main landmark and the link comes first.
    expect(document.querySelectorAll('[role="main"]')).toHaveLength(1);
    expect(document.body.firstElementChild?.localName).toBe('lectern-skip-link');

    access.update({ changesPage: false });
    expect(serialize()).toBe(before);
    expect(found.at(-1)).toBeInstanceOf(Element);
    access.stop();
  });
});

describe('a preference change', () => {
  it('that leaves its options as they were touches nothing on the page', () => {
    loadPage('demo', 'body');
    stopTheClock();
    const { access, found } = start({ changesPage: true });
    const reports = found.length;
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    access.update({ skipLink: true, changesPage: true });
    changes.push(...watch.takeRecords());
    watch.disconnect();
    expect(changes).toHaveLength(0);
    expect(found).toHaveLength(reports);
    access.stop();
  });

  it('applies to the article already found, without detecting again', () => {
    loadPage('demo', 'body');
    stopTheClock();
    const { access, found, detections } = start();
    expect(detections()).toBe(1);
    const article = found.at(-1);
    expect(article).toBeInstanceOf(Element);
    expect(document.querySelector('lectern-skip-link')).not.toBeNull();
    access.update({ skipLink: false });
    expect(document.querySelector('lectern-skip-link')).toBeNull();
    access.update({ skipLink: true });
    expect(document.querySelector('lectern-skip-link')).not.toBeNull();
    expect(detections()).toBe(1);
    expect(found.at(-1)).toBe(article);
    access.stop();
  });
});

describe('a detection that runs out of time', () => {
  it('detectArticle says so through onGiveUp, and returns null', () => {
    loadPage('demo', 'body');
    let t = 0;
    const onGiveUp = vi.fn();
    expect(detectArticle(document, { budgetMs: 30, now: () => (t += 50), onGiveUp })).toBeNull();
    expect(onGiveUp).toHaveBeenCalledTimes(1);
    const onTime = vi.fn();
    expect(detectArticle(document, { budgetMs: 30, now: () => 0, onGiveUp: onTime })).not.toBeNull();
    expect(onTime).not.toHaveBeenCalled();
  });

  it('is tried again soon, and the article is then found', () => {
    loadPage('demo', 'body');
    vi.useFakeTimers();
    // A busy thread: every clock read is 50 ms later, so the first detection gives up.
    let t = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (t += 50));
    const { access, found, gaveUp, detections } = start();
    expect(found).toEqual([null]);
    // Said so: the benchmark and the tests wait for the detection that follows.
    expect(gaveUp).toEqual([true]);
    // The thread is free again: the clock stands still for the retry.
    clock.mockReturnValue(t);
    vi.advanceTimersByTime(1000);
    expect(detections()).toBe(2);
    expect(found.at(-1)).toBeInstanceOf(Element);
    expect(gaveUp.at(-1)).toBe(false);
    expect(document.querySelector('lectern-skip-link')).not.toBeNull();
    access.stop();
  });

  it('on a thread that stays busy, is tried a few times, and the last "none" is final', () => {
    loadPage('demo', 'body');
    vi.useFakeTimers();
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 50));
    const { access, found, gaveUp, detections } = start();
    vi.advanceTimersByTime(10_000);
    expect(found.every((article) => article === null)).toBe(true);
    // The first look and five more, each but the last followed by another.
    expect(detections()).toBe(6);
    expect(gaveUp).toEqual([true, true, true, true, true, false]);
    access.stop();
  });
});

describe('a change of address', () => {
  function changeThePage(): void {
    // The recheck is armed by a DOM change, as on a live page.
    document.body.append(document.createElement('div'));
  }

  it('to a place on the same page (#comments) is the same story: no detection again', async () => {
    loadPage('demo', 'body');
    stopTheClock();
    vi.useFakeTimers();
    const { access, detections } = start();
    location.hash = '#comments';
    changeThePage();
    await vi.advanceTimersByTimeAsync(1000);
    expect(detections()).toBe(1);
    // A preference change on the same story applies to the article already found.
    access.update({ skipLink: false });
    expect(detections()).toBe(1);
    access.stop();
    history.replaceState(null, '', '/');
  });

  it('to another story (a new path, or a fragment route) is a navigation: the article is found again', async () => {
    loadPage('demo', 'body');
    stopTheClock();
    vi.useFakeTimers();
    const { access, detections } = start();
    history.pushState(null, '', '/world/next-story');
    changeThePage();
    await vi.advanceTimersByTimeAsync(1000);
    expect(detections()).toBe(2);
    location.hash = '#/world/third-story';
    changeThePage();
    await vi.advanceTimersByTimeAsync(1000);
    expect(detections()).toBe(3);
    access.stop();
    history.replaceState(null, '', '/');
  });
});
