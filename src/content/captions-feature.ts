/**
 * Runs the captions feature on whichever article the page currently shows:
 * started when an article is found, restarted when a single-page site
 * swaps it, undone completely on stop(). Nothing is applied before the
 * reader's preferences are known: a page opened with captions off is
 * never touched, not even for a moment.
 */
import { createCaptionController, type CaptionController, type CaptionCounts, type CaptionPrefs } from './captions/index';

/** Captions wait for an idle moment, but never longer than this. */
const IDLE_TIMEOUT_MS = 1000;

export interface CaptionsFeature {
  /**
   * Follows the article the detector found (null: none) on the page at
   * `address`. A single-page site can keep the same element for the next
   * story and change its pictures in place: a new address starts over.
   */
  follow(article: Element | null, address?: string): void;
  update(prefs: CaptionPrefs): void;
  stop(): void;
}

/** `initial` null: the preferences are not read yet; the feature waits for the first update(). */
export function startCaptionsFeature(
  initial: CaptionPrefs | null,
  onApplied: (start: number, end: number, counts: CaptionCounts) => void,
): CaptionsFeature {
  let prefs = initial;
  let article: Element | null = null;
  let followedAddress: string | undefined;
  let controller: CaptionController | null = null;

  let pending: number | undefined;

  function restart(): void {
    controller?.stop();
    controller = null;
    if (pending !== undefined) cancelIdleCallback(pending);
    pending = undefined;
    if (!article || !prefs || (!prefs.captions && !prefs.showAltText)) return;
    // Captions read computed styles; doing that when the page is idle keeps
    // it off the page's own start-up and off the skip link's.
    pending = requestIdleCallback(
      () => {
        pending = undefined;
        if (!article || !prefs) return;
        const start = performance.now();
        controller = createCaptionController(article, prefs);
        controller.start();
        onApplied(start, performance.now(), controller.counts());
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }

  return {
    follow(next, address) {
      if (next === article && address === followedAddress) return;
      article = next;
      followedAddress = address;
      restart();
    },
    update(next) {
      // Other preferences changed (the reader's theme, say): the captions stay as they are, not undone and redone.
      if (prefs && prefs.captions === next.captions && prefs.showAltText === next.showAltText && prefs.captionSize === next.captionSize) return;
      prefs = next;
      if (controller && (prefs.captions || prefs.showAltText)) controller.update(prefs);
      else restart();
    },
    stop() {
      if (pending !== undefined) cancelIdleCallback(pending);
      pending = undefined;
      controller?.stop();
      controller = null;
      article = null;
    },
  };
}
