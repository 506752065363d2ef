/**
 * Three statements in the bundled libraries assign a string to innerHTML,
 * and addons.mozilla.org's linter (`web-ext lint`) warns about each: two in
 * Readability, one in DOMPurify. None is a hole where Lectern uses them
 * (Readability reads an inert clone of the page, and DOMPurify's line runs
 * only for XML namespaces, which Lectern never asks for), but a reviewer
 * should not have to take that on trust. So the build bundles copies of the
 * two libraries with exactly those statements rewritten; the packages in
 * node_modules stay as published, so their versions can be checked against
 * npm.
 *
 * - Readability's two: the same markup, parsed by DOMParser into an inert
 *   document of its own and moved in: the same tree
 *   (test/unit/inert-vendor-html.test.ts compares both on every fixture).
 * - DOMPurify's: its fallback parser for XML namespaces (or a DOMParser that
 *   throws) leaves the document empty, so sanitize() returns nothing
 *   instead of parsing through innerHTML: it fails closed.
 *
 * The copies are reached through resolve aliases, not a transform plugin:
 * crxjs bundles the reader's extraction script in a build of its own that
 * takes the aliases but none of the plugins. Each statement must be found
 * exactly once, or the build stops: a new version of a library must be
 * looked at again, not patched blindly.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Replacement {
  find: string;
  replace: string;
}

export interface VendorPatch {
  pkg: string;
  /** The file in the package that holds the statements. */
  file: string;
  replacements: Replacement[];
  /** Added at the end of the file, for helpers the replacements call. */
  append?: string;
}

/**
 * Parsed as innerHTML on a div or the body would be: the leading <body> keeps <link>/<meta>/<style> out of
 * <head>, and the doctype only where the element's document has one, since the parser follows the
 * document's quirks mode (in quirks mode a <table> does not close an open <p>).
 */
const SET_INERT_HTML = `
function lecternSetInertHTML(el, html) {
  var doctype = el.ownerDocument.compatMode === "BackCompat" ? "" : "<!doctype html>";
  var parsed = new DOMParser().parseFromString(doctype + "<body>" + html, "text/html");
  el.replaceChildren();
  while (parsed.body.firstChild) el.appendChild(parsed.body.firstChild);
}
`;

export const READABILITY_PATCH: VendorPatch = {
  pkg: '@mozilla/readability',
  file: 'Readability.js',
  replacements: [
    { find: 'page.innerHTML = pageCacheHtml;', replace: 'lecternSetInertHTML(page, pageCacheHtml);' },
    { find: 'tmp.innerHTML = noscript.innerHTML;', replace: 'lecternSetInertHTML(tmp, noscript.innerHTML);' },
  ],
  append: SET_INERT_HTML,
};

export const DOMPURIFY_PATCH: VendorPatch = {
  pkg: 'dompurify',
  file: 'dist/purify.es.mjs',
  replacements: [
    {
      find: 'doc.documentElement.innerHTML = IS_EMPTY_INPUT ? emptyHTML : dirtyPayload;',
      replace: 'throw new Error("Lectern: DOMPurify parses HTML only");',
    },
    // The copy has no source map beside it.
    { find: '//# sourceMappingURL=purify.es.mjs.map', replace: '' },
  ],
};

/** The file's code with its patch applied; throws when a statement is not found exactly once. */
export function applyPatch(code: string, patch: VendorPatch): string {
  let out = code;
  for (const { find, replace } of patch.replacements) {
    const count = out.split(find).length - 1;
    if (count !== 1) throw new Error(`inert-vendor-html: expected "${find}" once in ${patch.pkg}/${patch.file}, found it ${count} times`);
    out = out.replace(find, () => replace);
  }
  return patch.append ? `${out}\n${patch.append}` : out;
}

const require = createRequire(import.meta.url);

/** The package's folder in node_modules (DOMPurify exports no subpaths, so they cannot be resolved one by one). */
export function packageDir(pkg: string): string {
  const main = require.resolve(pkg);
  const marker = join('node_modules', pkg);
  return main.slice(0, main.lastIndexOf(marker) + marker.length);
}

function writePatched(patch: VendorPatch, into: string): string {
  const target = join(into, patch.pkg, patch.file);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, applyPatch(readFileSync(join(packageDir(patch.pkg), patch.file), 'utf8'), patch));
  return target;
}

/** Where the patched copies are written: rebuilt on every build, never committed. */
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'lectern-vendor');

/**
 * Writes the patched copies and returns the aliases that send
 * `@mozilla/readability` and `dompurify` to them.
 */
export function inertVendorAliases(cacheDir = CACHE_DIR): { find: RegExp; replacement: string }[] {
  const readability = writePatched(READABILITY_PATCH, cacheDir);
  // The package's index and its other module, beside the patched file, as the index requires them.
  for (const name of ['index.js', 'Readability-readerable.js']) {
    copyFileSync(join(packageDir('@mozilla/readability'), name), join(dirname(readability), name));
  }
  const purify = writePatched(DOMPURIFY_PATCH, cacheDir);
  return [
    { find: /^@mozilla\/readability$/, replacement: join(dirname(readability), 'index.js') },
    { find: /^dompurify$/, replacement: purify },
  ];
}
