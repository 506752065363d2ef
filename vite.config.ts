import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import source from './manifest.json' with { type: 'json' };
import { inertVendorAliases } from './scripts/inert-vendor-html.ts';

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.LECTERN_BROWSER === 'firefox' ? 'firefox' : 'chrome';

/**
 * manifest.json is the one manifest source. Everything that differs between
 * the browsers is decided here, each with the reason.
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

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(browser), browser })],
  // Readability and DOMPurify without their innerHTML assignments; see the script.
  resolve: { alias: inertVendorAliases() },
  build: {
    outDir: `dist/${browser}`,
    emptyOutDir: true,
    target: browser === 'firefox' ? 'firefox128' : 'chrome120',
    // Store reviewers read the shipped code: keep it readable.
    minify: false,
    sourcemap: false,
    // The pages load their shared chunks at once instead of one import after another: the reader page
    // loads while the tab extracts, and its load is most of the time to the article shown. No polyfill:
    // both browsers have modulepreload (Firefox since 115, Chrome since 66).
    modulePreload: { polyfill: false },
    // The reader page is not named in the manifest's page keys (only in
    // web_accessible_resources, which crxjs copies as is), so it is an input.
    rollupOptions: { input: { reader: 'src/reader/reader.html' } },
  },
});
