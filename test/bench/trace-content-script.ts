/**
 * npm run bench:trace -- --corpus DIR [--limit N]
 *
 * The always-on content script's whole cost on the page's main thread, from
 * a Chrome trace of each page's load: its tasks (script evaluation and every
 * callback into Lectern's code), and within them the time V8 spent compiling
 * Lectern's code. The main benchmark's user-timing measures start at the
 * script's first line, so they cannot see the compile before it; this can.
 * A benchmark, not a test: it prints medians and asserts nothing.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../support/browsers';
import { corpusIds, serveCorpus } from './corpus-server';
import { waitForLectern } from './measure-skip-link';
import { percentile } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: { url: string }[] } };
}

const { values } = parseArgs({
  options: { corpus: { type: 'string', default: '../shared/corpus/dev' }, limit: { type: 'string', default: '30' } },
});
const corpus = resolve(values.corpus as string);
const ids = corpusIds(corpus).slice(0, Number(values.limit));

/** Tasks that run Lectern's code: its script or module evaluated, or a call into one of its functions. */
const TASKS = new Set(['EvaluateScript', 'FunctionCall', 'v8.run', 'v8.evaluateModule', 'v8.compileModule']);
/** V8 compiling: a whole script or module, or one function on its first call. */
const COMPILES = new Set(['v8.compile', 'v8.compileModule', 'V8.CompileCode']);

const isLecterns = (e: TraceEvent): boolean => {
  const data = e.args?.data;
  return /^chrome-extension:/.test(data?.url ?? data?.stackTrace?.[0]?.url ?? '');
};

/** Total length of a set of time spans, overlaps counted once (a function compiled inside a script's compile). */
function covered(spans: [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

function costs(events: TraceEvent[]): { mainThreadMs: number; compileMs: number } {
  const tasks = events.filter((e) => e.ph === 'X' && TASKS.has(e.name) && isLecterns(e));
  const within = (e: TraceEvent): boolean =>
    tasks.some((t) => t.pid === e.pid && t.tid === e.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0));
  const span = (e: TraceEvent): [number, number] => [e.ts, e.ts + (e.dur ?? 0)];
  return {
    mainThreadMs: covered(tasks.map(span)) / 1000,
    compileMs: covered(events.filter((e) => e.ph === 'X' && COMPILES.has(e.name) && within(e)).map(span)) / 1000,
  };
}

const server = await serveCorpus(corpus);
const { browser } = await launchChromium();
const rows: { id: string; mainThreadMs: number; compileMs: number }[] = [];
try {
  for (const id of ids) {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    // Only the corpus server and Lectern's own files (its module loads from a per-session address).
    page.on('request', (req) => void (req.url().startsWith(server.origin) || req.url().startsWith('chrome-extension://') ? req.continue() : req.abort()));
    await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.compile'] });
    await page.goto(server.url(id), { waitUntil: 'domcontentloaded' });
    if (await waitForLectern(page)) {
      // The captions run in idle time after the verdict.
      await page.waitForFunction(() => performance.getEntriesByName('lectern:captions').length > 0, { timeout: 3000 }).catch(() => undefined);
    }
    const trace = await page.tracing.stop();
    await page.close();
    if (!trace) continue;
    const row = { id, ...costs((JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents) };
    rows.push(row);
    console.log(`${id.slice(0, 4)}  main thread ${row.mainThreadMs.toFixed(1)} ms, compiling ${row.compileMs.toFixed(1)} ms`);
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (key: 'mainThreadMs' | 'compileMs'): string => percentile(rows.map((r) => r[key]), 50).toFixed(1);
const p95 = (key: 'mainThreadMs' | 'compileMs'): string => percentile(rows.map((r) => r[key]), 95).toFixed(1);
console.log(`${rows.length} pages: Lectern's main-thread work median ${median('mainThreadMs')} ms (p95 ${p95('mainThreadMs')}), of which V8 compiling its code ${median('compileMs')} ms (p95 ${p95('compileMs')})`);
