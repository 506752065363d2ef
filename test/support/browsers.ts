/**
 * Finds and launches the Debian browsers the tests drive, with the built
 * extension loaded. Nothing is ever downloaded: when a browser is missing we
 * say how to install it and stop.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

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
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    pipe: true,
    enableExtensions: extensionDir !== null,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    userDataDir,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  // We made the profile folder, so we remove it (puppeteer removes only its own).
  browser.once('disconnected', () => {
    try {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // Chromium may still be writing its profile; a leftover temp folder is harmless.
    }
  });
  if (extensionDir === null) return { browser, extensionId: '', extensionOrigin: '' };
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId, extensionOrigin: `chrome-extension://${extensionId}` };
}

/**
 * Firefox ESR over WebDriver BiDi. `--remote-allow-system-access` and the
 * pinned UUID let tests open moz-extension:// pages (do not await `goto`
 * on those; wait for a condition instead).
 */
export async function launchFirefox(extensionDir: string | null = DIST.firefox, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  checkBuilt(extensionDir);
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
      ...options.prefs,
    },
  });
  if (extensionDir === null) return { browser, extensionId: '', extensionOrigin: '' };
  await browser.installExtension(extensionDir);
  return { browser, extensionId: FIREFOX_EXTENSION_ID, extensionOrigin: `moz-extension://${FIREFOX_EXTENSION_UUID}` };
}
