/**
 * The always-on content script. It must never throw into the page nor slow
 * it: every entry point is guarded, and documents that are not HTML pages
 * (XML, SVG, framesets, about:blank, no body) are left alone.
 */
// First: its module runs before the others, and marks when this script's own code began.
import { scriptStart } from './script-start';
import type { Runtime } from 'webextension-polyfill';
import { isMessage, message } from '../core/messages';
import type { DevTimeline } from '../core/dev-timeline';
import { ext } from '../platform/ext';
import { devTimeline } from './dev-timeline';
import { skipLinkLabel } from './page-strings';
import { startArticleAccess, type ArticleAccess } from './article-access';
import { startCaptionsFeature } from './captions-feature';
import type { ReaderScope } from './reader/handle';
import { captionPrefsFor, followSitePrefs, wantsSkipLink } from './site-prefs';
import { isArticleCandidatePage } from './page-kind';
import { storyAddress } from './story-address';

/**
 * Tells the background whether this page has an article; `looking`: none
 * yet, but a detection that ran out of time is followed by another, whose
 * answer counts. False when this script has been cut off from Lectern
 * (updated, disabled or removed while the page stayed open): Chrome then
 * throws at once from every API call.
 */
function sendState(articleFound: boolean, looking = false): boolean {
  try {
    if (!ext.runtime?.id) return false;
    ext.runtime
      .sendMessage(message('page-state', { articleFound, looking }))
      .catch(() => undefined); // The background may be asleep or reloading; the next report catches up.
    return true;
  } catch {
    return false;
  }
}

/** Returns the timeline the script's own cost goes to, or null where it does not run. */
function main(): DevTimeline | null {
  if (!isArticleCandidatePage(window)) return null;
  // What the script found and what it cost, for the benchmark and the tests only (see core/dev-timeline.ts).
  const timeline = devTimeline();
  const captions = startCaptionsFeature(null, (start, end, counts) => {
    // The counts ride on the measure so the benchmark can read them.
    timeline.measure('lectern:captions', start, end, counts);
  });
  let access: ArticleAccess | null = null;
  // This site's "always open the reader" switch, and the page it last opened the reader for: once per
  // page (a reader closed by hand stays closed), again after a client-side navigation to another story.
  let alwaysReader = false;
  let readerOpenedFor = '';
  // Cut off from Lectern, this copy takes back everything it changed: a new
  // copy may be running, or Lectern may be gone.
  const shutDown = (): void => {
    // An open reader too, or one put up hidden: its frame died with the old extension, and the page under it is inert.
    try {
      const reader = (globalThis as ReaderScope).lecternReader;
      reader?.discard();
      if (reader?.isOpen()) reader.toggle();
    } catch {
      // Closing tells the background, which is gone: the page is restored before that call throws.
    }
    access?.stop();
    captions.stop();
    window.removeEventListener('pageshow', onPageShow);
  };
  // A page restored from the back-forward cache runs no content script again, but the background forgot it
  // when the tab navigated away: tell it again.
  const onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted && !sendState(!!access?.current())) shutDown();
  };
  window.addEventListener('pageshow', onPageShow);
  // Nothing starts before the preferences are read (a storage read, a few
  // milliseconds): on a site where Lectern is off, or with captions off,
  // the page must not see a link, a landmark or captions come and go.
  // After that, the features follow the preferences and this site's
  // switches live: a change in the popup reaches this tab with no reload.
  // Turning Lectern off here removes the link and the landmark through
  // update(), not stop(), so it can be turned back on without a reload too.
  followSitePrefs(location.hostname, (site) => {
    const callbackStart = performance.now();
    try {
      const options = { skipLink: wantsSkipLink(site), changesPage: !site.disabled };
      alwaysReader = site.alwaysReader && !site.disabled;
      captions.update(captionPrefsFor(site));
      if (access) {
        access.update(options);
        // The benchmark times how fast a change made elsewhere reaches the tab.
        timeline.mark('lectern:prefs-applied');
        return;
      }
      // The label in the UI's language, tagged with the language it is written in (English where the UI's has none).
      const label = skipLinkLabel(ext.i18n.getUILanguage() || 'en');
      access = startArticleAccess(window, {
        ...options,
        label: label.text || 'Skip to article',
        labelLocale: { lang: label.lang, dir: label.dir },
        onDetected: (article, gaveUp) => {
          // A timeline mark, like the measures below, lets the benchmark and the tests see the verdict, and
          // whether it is final: one given up on a busy thread is followed by another.
          timeline.mark(article ? 'lectern:article-found' : 'lectern:no-article', { gaveUp: !!gaveUp });
          if (!sendState(article !== null, !!gaveUp)) {
            queueMicrotask(shutDown);
            return;
          }
          const address = storyAddress(location);
          captions.follow(article, address);
          if (article && alwaysReader && readerOpenedFor !== address) {
            readerOpenedFor = address;
            ext.runtime.sendMessage(message('open-reader-here', {})).catch(() => undefined);
          }
        },
        onTiming: timeline.measure,
      });
    } catch (error) {
      // As below: a failure costs the page Lectern, never the page itself.
      console.debug('Lectern: not active on this page', error);
    } finally {
      // With the start-up below and the captions' idle work, the script's whole work: the detection's measures
      // above time only its part.
      timeline.measure('lectern:prefs-work', callbackStart, performance.now());
    }
  });
  // The reader's extraction runs in this same isolated world (the page cannot
  // see it) and reuses the story found here instead of reading the whole page.
  (globalThis as { lecternStory?: () => Element | null }).lecternStory = () => access?.current()?.article ?? null;
  // Answered through sendResponse, at once: Chrome ignores a promise returned from this listener
  // (see platform/ext.ts). The typings know only the callback form that answers later and returns true.
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (response: unknown) => void): false => {
    if (isMessage(raw) && raw.lectern === 'jump-to-article') sendResponse({ jumped: access?.jump() ?? false });
    return false;
  };
  ext.runtime.onMessage.addListener(onMessage as unknown as Runtime.OnMessageListenerCallback);
  return timeline;
}

try {
  // The script's start-up: its modules' own code and main(), up to waiting for the preferences.
  main()?.measure('lectern:start-up', scriptStart, performance.now());
} catch (error) {
  // Lectern must never break a page; a failure here only costs the page Lectern.
  console.debug('Lectern: not active on this page', error);
}
