import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
// Through vitest.config.ts's aliases: the patched copies the extension bundles.
import { Readability } from '@mozilla/readability';
import DOMPurify, { type WindowLike } from 'dompurify';
import { describe, expect, it } from 'vitest';
import { DOMPURIFY_PATCH, READABILITY_PATCH, applyPatch, packageDir, type VendorPatch } from '../../scripts/inert-vendor-html';
import { FIXTURES_DIR } from '../e2e/support/server';
import { BASE, load, page, paragraphs } from './extract/helpers';

// node's own require bypasses the aliases: the packages as published.
const original = createRequire(import.meta.url)('@mozilla/readability') as { Readability: typeof Readability };

/** An assignment to innerHTML (not a comparison), as the addons linter sees one. */
const INNER_HTML_ASSIGNMENT = /\.innerHTML\s*=(?!=)/g;

const source = (patch: VendorPatch): string => readFileSync(join(packageDir(patch.pkg), patch.file), 'utf8');

function parseBoth(html: string, url = BASE): [unknown, unknown] {
  const run = (R: typeof Readability): unknown => {
    const result = new R(load(html, url), { keepClasses: true }).parse();
    return result && { title: result.title, byline: result.byline, content: result.content };
  };
  return [run(Readability), run(original.Readability)];
}

describe('the bundled libraries without innerHTML assignments', () => {
  it('leaves no innerHTML assignment for the addons linter to warn about', () => {
    for (const patch of [READABILITY_PATCH, DOMPURIFY_PATCH]) {
      const before = source(patch).match(INNER_HTML_ASSIGNMENT) ?? [];
      expect(before.length).toBeGreaterThan(0);
      expect(applyPatch(source(patch), patch).match(INNER_HTML_ASSIGNMENT) ?? []).toEqual([]);
    }
  });

  it('stops the build when a statement is not where it was (a new library version)', () => {
    expect(() => applyPatch('var x = 1;', READABILITY_PATCH)).toThrow(/expected "page\.innerHTML = pageCacheHtml;" once/);
  });

  it('Readability reads every fixture page exactly as the published one does', () => {
    const names = readdirSync(FIXTURES_DIR).filter((name) => !name.startsWith('.'));
    expect(names.length).toBeGreaterThan(30);
    for (const name of names) {
      let html: string;
      try {
        html = readFileSync(join(FIXTURES_DIR, name, 'index.html'), 'utf8');
      } catch {
        continue;
      }
      const [patched, published] = parseBoth(html, `https://example.com/${name}/`);
      expect(patched, name).toEqual(published);
    }
  }, 60_000);

  it('Readability takes a picture out of <noscript> as the published one does', () => {
    const html = page(
      `<article><h1>Bridge reopens</h1><figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy"><noscript><img src="https://news.example.com/bridge.jpg" alt="The bridge at dawn"></noscript><figcaption>The bridge at dawn.</figcaption></figure>${paragraphs()}</article>`,
    );
    const [patched, published] = parseBoth(html);
    expect(JSON.stringify(patched)).toContain('https://news.example.com/bridge.jpg');
    expect(patched).toEqual(published);
  });

  it('Readability restores the page for its second attempt as the published one does', () => {
    // Too little text for the first attempt's strict rules: Readability puts the page back and tries again.
    const html = page(`<div class="sidebar"><p>Short note about the bridge, with a <a href="/more">link</a>.</p></div><div class="share"><p>${'The bridge reopened on Tuesday after repairs. '.repeat(6)}</p><p>Crews worked at night.</p></div>`);
    const [patched, published] = parseBoth(html);
    expect(patched).not.toBeNull();
    expect(patched).toEqual(published);
  });

  it("Readability's second attempt parses in the page's own mode: no doctype, quirks mode, as innerHTML would", () => {
    // jsdom's parser ignores quirks mode, so the markup the page is parsed from is what can be checked here.
    const parsed: string[] = [];
    const parse = DOMParser.prototype.parseFromString;
    DOMParser.prototype.parseFromString = function (this: DOMParser, markup: string, type: DOMParserSupportedType) {
      parsed.push(markup.slice(0, 20));
      return parse.call(this, markup, type);
    };
    try {
      const short = `<div class="sidebar"><p>Short note about the bridge, with a <a href="/more">link</a>.</p></div><div class="share"><p>${'The bridge reopened on Tuesday after repairs. '.repeat(6)}</p></div>`;
      new Readability(load(`<html><head><title>Bridge</title></head><body>${short}</body></html>`), {}).parse();
      new Readability(load(page(short)), {}).parse();
    } finally {
      DOMParser.prototype.parseFromString = parse;
    }
    expect(parsed[0]).toBe('<body><div class="si');
    expect(parsed.at(-1)).toBe('<!doctype html><body');
  });

  it('DOMPurify still sanitizes HTML, and returns nothing rather than parse a namespace it was not built for', () => {
    const purify = DOMPurify(window as unknown as WindowLike);
    expect(purify.sanitize('<p onclick="x()">Hi <img src=x onerror=alert(1)></p>')).toBe('<p>Hi <img src="x"></p>');
    expect(purify.sanitize('<svg xmlns="http://www.w3.org/2000/svg"><a>hi</a></svg>', { NAMESPACE: 'http://www.w3.org/2000/svg' })).toBe('');
  });
});
