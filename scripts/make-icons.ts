// Renders assets-src/icon.svg to the PNG sizes the manifest lists.
// Run by hand after changing the SVG (npx tsx scripts/make-icons.ts); the PNGs are committed.
import { readFile } from 'node:fs/promises';
import puppeteer from 'puppeteer-core';
import { findChromium } from '../test/support/browsers';

const svg = await readFile(new URL('../assets-src/icon.svg', import.meta.url), 'utf8');
const browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewport({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
