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
import { waitForCaptions } from './measure-captions';
import { waitForLectern } from './measure-skip-link';
import { percentile } from './stats';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { fileName?: string; data?: { url?: string; stackTrace?: { url: string }[]; consumedCacheSize?: number } };
}

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/corpus/dev' },
    limit: { type: 'string', default: '30' },
    // Another build of the extension, to compare with (default: dist/chrome).
    extension: { type: 'string' },
  },
});
const corpus = resolve(values.corpus as string);
const ids = corpusIds(corpus).slice(0, Number(values.limit));

/** Tasks that name Lectern's code: its script evaluated or compiled, or a call into one of its functions. */
const TASKS = new Set(['EvaluateScript', 'FunctionCall', 'v8.run', 'v8.compile', 'v8.compileModule']);
/**
 * The script's own measures of its work, which the trace records too: a module's evaluation and the
 * callbacks it runs in come with no address of Lectern's, so its measures tell them.
 */
const MEASURES = new Set(['lectern:start-up', 'lectern:prefs-work', 'lectern:article-access', 'lectern:captions']);
/** V8 compiling: a whole script or module, or one function on its first call. */
const COMPILES = new Set(['v8.compile', 'v8.compileModule', 'V8.CompileCode']);

const isLecterns = (e: TraceEvent): boolean => {
  const data = e.args?.data;
  return /^chrome-extension:/.test(data?.url ?? e.args?.fileName ?? data?.stackTrace?.[0]?.url ?? '');
};

/** The spans of the script's user-timing measures, from their begin and end events. */
function measureSpans(events: TraceEvent[]): { pid: number; span: [number, number] }[] {
  const open = new Map<string, number>();
  const spans: { pid: number; span: [number, number] }[] = [];
  for (const e of events.filter((ev) => ev.cat.includes('user_timing') && MEASURES.has(ev.name)).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.pid} ${e.name} ${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') open.set(key, e.ts);
    const start = open.get(key);
    if (e.ph === 'e' && start !== undefined) {
      spans.push({ pid: e.pid, span: [start, e.ts] });
      open.delete(key);
    }
  }
  return spans;
}

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

function costs(events: TraceEvent[]): { mainThreadMs: number; compileMs: number; fromCache: boolean } {
  const span = (e: TraceEvent): [number, number] => [e.ts, e.ts + (e.dur ?? 0)];
  const tasks = events.filter((e) => e.ph === 'X' && TASKS.has(e.name) && isLecterns(e));
  // The page's main thread: where Lectern's functions are called (a module may be compiled off it, on a worker).
  const main = tasks.find((t) => t.name === 'FunctionCall' || t.name === 'EvaluateScript');
  const onMain = (e: TraceEvent): boolean => !!main && e.pid === main.pid && e.tid === main.tid;
  const windows = [...tasks.filter(onMain).map(span), ...measureSpans(events).filter((m) => m.pid === main?.pid).map((m) => m.span)];
  const within = (e: TraceEvent): boolean => windows.some(([a, b]) => e.ts >= a && e.ts + (e.dur ?? 0) <= b + 1);
  return {
    mainThreadMs: covered(windows) / 1000,
    compileMs: covered(events.filter((e) => e.ph === 'X' && COMPILES.has(e.name) && onMain(e) && within(e)).map(span)) / 1000,
    fromCache: events.some((e) => COMPILES.has(e.name) && isLecterns(e) && (e.args?.data?.consumedCacheSize ?? 0) > 0),
  };
}

const server = await serveCorpus(corpus);
const { browser } = await launchChromium(values.extension ? resolve(values.extension) : undefined);
const rows: { id: string; mainThreadMs: number; compileMs: number; fromCache: boolean }[] = [];
try {
  for (const id of ids) {
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    // Only the corpus server and Lectern's own files (its module loads from a per-session address).
    page.on('request', (req) => void (req.url().startsWith(server.origin) || req.url().startsWith('chrome-extension://') ? req.continue() : req.abort()));
    await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.compile', 'blink.user_timing'] });
    await page.goto(server.url(id), { waitUntil: 'domcontentloaded' });
    if (await waitForLectern(page)) await waitForCaptions(page);
    const trace = await page.tracing.stop();
    await page.close();
    if (!trace) continue;
    const row = { id, ...costs((JSON.parse(Buffer.from(trace).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents) };
    rows.push(row);
    console.log(`${id.slice(0, 4)}  main thread ${row.mainThreadMs.toFixed(1)} ms, compiling ${row.compileMs.toFixed(1)} ms${row.fromCache ? ', compiled code from the cache' : ''}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const median = (key: 'mainThreadMs' | 'compileMs'): string => percentile(rows.map((r) => r[key]), 50).toFixed(1);
const p95 = (key: 'mainThreadMs' | 'compileMs'): string => percentile(rows.map((r) => r[key]), 95).toFixed(1);
console.log(
  `${rows.length} pages: Lectern's main-thread work median ${median('mainThreadMs')} ms (p95 ${p95('mainThreadMs')}), ` +
    `of which V8 compiling its code ${median('compileMs')} ms (p95 ${p95('compileMs')}); ` +
    `its code from V8's cache on ${rows.filter((r) => r.fromCache).length}`,
);
