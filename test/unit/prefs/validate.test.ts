import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, FIELD_NAMES, FIELDS, MAX_SITES } from '../../../src/core/prefs/schema';
import { checkPrefs, validateField, validatePrefs } from '../../../src/core/prefs/validate';
import { junkPrefsDoc, junkValue, schemaProblems, seeded } from './junk';

const revoked = Proxy.revocable({}, {});
revoked.revoke();

const GARBAGE: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 42],
  ['NaN', NaN],
  ['a string', 'fontSize=24'],
  ['a huge string', 'x'.repeat(5_000_000)],
  ['an array', [{ fontSize: 30 }]],
  ['a function', () => ({ fontSize: 30 })],
  ['a symbol', Symbol('prefs')],
  ['a bigint', 10n],
  ['a Date', new Date()],
  ['a Map', new Map([['fontSize', 30]])],
  ['a throwing Proxy', new Proxy({}, { get: () => { throw new Error('trap'); }, getOwnPropertyDescriptor: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } })],
  ['a revoked Proxy', revoked.proxy],
  ['an object with a throwing getter', Object.defineProperty({}, 'fontSize', { get: () => { throw new Error('getter'); }, enumerable: true })],
];

describe('validatePrefs on garbage', () => {
  it.each(GARBAGE)('gives the defaults for %s, without throwing', (_label, raw) => {
    expect(validatePrefs(raw)).toEqual(DEFAULT_PREFS);
  });

  it('never runs a getter', () => {
    let ran = false;
    const raw = Object.defineProperty({}, 'fontSize', { get: () => ((ran = true), 30), enumerable: true });
    expect(validatePrefs(raw).fontSize).toBe(20);
    expect(ran).toBe(false);
  });

  it('ignores inherited values', () => {
    expect(validatePrefs(Object.create({ fontSize: 30, theme: 'dark' }))).toEqual(DEFAULT_PREFS);
  });

  it('does not let __proto__ or constructor keys pollute anything', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": true, "fontSize": 50}, "constructor": {"prototype": {"polluted": true}}, "sites": {"__proto__": {"disabled": true}, "constructor": {"disabled": true}}}');
    const prefs = validatePrefs(raw);
    expect(prefs.fontSize).toBe(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(prefs)).toBe(Object.prototype);
    expect(Object.keys(prefs.sites)).toEqual(['constructor']); // a valid one-label hostname, stored as an own key
    expect(Object.getPrototypeOf(prefs.sites)).toBeNull();
  });
});

const NOT_A_NUMBER = [NaN, Infinity, -Infinity, '', 'twenty', '20px', '1e3', '0x20', 'x'.repeat(1_000_000), [], [24], {}, { value: 24 }, () => 24, Symbol('n'), 24n, true, null, new Date(0)];
const NOT_A_BOOLEAN = [0, 1, 'yes', 'TRUE ', '', [], {}, [true], { value: true }, () => true, NaN, null, Symbol('b')];
const NOT_AN_ENUM = [0, 'purple', '', 'x'.repeat(1_000_000), 'dark'.repeat(20), ['dark'], { value: 'dark' }, () => 'dark', true, null, '__proto__', 'toString'];

describe('each field falls back to its default on a bad value', () => {
  for (const name of FIELD_NAMES) {
    const spec = FIELDS[name];
    const bad = spec.kind === 'number' ? NOT_A_NUMBER : spec.kind === 'boolean' ? NOT_A_BOOLEAN : NOT_AN_ENUM;
    it.each(bad.map((value) => [String(typeof value === 'symbol' ? 'symbol' : value).slice(0, 20), value]))(`${name} ← %s`, (_label, value) => {
      const changed = { ...DEFAULT_PREFS, [name]: value };
      const report = checkPrefs(changed);
      expect(report.prefs[name]).toBe(spec.default);
      if (value !== null) expect(report.adjusted).toContain(name);
      expect(validateField(name, value)).toBeUndefined();
    });
  }
});

describe('clamping and snapping', () => {
  it.each([
    ['fontSize', 5, 12],
    ['fontSize', -20, 12],
    ['fontSize', 1000, 72],
    ['fontSize', 20.4, 20],
    ['fontSize', 20.6, 21],
    ['fontSize', '24', 24],
    ['fontSize', ' 30.2 ', 30],
    ['lineHeight', 1, 1.2],
    ['lineHeight', 1.54, 1.5],
    ['lineHeight', 1.56, 1.6],
    ['lineHeight', 9, 2.4],
    ['letterSpacing', 0.121, 0.12],
    ['letterSpacing', -1, 0],
    ['wordSpacing', 0.5, 0.32],
    ['paragraphSpacing', 2.04, 2],
    ['contentWidth', 20, 40],
    ['contentWidth', 1e9, 100],
    ['captionSize', 153, 155],
    ['captionSize', 99, 100],
    ['captionSize', Number.MAX_VALUE, 200],
  ] as const)('%s: %s becomes %s', (name, input, expected) => {
    expect(validatePrefs({ [name]: input })[name]).toBe(expected);
  });

  it('reports a clamp but not a value that was already fine', () => {
    expect(checkPrefs({ fontSize: 100, lineHeight: 1.8 }).adjusted).toEqual(['fontSize']);
  });

  it('accepts enums and booleans as a hand-edited file might write them', () => {
    expect(validatePrefs({ theme: ' Dark ', font: 'OpenDyslexic', showImages: 'false' })).toMatchObject({ theme: 'dark', font: 'opendyslexic', showImages: false });
  });
});

describe('sites', () => {
  it('keeps valid hosts and boolean overrides only', () => {
    const prefs = validatePrefs({
      sites: {
        'Example.COM.': { captions: false, color: 'red', disabled: 'yes' },
        'news.example.org': { alwaysReader: true, skipLink: false },
        'bad host': { disabled: true },
        'only-junk.com': { disabled: 1 },
        'notanobject.com': true,
        '999': { disabled: true },
        [`${'a'.repeat(64)}.com`]: { disabled: true },
      },
    });
    expect(prefs.sites).toEqual({ 'example.com': { captions: false }, 'news.example.org': { skipLink: false, alwaysReader: true } });
  });

  it('merges two spellings of one host', () => {
    const prefs = validatePrefs({ sites: { 'example.com': { captions: false }, 'EXAMPLE.com': { disabled: true } } });
    expect(prefs.sites).toEqual({ 'example.com': { captions: false, disabled: true } });
  });

  it('says so when a site keeps some switches and loses others that were not valid', () => {
    const report = checkPrefs({ sites: { 'example.com': { captions: false, skipLink: 'yes' } } });
    expect(report.prefs.sites).toEqual({ 'example.com': { captions: false } });
    expect(report.adjusted).toContain('sites');
    expect(checkPrefs({ sites: { 'example.com': { captions: false } } }).adjusted).not.toContain('sites');
  });

  it(`keeps at most ${MAX_SITES} sites`, () => {
    const sites = Object.fromEntries(Array.from({ length: MAX_SITES + 50 }, (_, i) => [`site${i}.example`, { disabled: true }]));
    const report = checkPrefs({ sites });
    expect(Object.keys(report.prefs.sites)).toHaveLength(MAX_SITES);
    expect(report.prefs.sites[`site${MAX_SITES - 1}.example`]).toEqual({ disabled: true });
    expect(report.prefs.sites[`site${MAX_SITES}.example`]).toBeUndefined();
    expect(report.adjusted).toContain('sites');
  });

  it.each([[[]], ['example.com'], [42], [null]])('treats sites = %j as none', (sites) => {
    expect(validatePrefs({ sites }).sites).toEqual({});
  });
});

describe('seeded fuzz', () => {
  it('turns 3000 junk documents into valid prefs, and validating again changes nothing', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const doc = seeded(seed)() < 0.8 ? junkPrefsDoc(seeded(seed)) : junkValue(seeded(seed));
      let prefs;
      try {
        prefs = validatePrefs(doc);
      } catch (error) {
        throw new Error(`seed ${seed} threw: ${String(error)}`);
      }
      expect(schemaProblems(prefs), `seed ${seed}`).toEqual([]);
      expect(validatePrefs(prefs), `seed ${seed}`).toEqual(prefs);
    }
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    // inspect(), as functions and symbols are new objects on each run
    expect(inspect(junkPrefsDoc(seeded(7)), { depth: 9 })).toBe(inspect(junkPrefsDoc(seeded(7)), { depth: 9 }));
    expect(seeded(7)()).not.toBe(seeded(8)());
  });

  it('produces values that exercise both paths (some fields kept, some defaulted)', () => {
    let kept = 0;
    let defaulted = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const prefs = validatePrefs(junkPrefsDoc(seeded(seed)));
      for (const name of FIELD_NAMES) {
        if (prefs[name] === FIELDS[name].default) defaulted++;
        else kept++;
      }
    }
    expect(kept).toBeGreaterThan(200);
    expect(defaulted).toBeGreaterThan(200);
  });
});
