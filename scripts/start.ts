/**
 * npm start: opens a real browser with the built extension on the demo
 * article (test/fixtures/demo), served from localhost because extensions
 * do not run on file:// pages by default.
 *   npm start                 Chromium, via puppeteer-core
 *   npm run start:firefox     Firefox ESR, via web-ext run
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { DIST, findChromium, findFirefox } from '../test/support/browsers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.json': 'application/json',
};

const { values } = parseArgs({ options: { browser: { type: 'string', default: 'chromium' } } });
const root = resolve('test/fixtures');
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  let file = join(root, path);
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  if (statSync(file).isDirectory()) file = join(file, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const demo = `http://127.0.0.1:${(server.address() as AddressInfo).port}/demo/`;
console.log(`Demo article: ${demo}  (Ctrl+C to stop)`);

if (values.browser === 'firefox') {
  const child = spawn('npx', ['web-ext', 'run', '--source-dir', DIST.firefox, '--firefox', findFirefox(), '--start-url', demo], { stdio: 'inherit' });
  child.on('exit', () => server.close());
} else {
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: false,
    pipe: true,
    enableExtensions: true,
    defaultViewport: null,
    args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await browser.installExtension(DIST.chrome);
  const [page] = await browser.pages();
  await (page ?? (await browser.newPage())).goto(demo);
  browser.on('disconnected', () => server.close());
}
