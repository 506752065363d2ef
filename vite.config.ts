import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import source from './manifest.json' with { type: 'json' };
import { inertVendorAliases } from './scripts/inert-vendor-html.ts';

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.LECTERN_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/**
 * manifest.json is the one manifest source. What differs between the
 * browsers is decided here, each with the reason, and in scripts/build.mjs
 * (how the always-on script is loaded: placeContentScript).
 */
function manifestFor(target: Browser): ManifestV3Export {
  const manifest: Record<string, unknown> = structuredClone(source);
  if (target === 'chrome') {
    // Chrome warns about keys it does not know; the Gecko block is Firefox's alone.
    delete manifest.browser_specific_settings;
  }
  // crxjs keeps `service_worker` for Chrome and `scripts` for Firefox (Firefox
  // MV3 has no service workers for extensions; Chrome has no event pages).
  // It also drops web_accessible_resources' `use_dynamic_url` for Firefox,
  // whose manifest schema (ESR 153) has no such key; the reader page loads
  // in its frame there all the same, as reader.e2e.ts checks.
  return manifest as unknown as ManifestV3Export;
}

/**
 * The reader page is built on its own, into one script with nothing shared.
 * It loads in its frame while the tab extracts the article, and its load is
 * most of the time until the article shows; every extra module it imports is
 * one more fetch through the browser's extension-file loader before any of
 * its code runs (see docs/performance.md). Its own copy of the code it
 * shares with the other pages (the preferences store, about 27 KB) is the
 * price.
 */
const readerPage = process.env.LECTERN_PAGE === 'reader';
/**
 * The always-on content script, built on its own into one file. For Chrome,
 * an ES module with no imports: the manifest's content script there
 * (loader.iife.ts) imports it, so Chrome compiles it off the page's main
 * thread; each import it made would be one more web-accessible file. For
 * Firefox, a classic script that the manifest names itself (see
 * scripts/build.mjs).
 */
const contentModule = process.env.LECTERN_PAGE === 'content';

const shared = {
  // Readability and DOMPurify without their innerHTML assignments; see the script.
  resolve: { alias: inertVendorAliases() },
};

const sharedBuild = {
  outDir: `dist/${browser}`,
  target: browser === 'firefox' ? 'firefox128' : 'chrome120',
  // Store reviewers read the shipped code: keep it readable.
  minify: false,
  sourcemap: false,
} as const;

export default defineConfig(
  contentModule
    ? {
        ...shared,
        // The main build copied the public folder already.
        publicDir: false,
        build: {
          ...sharedBuild,
          emptyOutDir: false,
          // A library build is one file, dynamic imports inlined (scripts/build.mjs checks it imports nothing).
          lib: {
            entry: 'src/content/main.ts',
            formats: [browser === 'firefox' ? 'iife' : 'es'],
            // An IIFE build wants a global name for its exports; main.ts exports nothing.
            name: 'lecternContent',
            fileName: () => 'src/content/main.js',
          },
        },
      }
    : readerPage
    ? {
        ...shared,
        build: {
          ...sharedBuild,
          // Added to the extension the main build wrote just before. That build copies reader.html as it is
          // (web_accessible_resources names it, and crxjs copies those files); this one writes over it.
          emptyOutDir: false,
          modulePreload: false,
          rollupOptions: { input: { reader: 'src/reader/reader.html' } },
        },
      }
    : {
        ...shared,
        plugins: [crx({ manifest: manifestFor(browser), browser })],
        build: {
          ...sharedBuild,
          emptyOutDir: true,
          // The popup and options pages load their shared chunks at once instead of one import after another.
          // No polyfill: both browsers have modulepreload (Firefox since 115, Chrome since 66).
          modulePreload: { polyfill: false },
        },
      },
);
