/**
 * The reader view's page side, injected into a tab only when its reader
 * opens (scripting.executeScript from src/background/reader.ts); it is not
 * part of the always-on content script. It extracts the article from the
 * live page (on a clone: the page is never changed), gives it to the
 * background, and shows the reader page over the page.
 *
 * It defines `globalThis.lecternReader` in the content scripts' isolated
 * world, and the background calls it after injecting it; later requests
 * reuse it instead of injecting the bundle again. The page cannot see or
 * replace that handle.
 */
import { extractArticle, type ExtractedArticle } from '../../core/extract';
import { message, READER_HIDDEN_PARAM } from '../../core/messages';
import { ext } from '../../platform/ext';
import { devTimeline } from '../dev-timeline';
import { readerFrameNames } from '../page-strings';
import type { ReaderHandle, ReaderScope } from './handle';
import { createOverlay, type HiddenOverlay, type Overlay } from './overlay';
import { screenReaderLabels } from './screen-reader-labels';

const scope = globalThis as ReaderScope;

/** The story's block as the always-on content script found it, when it still is in the page. */
function storyFound(): Element | null {
  const story = (globalThis as { lecternStory?: () => Element | null }).lecternStory?.() ?? null;
  return story?.isConnected ? story : null;
}

/**
 * Read before the reader's overlay goes up: the page's styles are settled
 * then, and reading them costs little. Once the page is made inert under
 * the overlay, the first style read would force the whole page's styles to
 * be worked out again, inside the extraction.
 */
function labelsNow(): Element[] {
  try {
    // document.body is null on a page that is not HTML (an SVG, an XML feed).
    return screenReaderLabels(storyFound() ?? (document.body as HTMLElement | null));
  } catch {
    return []; // Without them the reader still shows the story, with the labels as words.
  }
}

function extract(labels: Element[]): ExtractedArticle | null {
  try {
    return extractArticle(document, { region: storyFound(), screenReaderLabels: labels });
  } catch (error) {
    // A page extraction cannot walk is a page with no article: the reader says so.
    console.debug('Lectern: extraction failed', error);
    return null;
  }
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * How long a reader put up hidden for the popup waits for its button. The
 * popup says when it closes; this is for a popup that never could (its
 * window killed, the background restarted).
 */
const HIDDEN_FOR_MS = 60_000;

function createHandle(): ReaderHandle {
  let overlay: Overlay | null = null;
  /** A reader put up hidden (prepare), for the page at that address. */
  let hidden: { overlay: HiddenOverlay; url: string; expiry: ReturnType<typeof setTimeout> } | null = null;

  /**
   * Puts the reader up, hidden or shown. The frame goes up first and the
   * article is extracted while the reader page loads (in the extension's
   * own process), so the two overlap. The token, made here and known only
   * to this script and the background, ties the frame to the article it
   * will be given.
   */
  async function putUp(shown: boolean): Promise<void> {
    const labelsStarted = performance.now();
    const labels = labelsNow();
    const labelsMs = performance.now() - labelsStarted;
    const token = newToken();
    const page = ext.runtime.getURL('src/reader/reader.html');
    const names = readerFrameNames(ext.i18n.getUILanguage() || 'en');
    const made = createOverlay(window, {
      src: `${page}${shown ? '' : `?${READER_HIDDEN_PARAM}`}#${token}`,
      title: names.title.text || 'Lectern reader',
      frameTitle: names.content.text || 'Article and reading settings',
      lang: names.title.lang,
      onClosed: () => {
        const wasShown = overlay === made;
        if (wasShown) overlay = null;
        if (hidden?.overlay === made) forgetHidden();
        ext.runtime.sendMessage(message('reader-closed', { token, shown: wasShown })).catch(() => undefined);
      },
    });
    const current = (): boolean => overlay === made || hidden?.overlay === made;
    if (shown) {
      made.show();
      overlay = made;
    } else {
      hidden = { overlay: made, url: location.href, expiry: setTimeout(discard, HIDDEN_FOR_MS) };
    }
    // One task later, so the frame's navigation is under way before extraction holds this thread.
    await new Promise((done) => setTimeout(done, 0));
    if (!current()) return; // Closed again meanwhile.
    const started = performance.now();
    const article = extract(labels);
    // A timeline entry, like the always-on script's, lets the benchmark read the extraction's cost: the
    // labels read before the overlay went up are part of it.
    devTimeline().measure('lectern:extract', started - labelsMs, performance.now());
    if (!current()) return;
    await ext.runtime.sendMessage(message('reader-opened', { article, url: location.href, token })).catch(() => undefined);
  }

  function forgetHidden(): void {
    if (hidden) clearTimeout(hidden.expiry);
    hidden = null;
  }

  /** Takes down a reader put up hidden, unseen. */
  function discard(): void {
    const unseen = hidden?.overlay;
    forgetHidden();
    unseen?.close();
  }

  return {
    isOpen: () => overlay !== null,
    toggle() {
      if (overlay) {
        overlay.close();
        return false;
      }
      // Put up for this page (not one a client-side navigation has left since): shown now, nothing to wait for.
      if (hidden?.url === location.href) {
        const shown = hidden.overlay;
        forgetHidden();
        shown.show();
        overlay = shown;
        return true;
      }
      discard();
      void putUp(true);
      return true;
    },
    prepare() {
      if (!overlay && !hidden) void putUp(false);
    },
    discard,
  };
}

scope.lecternReader ??= createHandle();
