/**
 * The reader view's page side, injected into a tab only when its reader
 * opens (scripting.executeScript from src/background/reader.ts); it is not
 * part of the always-on content script. It extracts the article from the
 * live page (on a clone: the page is never changed), gives it to the
 * background, and shows the reader page over the page.
 *
 * It defines `globalThis.lecternReader` in the content scripts' isolated
 * world, so the background's later toggles reuse it instead of injecting
 * the bundle again; the page cannot see or replace that handle.
 */
import browser from 'webextension-polyfill';
import { extractArticle, type ExtractedArticle } from '../../core/extract';
import { message } from '../../core/messages';
import { openOverlay, type Overlay } from './overlay';

interface ReaderHandle {
  toggle(): boolean;
  isOpen(): boolean;
}

const scope = globalThis as { lecternReader?: ReaderHandle };

function extract(): ExtractedArticle | null {
  try {
    return extractArticle(document);
  } catch (error) {
    // A page extraction cannot walk is a page with no article: the reader says so.
    console.debug('Lectern: extraction failed', error);
    return null;
  }
}

function createHandle(): ReaderHandle {
  let overlay: Overlay | null = null;
  let opening = false;

  async function open(): Promise<void> {
    opening = true;
    try {
      const started = performance.now();
      const article = extract();
      // A user-timing entry, like the always-on script's, lets the benchmark read the extraction's cost.
      performance.measure('lectern:extract', { start: started, end: performance.now() });
      const reply = (await browser.runtime.sendMessage(message('reader-opened', { article, url: location.href }))) as { token?: unknown } | undefined;
      if (typeof reply?.token !== 'string') return;
      const page = browser.runtime.getURL('src/reader/reader.html');
      overlay = openOverlay(window, {
        src: `${page}#${reply.token}`,
        title: browser.i18n.getMessage('readerFrameTitle') || 'Lectern reader',
        onClosed: () => {
          overlay = null;
          browser.runtime.sendMessage(message('reader-closed', {})).catch(() => undefined);
        },
      });
    } finally {
      opening = false;
    }
  }

  return {
    isOpen: () => overlay !== null || opening,
    toggle() {
      if (overlay) {
        overlay.close();
        return false;
      }
      if (!opening) void open();
      return true;
    },
  };
}

if (!scope.lecternReader) {
  scope.lecternReader = createHandle();
  scope.lecternReader.toggle();
}
