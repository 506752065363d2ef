/**
 * The content script the manifest names, in Chrome: it only loads the
 * always-on script (main.ts), built as a module of its own (vite.config.ts).
 *
 * Why a loader: Chrome compiles a script the manifest names on the page's
 * main thread at every page load, with no code cache; a module it imports is
 * compiled off the main thread while it loads. On the dev corpus that took
 * about 5 ms a page (a sixth of the script's work) off the page's main
 * thread (docs/performance.md). The module is web-accessible only through
 * Chrome's per-session address, so a page cannot probe for it. Firefox keeps
 * compiled content scripts itself: its build names main.js in the manifest
 * and ships no loader (scripts/build.mjs).
 */
import { isArticleCandidatePage } from './page-kind';

interface Runtime {
  runtime?: { getURL(path: string): string };
}

const scope = globalThis as { browser?: Runtime; chrome?: Runtime };
try {
  const runtime = (scope.browser ?? scope.chrome)?.runtime;
  // Cut off from Lectern (updated or removed while the page stayed open) there is nothing to load; where the
  // always-on script would do nothing (an XML or SVG document, a frameset), it is not loaded either.
  if (runtime && isArticleCandidatePage(window)) {
    // The address is Lectern's own packaged file, made by runtime.getURL from a constant: nothing of the page's.
    // eslint-disable-next-line no-unsanitized/method
    import(/* @vite-ignore */ runtime.getURL('src/content/main.js')).catch((error: unknown) => {
      console.debug('Lectern: not active on this page', error);
    });
  }
} catch (error) {
  // A failure here only costs the page Lectern, as in main.ts.
  console.debug('Lectern: not active on this page', error);
}
