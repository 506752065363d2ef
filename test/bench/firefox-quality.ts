/**
 * npm run bench:firefox -- --corpus DIR [--limit N]
 *
 * The corpus in Firefox ESR, for what the browser can change: whether
 * Lectern finds the article, where Tab, Enter lands, and the reader's text
 * (F1 against the ground truth). Timing is the Chromium bench's (run.ts):
 * it reads Chromium's service worker and heap through CDP. A benchmark, not
 * a test: it asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { newestTabId, toggleReaderInTab } from '../e2e/support/extension-pages';
import { findReaderFrame, openExtensionPage, startSession, verdict } from '../e2e/support/harness';
import { corpusIds, serveCorpus } from './corpus-server';
import { textFromFocus } from './measure-skip-link';
import { extractionScore, firstSentenceOffset, LANDING_WINDOW_CHARS } from './stats';

const { values } = parseArgs({ options: { corpus: { type: 'string', default: '../shared/corpus/dev' }, limit: { type: 'string' } } });
const corpus = resolve(values.corpus as string);
const truth = JSON.parse(readFileSync(join(corpus, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string }>;
let ids = corpusIds(corpus);
if (values.limit) ids = ids.slice(0, Number(values.limit));

const server = await serveCorpus(corpus);
const session = await startSession('firefox');
// The popup's message, sent from an extension page, opens the reader in a tab.
const extensionPage = await openExtensionPage(session, 'src/options/options.html');
let found = 0;
let landed = 0;
const bodies: Record<string, { articleBody: string }> = {};
try {
  for (const id of ids) {
    const page = await session.newPage();
    let line = id.slice(0, 8);
    try {
      await page.goto(server.url(id), { waitUntil: 'domcontentloaded', timeout: 30_000 });
      const isArticle = (await verdict(page)) === 'article';
      if (isArticle) found++;
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      // Following a site's own skip link is a navigation to a fragment.
      await new Promise((done) => setTimeout(done, 150));
      const offset = firstSentenceOffset(truth[id]?.articleBody ?? '', await textFromFocus(page));
      const lands = offset >= 0 && offset <= LANDING_WINDOW_CHARS;
      if (lands) landed++;
      await toggleReaderInTab(extensionPage, await newestTabId(extensionPage));
      const frame = await findReaderFrame(session, page);
      const body = await frame.evaluate(() => document.querySelector<HTMLElement>('.article-body')?.innerText ?? '');
      bodies[id] = { articleBody: body };
      line += ` ${isArticle ? 'article' : 'no article'}, ${lands ? 'landed' : `missed (offset ${offset})`}, reader ${body.length} chars`;
    } catch (error) {
      bodies[id] = { articleBody: '' };
      line += ` error: ${String(error).slice(0, 200)}`;
    } finally {
      await page.close().catch(() => undefined);
    }
    console.log(line);
  }
} finally {
  await session.close();
  await server.close();
}
const score = extractionScore(truth, bodies, ids);
console.log(`pages ${ids.length}  articleFound ${found}  landed ${landed} (${(landed / ids.length).toFixed(3)})`);
console.log(`lectern reader  F1 ${score.f1.toFixed(3)} P ${score.precision.toFixed(3)} R ${score.recall.toFixed(3)} n ${score.pages}`);
const problems = session.problems.filter((p) => /lectern|-extension:\/\//i.test(p.text));
console.log(problems.length ? `Lectern's console problems:\n${problems.map((p) => `  ${p.text}`).join('\n')}` : "no console problems from Lectern");
