/**
 * npm start: opens a real browser with the built extension on the demo
 * article (test/fixtures/demo), served from localhost because extensions
 * do not run on file:// pages by default.
 *   npm start                 Chromium, via puppeteer-core
 *   npm run start:firefox     Firefox ESR, via web-ext run
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { startServer } from '../test/e2e/support/server';
import { DIST, findChromium, findFirefox } from '../test/support/browsers';

const { values } = parseArgs({ options: { browser: { type: 'string', default: 'chromium' } } });
// The same fixture server the end-to-end tests use.
const server = await startServer();
const demo = server.url('demo/');
console.log(`Demo article: ${demo}  (Ctrl+C to stop)`);

if (values.browser === 'firefox') {
  const child = spawn('npx', ['web-ext', 'run', '--source-dir', DIST.firefox, '--firefox', findFirefox(), '--start-url', demo], { stdio: 'inherit' });
  child.on('exit', () => void server.close());
} else {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: false,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: [
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Chromium will not start as root with its sandbox (a root shell in a container or a VM is common); as
      // anyone else it keeps it.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  await browser.installExtension(DIST.chrome);
  const [page] = await browser.pages();
  await (page ?? (await browser.newPage())).goto(demo);
  browser.on('disconnected', () => void server.close());
}
