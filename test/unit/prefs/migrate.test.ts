import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, type Migration } from '../../../src/core/prefs/migrate';
import { PREFS_VERSION } from '../../../src/core/prefs/schema';
import { validatePrefs } from '../../../src/core/prefs/validate';
import { junkPrefsDoc, schemaProblems, seeded } from './junk';

/** What the prototype (version 0) stored; see the history in migrate.ts. */
const V0 = { fontScale: 125, darkMode: true, dyslexicFont: true, disabledSites: ['Example.com', 'bad host', 42, 'news.example.org'], showImages: false };

describe('version 0 → 1', () => {
  it('turns the prototype shape into the current one', () => {
    const { doc, version, applied } = migrate(V0, undefined);
    expect(version).toBe(1);
    expect(applied).toEqual([0]);
    expect(validatePrefs(doc)).toMatchObject({
      fontSize: 20, // 125% of 16 px
      theme: 'dark',
      font: 'opendyslexic',
      showImages: false,
      sites: { 'example.com': { disabled: true }, 'news.example.org': { disabled: true } },
    });
    expect(Object.keys(doc)).not.toContain('fontScale');
    expect(Object.keys(doc)).not.toContain('disabledSites');
  });

  it.each([
    [50, 12], // 8 px, clamped to the new minimum
    [400, 64],
    [1000, 72],
  ])('fontScale %s%% becomes fontSize %s px', (fontScale, fontSize) => {
    expect(validatePrefs(migrate({ fontScale }, 0).doc).fontSize).toBe(fontSize);
  });

  it('does not override a field the document already has in its new form', () => {
    const { doc } = migrate({ fontScale: 200, fontSize: 18, darkMode: true, theme: 'sepia' }, 0);
    expect(validatePrefs(doc)).toMatchObject({ fontSize: 18, theme: 'sepia' });
  });

  it('ignores old fields of the wrong type', () => {
    const { doc } = migrate({ fontScale: '125', darkMode: 'yes', disabledSites: 'example.com' }, 0);
    expect(validatePrefs(doc)).toMatchObject({ fontSize: 20, theme: 'system' });
    expect(validatePrefs(doc).sites).toEqual({});
  });

  it('does not change the document it was given', () => {
    const input = structuredClone(V0);
    migrate(input, 0);
    expect(input).toEqual(V0);
  });
});

describe('the migration runner', () => {
  function recording(): { steps: Migration[]; calls: number[] } {
    const calls: number[] = [];
    const step = (from: number): Migration => ({
      from,
      describe: `step ${from}`,
      up(doc) {
        calls.push(from);
        doc.trail = `${String(doc.trail ?? '')}${from}`;
        return doc;
      },
    });
    // Given out of order on purpose: the runner orders them.
    return { steps: [step(2), step(0), step(1)], calls };
  }

  it('runs every step from the stored version up, in order, once', () => {
    const { steps, calls } = recording();
    const result = migrate({}, 0, { migrations: steps, target: 3 });
    expect(calls).toEqual([0, 1, 2]);
    expect(result).toMatchObject({ version: 3, applied: [0, 1, 2] });
    expect(result.doc.trail).toBe('012');
  });

  it('skips the steps older than the stored version', () => {
    const { steps, calls } = recording();
    expect(migrate({}, 1, { migrations: steps, target: 3 }).version).toBe(3);
    expect(calls).toEqual([1, 2]);
  });

  it('runs nothing on current or newer data', () => {
    const { steps, calls } = recording();
    expect(migrate({ a: 1 }, 3, { migrations: steps, target: 3 })).toMatchObject({ version: 3, applied: [] });
    expect(migrate({ a: 1 }, 9, { migrations: steps, target: 3 })).toMatchObject({ version: 9, applied: [] });
    expect(calls).toEqual([]);
  });

  it.each([[undefined], [null], [-1], [1.5], ['1'], [NaN], [{}]])('treats the version %j as 0', (version) => {
    const { steps, calls } = recording();
    migrate({}, version, { migrations: steps, target: 3 });
    expect(calls).toEqual([0, 1, 2]);
  });

  it('stops at a step that throws, keeping the last good document, and does not throw', () => {
    const broken: Migration = { from: 1, describe: 'broken', up: () => { throw new Error('bug'); } };
    const { steps, calls } = recording();
    const result = migrate({}, 0, { migrations: [steps[1]!, broken, steps[0]!], target: 3 });
    expect(result).toMatchObject({ version: 1, applied: [0] });
    expect(calls).toEqual([0]);
  });

  it('does not copy __proto__ into the migrated document', () => {
    const { doc } = migrate(JSON.parse('{"__proto__": {"polluted": true}, "fontScale": 150}'), 0);
    expect(Object.keys(doc)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has a contiguous list of real migrations that reaches PREFS_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: PREFS_VERSION }, (_, i) => i));
  });

  it('never throws on junk, and its output validates', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seeded(seed);
      const doc = junkPrefsDoc(random);
      if (random() < 0.5) Object.assign(doc, { fontScale: random() * 600 - 100, disabledSites: [junkPrefsDoc(random), 'ok.example', '__proto__'] });
      const { doc: migrated } = migrate(doc, random() < 0.5 ? 0 : undefined);
      expect(schemaProblems(validatePrefs(migrated)), `seed ${seed}`).toEqual([]);
    }
  });
});
