/**
 * Finds and launches the Debian browsers the tests drive, with the built
 * extension loaded. Nothing is ever downloaded: when a browser is missing we
 * say how to install it and stop.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { DEV_TIMELINE_KEY } from '../../src/core/dev-timeline';

function onPath(name: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function find(envVar: string, names: string[], paths: string[], pkg: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of names) {
    const hit = onPath(name);
    if (hit) return hit;
  }
  for (const p of paths) if (existsSync(p)) return p;
  throw new Error(
    `${pkg} was not found. Install it with \`sudo apt-get install -y ${pkg}\` (Debian/Ubuntu), ` +
      `or set ${envVar} to the browser's executable.`,
  );
}

export function findChromium(): string {
  return find('CHROME_PATH', ['chromium', 'chromium-browser'], ['/usr/bin/chromium', '/usr/lib/chromium/chromium'], 'chromium');
}

export function findFirefox(): string {
  return find('FIREFOX_PATH', ['firefox-esr', 'firefox'], ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr'], 'firefox-esr');
}

export const DIST = {
  chrome: resolve('dist/chrome'),
  firefox: resolve('dist/firefox'),
};

/** The UUID we pin for moz-extension:// pages, so tests can open them. */
export const FIREFOX_EXTENSION_UUID = '6f0e7d36-6f2a-4b0e-9a59-3c1c2f5e0b11';
export const FIREFOX_EXTENSION_ID = 'lectern@lectern.example';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Empty when launched without the extension. */
  extensionId: string;
  /** The URL prefix of the extension's own pages (empty without the extension). */
  extensionOrigin: string;
}

export interface LaunchOptions {
  /** More command-line arguments (Chromium) or arguments (Firefox). */
  args?: string[];
  /** More about:config preferences (Firefox only). */
  prefs?: Record<string, unknown>;
  /** More environment variables for the browser process. */
  env?: Record<string, string>;
  /**
   * The browser's UI language (such as 'ar'), which decides the extension's
   * locale, @@ui_locale and @@bidi_dir. Chromium on Linux takes it from
   * LANGUAGE (--lang alone changes the extension's messages but not the
   * pages' locale) and knows only en-US without Debian's chromium-l10n;
   * Firefox takes intl.locale.requested and needs the language pack
   * (firefox-esr-l10n-<lang>).
   */
  locale?: string;
  /**
   * The person's text size, in percent of the browser's default: the
   * default font sizes of the profile (16 px, and 13 px for monospace, at
   * 100%), which Chromium's Settings > Appearance > Font size and
   * Firefox's Settings > Fonts > Size set. It grows what is sized in rem
   * and em, and only that; zoom is another setting.
   */
  textSize?: number;
  /**
   * Whether Lectern writes its user-timing entries into pages, which the
   * tests and the benchmark read (see src/core/dev-timeline.ts). Default
   * true; off, the browser is as a person's would be.
   */
  devTimeline?: boolean;
}

function checkBuilt(extensionDir: string | null): void {
  if (extensionDir !== null && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`npm run build\` first.`);
  }
}

/** Pass `null` as the directory for a browser without Lectern (a baseline). */
export async function launchChromium(extensionDir: string | null = DIST.chrome, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  checkBuilt(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'lectern-chromium-'));
  if (options.textSize !== undefined) {
    // A new profile's Preferences, as the settings page would write them; Chromium reads them at start.
    mkdirSync(join(userDataDir, 'Default'));
    const scale = options.textSize / 100;
    const webprefs = { default_font_size: Math.round(16 * scale), default_fixed_font_size: Math.round(13 * scale) };
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs } }));
  }
  const localeArgs = options.locale ? [`--lang=${options.locale}`] : [];
  const env = { ...options.env, ...(options.locale ? { LANGUAGE: options.locale } : {}) };
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    enableExtensions: extensionDir !== null,
    args: [...CHROMIUM_ARGS, ...localeArgs, ...(options.args ?? [])],
    userDataDir,
    ...(Object.keys(env).length > 0 ? { env: { ...process.env, ...env } } : {}),
  });
  // We made the profile folder, so we remove it (puppeteer removes only its own). Only once Chromium has
  // exited: on 'disconnected' it is still writing its profile, and the folder came back half-removed.
  const removeProfile = (): void => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // A leftover temp folder is harmless.
    }
  };
  const chromiumProcess = browser.process();
  if (chromiumProcess) {
    if (chromiumProcess.exitCode !== null) removeProfile();
    else chromiumProcess.once('exit', removeProfile);
  } else browser.once('disconnected', removeProfile);
  if (extensionDir === null) return { browser, extensionId: '', extensionOrigin: '' };
  const extensionId = await browser.installExtension(extensionDir);
  const extensionOrigin = `chrome-extension://${extensionId}`;
  if (options.devTimeline !== false) await switchDevTimelineOnFromWorker(browser, extensionOrigin);
  return { browser, extensionId, extensionOrigin };
}

/**
 * Chromium: the switch set from Lectern's service worker, not from a page. Twice in full runs, a session that
 * set it from an options page opened the moment Lectern was installed then showed every extension page without
 * its messages (empty labels), or in English under another language; that early page is the suspect.
 */
async function switchDevTimelineOnFromWorker(browser: Browser, extensionOrigin: string): Promise<void> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`${extensionOrigin}/`), { timeout: 20_000 });
  const worker = await target.worker();
  if (!worker) throw new Error("could not reach Lectern's service worker to switch the developer timeline on");
  // The worker's target can appear before its module ran.
  await setSwitch(worker, "Lectern's service worker");
}

/**
 * Sets the switch from an extension context (a page or the worker), trying again until its storage API is
 * there (a page still loading, a worker still starting), for 20 seconds at most.
 */
async function setSwitch(context: Page | WebWorker, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  const trySet = (): Promise<boolean> =>
    context
      .evaluate(async (key) => {
        const api = (globalThis as { chrome?: { storage?: { local: { set(items: object): Promise<void> } } } }).chrome;
        if (!api?.storage) return false;
        await api.storage.local.set({ [key]: true });
        return true;
      }, DEV_TIMELINE_KEY)
      .catch(() => false);
  while (!(await trySet())) {
    if (Date.now() > deadline) throw new Error(`could not reach ${what} to switch the developer timeline on`);
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/** Sets Lectern's developer timeline switch from one of its own pages, as only the extension can (Firefox). */
async function switchDevTimelineOn(browser: Browser, extensionOrigin: string): Promise<void> {
  const page = await browser.newPage();
  try {
    // Not awaited: Firefox never settles on moz-extension:// navigations.
    void page.goto(`${extensionOrigin}/src/options/options.html`).catch(() => undefined);
    await setSwitch(page, 'an extension page');
  } finally {
    await page.close();
  }
}

/**
 * Firefox ESR over WebDriver BiDi. `--remote-allow-system-access` and the
 * pinned UUID let tests open moz-extension:// pages (do not await `goto`
 * on those; wait for a condition instead).
 */
export async function launchFirefox(extensionDir: string | null = DIST.firefox, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  checkBuilt(extensionDir);
  // Firefox keeps the sizes per script group, picked by the page's language: Latin, Arabic, and the fallback.
  const textSizePrefs: Record<string, number> = {};
  if (options.textSize !== undefined) {
    const scale = options.textSize / 100;
    for (const group of ['x-western', 'ar', 'x-unicode']) {
      textSizePrefs[`font.size.variable.${group}`] = Math.round(16 * scale);
      textSizePrefs[`font.size.monospace.${group}`] = Math.round(13 * scale);
    }
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access', ...(options.args ?? [])],
    // Release builds ignore services.settings.server (which puppeteer points
    // at its dummy.test sink) unless this is set, and would then fetch remote
    // settings from Mozilla on every start.
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', ...options.env },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      // No telemetry, updates or other traffic of the browser's own.
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'extensions.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...(options.locale ? { 'intl.locale.requested': options.locale } : {}),
      ...textSizePrefs,
      ...options.prefs,
    },
  });
  if (extensionDir === null) return { browser, extensionId: '', extensionOrigin: '' };
  await browser.installExtension(extensionDir);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  if (options.devTimeline !== false) await switchDevTimelineOn(browser, extensionOrigin);
  return { browser, extensionId: FIREFOX_EXTENSION_ID, extensionOrigin };
}
