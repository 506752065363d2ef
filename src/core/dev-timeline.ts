/**
 * Lectern's user-timing entries ('lectern:detect', 'lectern:article-found',
 * 'lectern:captions', ...) are how the benchmark and the end-to-end tests
 * read what the content scripts found on a page and what it cost. A page's
 * performance timeline is shared by every script in it, the page's own
 * included, so on a person's browser those entries would tell any site
 * that Lectern runs there and what it found. They are written only where
 * this storage.local switch is on: the tests and the benchmark set it from
 * an extension page; no web page can, and nothing in Lectern's UI does.
 */
export const DEV_TIMELINE_KEY = 'devTimeline';

export interface DevTimeline {
  /** A property, not a method: passed on alone as a timing callback, it needs no `this`. */
  measure: (name: string, start: number, end: number, detail?: unknown) => void;
  /** A mark at this moment, though it may be written later. */
  mark(name: string, detail?: unknown): void;
}

type Timing = Pick<Performance, 'now' | 'mark' | 'measure'>;

/**
 * Entries made before `enabled` settles wait for it, then are written with
 * the times they were made at (so their order and durations hold), or dropped.
 */
export function createDevTimeline(enabled: Promise<boolean>, timing: Timing): DevTimeline {
  let state: 'waiting' | 'on' | 'off' = 'waiting';
  let waiting: (() => void)[] = [];
  const write = (entry: () => void): void => {
    try {
      entry();
    } catch {
      // A timeline entry is for the bench; it must never cost the page Lectern.
    }
  };
  const add = (entry: () => void): void => {
    if (state === 'on') write(entry);
    else if (state === 'waiting') waiting.push(entry);
  };
  void enabled
    .catch(() => false)
    .then((on) => {
      state = on ? 'on' : 'off';
      const queued = waiting;
      waiting = [];
      if (on) queued.forEach(write);
    });
  return {
    measure: (name, start, end, detail) => add(() => timing.measure(name, { start, end, detail })),
    mark(name, detail) {
      const startTime = timing.now();
      add(() => timing.mark(name, { startTime, detail }));
    },
  };
}
