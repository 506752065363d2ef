import { describe, expect, it } from 'vitest';
import { applyPatch } from '../../../src/core/prefs/patch';
import { DEFAULT_PREFS, PREFS_VERSION } from '../../../src/core/prefs/schema';
import { EXPORT_FORMAT, exportPrefs, importPrefs, MAX_IMPORT_LENGTH, type ImportResult } from '../../../src/core/prefs/transfer';
import { junkPrefsDoc, schemaProblems, seeded } from './junk';

const CUSTOM = applyPatch(DEFAULT_PREFS, {
  theme: 'contrast',
  font: 'atkinson',
  fontSize: 32,
  letterSpacing: 0.12,
  captions: false,
  sites: { 'news.example': { alwaysReader: true }, 'off.example': { disabled: true, skipLink: false } },
});

const file = (body: Record<string, unknown>): string => JSON.stringify({ format: EXPORT_FORMAT, version: PREFS_VERSION, ...body });

function errorOf(result: ImportResult): string | null {
  return result.ok ? null : result.error;
}

describe('exportPrefs', () => {
  it('writes pretty JSON with a format marker, the version and every value', () => {
    const text = exportPrefs(CUSTOM, new Date('2030-01-02T03:04:05Z'));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: 'lectern-preferences', version: PREFS_VERSION, exportedAt: '2030-01-02T03:04:05.000Z' });
    expect(parsed.preferences).toEqual({ ...CUSTOM, sites: { ...CUSTOM.sites } });
    expect(parsed.preferences.fontSize).toBe(32);
    expect(parsed.preferences.lineHeight).toBe(1.6); // defaults too, so the file reads on its own
    expect(text).toContain('\n  "preferences": {\n    "theme": "contrast"');
  });

  it('round-trips through importPrefs', () => {
    expect(importPrefs(exportPrefs(CUSTOM))).toEqual({ ok: true, prefs: CUSTOM, adjusted: [] });
    expect(importPrefs(exportPrefs(DEFAULT_PREFS))).toEqual({ ok: true, prefs: DEFAULT_PREFS, adjusted: [] });
  });
});

describe('importPrefs rejects a bad file with a code', () => {
  it.each([
    ['an empty file', '', 'not-json'],
    ['blank lines', '\n\n', 'not-json'],
    ['plain text', 'fontSize=24', 'not-json'],
    ['truncated JSON', exportPrefs(CUSTOM).slice(0, 80), 'not-json'],
    ['JSON with comments', '// prefs\n{}', 'not-json'],
    ['deeply nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'wrong-format'],
    ['a file over the size limit', ' '.repeat(MAX_IMPORT_LENGTH + 1), 'too-large'],
    ['JSON null', 'null', 'wrong-format'],
    ['a JSON number', '42', 'wrong-format'],
    ['a JSON string', '"lectern-preferences"', 'wrong-format'],
    ['a JSON array', `[${exportPrefs(CUSTOM)}]`, 'wrong-format'],
    ['an object without a marker', JSON.stringify({ preferences: { fontSize: 30 } }), 'wrong-format'],
    ['bare preferences', JSON.stringify(CUSTOM), 'wrong-format'],
    ['another extension’s file', JSON.stringify({ format: 'darkreader', version: 1, preferences: {} }), 'wrong-format'],
    ['a marker with different case', JSON.stringify({ format: 'Lectern-Preferences', version: 1, preferences: {} }), 'wrong-format'],
    ['no version', JSON.stringify({ format: EXPORT_FORMAT, preferences: {} }), 'wrong-format'],
    ['a version as text', file({ version: '1', preferences: {} }), 'wrong-format'],
    ['a negative version', file({ version: -1, preferences: {} }), 'wrong-format'],
    ['a fractional version', file({ version: 1.5, preferences: {} }), 'wrong-format'],
    ['no preferences', file({}), 'wrong-format'],
    ['preferences as an array', file({ preferences: [] }), 'wrong-format'],
    ['preferences as text', file({ preferences: 'dark' }), 'wrong-format'],
    ['a file from a later version', file({ version: PREFS_VERSION + 1, preferences: {} }), 'newer-version'],
  ])('%s → %s', (_label, text, error) => {
    expect(errorOf(importPrefs(text))).toBe(error);
  });

  it('rejects something that is not text at all', () => {
    expect(errorOf(importPrefs(undefined as unknown as string))).toBe('not-json');
  });
});

describe('importPrefs accepts and repairs', () => {
  it('accepts a byte-order mark', () => {
    expect(importPrefs(`\uFEFF${exportPrefs(CUSTOM)}`)).toMatchObject({ ok: true, prefs: CUSTOM });
  });

  it('validates every value, and lists what it had to replace', () => {
    const result = importPrefs(file({ preferences: { fontSize: 500, theme: 'neon', font: 'serif', captionSize: 'big', sites: { 'bad host': { disabled: true } } } }));
    expect(result).toEqual({
      ok: true,
      prefs: { ...DEFAULT_PREFS, fontSize: 72, font: 'serif' },
      adjusted: ['theme', 'fontSize', 'captionSize', 'sites'],
    });
  });

  it('fills a partial file with the defaults', () => {
    expect(importPrefs(file({ preferences: { theme: 'sepia' } }))).toEqual({ ok: true, prefs: { ...DEFAULT_PREFS, theme: 'sepia' }, adjusted: [] });
  });

  it('migrates a file written by an older version', () => {
    const result = importPrefs(JSON.stringify({ format: EXPORT_FORMAT, version: 0, preferences: { fontScale: 150, darkMode: true } }));
    expect(result).toMatchObject({ ok: true, prefs: { fontSize: 24, theme: 'dark' } });
  });

  it('does not let a hostile file pollute prototypes', () => {
    const text = `{"format":"${EXPORT_FORMAT}","version":1,"__proto__":{"polluted":1},"preferences":{"__proto__":{"fontSize":50,"polluted":1},"sites":{"__proto__":{"disabled":true}}}}`;
    const result = importPrefs(text);
    expect(result).toEqual({ ok: true, prefs: DEFAULT_PREFS, adjusted: ['sites'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on junk files, and what it accepts is valid', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seeded(seed);
      const doc = junkPrefsDoc(random);
      let text: string;
      try {
        text = file({ preferences: JSON.parse(JSON.stringify(doc)) });
      } catch {
        continue; // BigInt: not something a file can hold
      }
      if (random() < 0.2) text = text.slice(0, Math.floor(random() * text.length));
      const result = importPrefs(text);
      if (result.ok) {
        accepted++;
        expect(schemaProblems(result.prefs), `seed ${seed}`).toEqual([]);
      }
    }
    expect(accepted).toBeGreaterThan(300);
  });
});
