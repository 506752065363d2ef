/**
 * The always-on feature: find the article, give it a skip link and a
 * landmark, keep both right as a single-page site changes, and undo it all
 * on stop().
 */
import { OWN_TARGET_ID } from '../core/captions/dom';
import { detectArticle, landingTarget, type DetectedArticle } from '../core/detect/index';
import { findSiteSkipLinks } from '../core/site-skip-links';
import { focusTarget, releaseFocusTargets } from './focus-target';
import { ChangeLog } from './change-log';
import { createSkipLink, type LabelLocale, type SkipLink } from './skip-link';
import { storyAddress } from './story-address';

/** Detection gives up past this, so a huge page is never slowed. */
const DETECT_BUDGET_MS = 30;
/** Quiet time after the page's last DOM change before we look again. */
const RECHECK_DELAY_MS = 400;
/** How long after a click on the site's skip link its target's focus is the jump's own. */
const FRAGMENT_FOCUS_WINDOW_MS = 500;
/** Pages without an article are looked at again this many times at most. */
const MAX_EMPTY_RECHECKS = 5;

export interface ArticleAccessOptions {
  skipLink: boolean;
  /**
   * false: Lectern is off for this site. The article is still found and
   * reported (the popup says so, the reader can open), but the page is left
   * exactly as it is: no link, no landmark, no repaired site link.
   * Default true.
   */
  changesPage?: boolean;
  label: string;
  /** The label's language and direction (the browser's UI language). */
  labelLocale?: LabelLocale;
  /**
   * Told after every detection: the article element, or null. `gaveUp`:
   * null because the budget ran out, not because the page has none, and a
   * detection follows soon. Never on the last try: that null is final.
   */
  onDetected(article: Element | null, gaveUp?: boolean): void;
  /** Told how long each detection took, for the benchmark. */
  onTiming?(name: string, start: number, end: number): void;
}

export interface ArticleAccess {
  /** Focuses the article's landing point; false when there is no article. */
  jump(): boolean;
  current(): DetectedArticle | null;
  /** Applies new options (the skip-link preference) without a reload. */
  update(options: Partial<ArticleAccessOptions>): void;
  stop(): void;
}

function isVisible(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
}

export function startArticleAccess(win: Window, initial: ArticleAccessOptions): ArticleAccess {
  const doc = win.document;
  const options = { ...initial };
  const edits = new ChangeLog();
  let detected: DetectedArticle | null = null;
  let skipLink: SkipLink | null = null;
  // A jump to #comments is the same story: only a new address means a client-side navigation.
  let lastStory = storyAddress(win.location);
  let emptyRechecks = 0;
  /** Whether a page with no article found yet will be looked at again (run() says so; recheck() does it). */
  const mayLookAgain = (): boolean => emptyRechecks < MAX_EMPTY_RECHECKS;
  let timer: number | undefined;
  let stopped = false;

  function jump(): boolean {
    if (!detected || !detected.target.isConnected) run();
    // Visibility costs a layout, so it is checked here, when a person asks,
    // rather than on every page load: a hidden headline cannot take focus.
    if (detected && !isVisible(detected.target)) {
      detected = detectArticle(doc, { budgetMs: DETECT_BUDGET_MS, now: () => performance.now(), isVisible });
    }
    if (!detected) return false;
    return focusTarget(landingTarget(detected, isVisible) as HTMLElement);
  }

  function removeSkipLink(): void {
    skipLink?.remove();
    skipLink = null;
  }

  /**
   * The link's href names its target, so it is a real skip link: it would
   * work as a plain fragment too, and tools such as axe recognise it (a
   * fragment that matches nothing is a "skip-link" violation). A target
   * without an id gets a lectern- one, undone with the other edits.
   */
  function pointAt(link: SkipLink, target: Element): void {
    if (!target.id) edits.setAttribute(target, 'id', OWN_TARGET_ID);
    link.link.setAttribute('href', `#${encodeURIComponent(target.id)}`);
  }

  function apply(found: DetectedArticle): void {
    if (options.changesPage === false) {
      removeSkipLink();
      return;
    }
    const siteLink = findSiteSkipLinks(doc, found.article, found.target).find((l) => l.landsInArticle && l.first);
    if (siteLink?.target) {
      // The site's link lands in the article, but following a fragment
      // moves no focus in Chromium, and none at all when the target cannot
      // take it: repair the link so focus lands on its target.
      const target = siteLink.target as HTMLElement;
      // A target that wraps the story (a <main> around it) would wear the
      // focus ring around the whole page, and a screen reader would start at
      // the wrapper rather than the headline: focus goes to the story's own
      // landing point, after the browser's jump to the fragment has run.
      const landing = target !== found.target && target.contains(found.target) ? (found.target as HTMLElement) : null;
      const onClick = (): void => {
        if (!landing) {
          focusTarget(target);
          return;
        }
        const moveOn = (): void => {
          if (landing.isConnected) focusTarget(landing);
        };
        // The jump ends in Firefox with focus on a focusable target, or
        // taken off to nothing from a target that cannot take it; Chromium
        // moves none. Focus goes to the landing after the jump, and back
        // there once if the jump takes it away.
        const onFocusIn = (event: FocusEvent): void => {
          if (event.target === target) win.setTimeout(moveOn, 0);
        };
        const onFocusOut = (event: FocusEvent): void => {
          if (event.target === landing && event.relatedTarget === null) win.setTimeout(moveOn, 0);
        };
        doc.addEventListener('focusin', onFocusIn, true);
        doc.addEventListener('focusout', onFocusOut, true);
        win.setTimeout(() => {
          doc.removeEventListener('focusin', onFocusIn, true);
          doc.removeEventListener('focusout', onFocusOut, true);
        }, FRAGMENT_FOCUS_WINDOW_MS);
        win.setTimeout(moveOn, 0);
      };
      siteLink.link.addEventListener('click', onClick);
      edits.onUndo(() => siteLink.link.removeEventListener('click', onClick));
    }
    if (options.skipLink && !siteLink) {
      skipLink ??= createSkipLink(doc, options.label, jump, options.labelLocale);
      pointAt(skipLink, found.target);
      // Positive tabindex comes before everything else in the tab order;
      // where the page uses it, ours needs it too to stay first.
      if (doc.querySelector('[tabindex]:not([tabindex="0"]):not([tabindex^="-"])')) skipLink.host.tabIndex = 1;
      // Stay first in the body even if the page inserted something before us.
      if (doc.body && doc.body.firstChild !== skipLink.host) doc.body.insertBefore(skipLink.host, doc.body.firstChild);
    } else {
      removeSkipLink();
    }
    // <body> cannot take a landmark role; a story that is the whole body is found by the skip link alone.
    const landmark = found.article !== doc.body && found.article !== doc.documentElement;
    if (landmark && !doc.querySelector('main,[role="main"]') && !found.article.closest('header,footer,aside,nav,[role]')) {
      // Without a main landmark, screen-reader landmark navigation cannot
      // find the story; the article becomes that landmark.
      edits.setAttribute(found.article, 'role', 'main');
    }
  }

  function run(): void {
    edits.undo();
    const start = performance.now();
    let gaveUp = false;
    detected = detectArticle(doc, {
      budgetMs: DETECT_BUDGET_MS,
      now: () => performance.now(),
      onGiveUp: () => {
        gaveUp = true;
      },
    });
    const detectedAt = performance.now();
    options.onTiming?.('lectern:detect', start, detectedAt);
    if (detected) apply(detected);
    else removeSkipLink();
    options.onTiming?.('lectern:article-access', start, performance.now());
    lastStory = storyAddress(win.location);
    // Out of time says nothing about the page (its thread may just have
    // been busy): look again soon, as for a page that is still loading.
    const looksAgain = gaveUp && !stopped && mayLookAgain();
    options.onDetected(detected?.article ?? null, looksAgain);
    if (looksAgain && timer === undefined) timer = win.setTimeout(recheck, RECHECK_DELAY_MS);
  }

  /**
   * New options for the same page: applied to the article already found.
   * Detecting again would give the same answer, or, on a busy machine, run
   * out of time and take the link, the landmark and the captions away.
   */
  function reapply(found: DetectedArticle): void {
    edits.undo();
    const start = performance.now();
    apply(found);
    options.onTiming?.('lectern:article-access', start, performance.now());
    options.onDetected(found.article);
  }

  function recheck(): void {
    timer = undefined;
    if (stopped) return;
    const navigated = storyAddress(win.location) !== lastStory;
    const lost = !!detected && !detected.target.isConnected;
    const lookAgain = !detected && mayLookAgain();
    if (navigated) emptyRechecks = 0;
    else if (lookAgain) emptyRechecks++;
    if (navigated || lost || lookAgain) run();
  }

  // Single-page sites swap the story without a page load; watch the DOM and
  // look again once it has settled. The callback only arms a timer.
  const observer = new MutationObserver(() => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = win.setTimeout(recheck, RECHECK_DELAY_MS);
  });

  run();
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });

  return {
    jump,
    current: () => detected,
    update(next) {
      const same = (Object.keys(next) as (keyof ArticleAccessOptions)[]).every((key) => options[key] === next[key]);
      Object.assign(options, next);
      // Other preferences changed (the reader's theme, say): nothing to do on the page.
      if (stopped || same) return;
      if (detected && detected.target.isConnected && storyAddress(win.location) === lastStory) reapply(detected);
      else run();
    },
    stop() {
      stopped = true;
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
      removeSkipLink();
      edits.undo();
      // The tabindex and ring the headline holds while focused, if it is.
      releaseFocusTargets();
      detected = null;
    },
  };
}
