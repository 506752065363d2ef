// Builds dist/chrome and dist/firefox from the one manifest source, and a
// zip of each (dist/lectern-chrome.zip, dist/lectern-firefox.zip).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { thirdPartyNotices } from './third-party-notices.mjs';

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

/** Every file under dir, as paths relative to it. */
function filesUnder(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

/**
 * What crxjs adds for the reader's extraction script (imported with
 * `?script`) that Lectern does not use, so the package ships only what runs:
 * - a web_accessible_resources entry for it: the background injects it with
 *   scripting.executeScript, which needs no web access, and no page should
 *   be able to load it;
 * - a second, module-format copy of it in assets/ that nothing refers to.
 */
function prune(dir) {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.web_accessible_resources = manifest.web_accessible_resources
    .map((entry) => ({ ...entry, resources: entry.resources.filter((resource) => !resource.endsWith('.iife.js')) }))
    .filter((entry) => entry.resources.length > 0);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const files = filesUnder(dir);
  const texts = files.filter((f) => /\.(js|html|css|json)$/.test(f)).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
  for (const file of files.filter((f) => f.startsWith('assets/') && f.endsWith('.js'))) {
    const name = file.slice('assets/'.length);
    if (!texts.some(([other, text]) => other !== file && text.includes(name))) rmSync(join(dir, file));
  }
}

/**
 * How the always-on script (src/content/main.ts) gets into pages.
 * - Chrome compiles a script the manifest names on the page's main thread at
 *   every load, with no code cache. There the manifest's script is a small
 *   loader (src/content/loader.iife.ts) that imports the always-on script as
 *   a module, which Chrome compiles off the main thread. A content
 *   script's import is a load made for the page, so the module must be
 *   web-accessible: only through the address Chrome makes for each session
 *   (use_dynamic_url), so that pages cannot probe for Lectern at a fixed one.
 * - Firefox keeps the compiled content scripts of an extension, and its add-on
 *   linter rejects an import() of a computed address: there the manifest
 *   names the always-on script itself, built as a classic script, and the
 *   loader is not shipped.
 */
function placeContentScript(dir, browser) {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const loader = 'src/content/loader.iife.js';
  const main = 'src/content/main.js';
  const code = readFileSync(join(dir, main), 'utf8');
  // A chunk it imported would be a file no page may load: the script would silently not run.
  if (/^\s*(?:import|export)\b|\bimport\(/m.test(code)) throw new Error(`${main} must be one file that imports nothing`);
  const scripts = manifest.content_scripts.filter((script) => script.js.includes(loader));
  if (scripts.length !== 1) throw new Error(`expected one content script entry naming ${loader}`);
  if (browser === 'chrome') {
    manifest.web_accessible_resources.push({ resources: [main], matches: ['<all_urls>'], use_dynamic_url: true });
  } else {
    scripts[0].js = scripts[0].js.map((file) => (file === loader ? main : file));
    rmSync(join(dir, loader));
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

rmSync('dist', { recursive: true, force: true });
for (const browser of ['chrome', 'firefox']) {
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { LECTERN_BROWSER: browser });
  // The reader page in a build of its own, one script with nothing shared (see vite.config.ts).
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { LECTERN_BROWSER: browser, LECTERN_PAGE: 'reader' });
  // The always-on content script, one file of its own (see vite.config.ts).
  run('npx', ['vite', 'build', '--logLevel', 'warn'], { LECTERN_BROWSER: browser, LECTERN_PAGE: 'content' });
  prune(`dist/${browser}`);
  placeContentScript(`dist/${browser}`, browser);
  writeFileSync(`dist/${browser}/THIRD_PARTY_NOTICES.txt`, thirdPartyNotices());
  run('npx', ['web-ext', 'build', '--source-dir', `dist/${browser}`, '--artifacts-dir', 'dist',
    '--filename', `lectern-${browser}.zip`, '--overwrite-dest']);
}
