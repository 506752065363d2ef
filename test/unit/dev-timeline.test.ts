import { describe, expect, it } from 'vitest';
import { createDevTimeline } from '../../src/core/dev-timeline';

function switchable(): { promise: Promise<boolean>; set(on: boolean): void } {
  let set: (on: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((resolve) => {
    set = resolve;
  });
  return { promise, set };
}

const lecternEntries = (): string[] =>
  performance
    .getEntries()
    .filter((e) => e.name.startsWith('test-lectern:'))
    .map((e) => `${e.entryType} ${e.name}`);

describe('the developer timeline', () => {
  it('writes nothing to the page timeline while its switch is off, before or after the switch is read', async () => {
    performance.clearMarks();
    performance.clearMeasures();
    const off = switchable();
    const timeline = createDevTimeline(off.promise, performance);
    timeline.mark('test-lectern:before');
    off.set(false);
    await off.promise;
    await Promise.resolve();
    timeline.measure('test-lectern:after', 0, 1);
    timeline.mark('test-lectern:after-mark');
    expect(lecternEntries()).toEqual([]);
  });

  it('writes what waited for the switch with its own times, in order, and later entries at once', async () => {
    performance.clearMarks();
    performance.clearMeasures();
    const on = switchable();
    const timeline = createDevTimeline(on.promise, performance);
    const start = performance.now();
    timeline.measure('test-lectern:work', start, start + 5, { counts: 2 });
    timeline.mark('test-lectern:found', { gaveUp: false });
    const markedAt = performance.now();
    expect(lecternEntries()).toEqual([]);
    on.set(true);
    await on.promise;
    await Promise.resolve();
    timeline.mark('test-lectern:later');
    expect(lecternEntries()).toEqual(['measure test-lectern:work', 'mark test-lectern:found', 'mark test-lectern:later']);
    const [work] = performance.getEntriesByName('test-lectern:work') as PerformanceMeasure[];
    expect(work?.startTime).toBe(start);
    expect(work?.duration).toBeCloseTo(5);
    expect(work?.detail).toEqual({ counts: 2 });
    const [found] = performance.getEntriesByName('test-lectern:found') as PerformanceMark[];
    expect(found?.startTime).toBeLessThanOrEqual(markedAt);
    expect(found?.detail).toEqual({ gaveUp: false });
  });

  it('counts a switch that cannot be read as off', async () => {
    performance.clearMarks();
    performance.clearMeasures();
    const timeline = createDevTimeline(Promise.reject(new Error('no storage')), performance);
    timeline.mark('test-lectern:x');
    await new Promise((done) => setTimeout(done, 0));
    timeline.mark('test-lectern:y');
    expect(lecternEntries()).toEqual([]);
  });
});
