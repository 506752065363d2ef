import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, FIELD_NAMES, FIELDS, type NumberSpec } from '../../../src/core/prefs/schema';
import { snapToStep, validatePrefs } from '../../../src/core/prefs/validate';
import { schemaProblems } from './junk';

describe('schema', () => {
  it('has defaults that are valid values of their own fields', () => {
    expect(schemaProblems(DEFAULT_PREFS)).toEqual([]);
    expect(validatePrefs(DEFAULT_PREFS)).toEqual(DEFAULT_PREFS);
  });

  it('gives the defaults asked for', () => {
    expect(DEFAULT_PREFS).toMatchObject({
      theme: 'system',
      fontSize: 20,
      lineHeight: 1.6,
      contentWidth: 68,
      skipLink: true,
      captionSize: 100,
    });
    expect(Object.keys(DEFAULT_PREFS.sites)).toEqual([]);
  });

  it('keeps the defaults from being changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_PREFS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_PREFS.sites)).toBe(true);
  });

  it.each(FIELD_NAMES.filter((name) => FIELDS[name].kind === 'number'))('%s has a sane range, with its max on the step grid', (name) => {
    const spec = FIELDS[name] as NumberSpec;
    expect(spec.min).toBeLessThan(spec.max);
    expect(spec.step).toBeGreaterThan(0);
    expect(snapToStep(spec, spec.max)).toBe(spec.max);
    expect(snapToStep(spec, spec.min)).toBe(spec.min);
    expect(snapToStep(spec, spec.default)).toBe(spec.default);
  });

  // WCAG 2.2 SC 1.4.12 Text Spacing: these values must be reachable.
  it.each([
    ['lineHeight', 1.5],
    ['letterSpacing', 0.12],
    ['wordSpacing', 0.16],
    ['paragraphSpacing', 2],
    ['fontSize', 12],
    ['fontSize', 72],
    ['captionSize', 200],
  ] as const)('%s can be set to exactly %s', (name, value) => {
    expect(snapToStep(FIELDS[name], value)).toBe(value);
    expect(validatePrefs({ [name]: value })[name]).toBe(value);
  });

  it('offers every theme and font the reader supports', () => {
    expect(FIELDS.theme.values).toEqual(['system', 'light', 'sepia', 'dark', 'contrast']);
    expect(FIELDS.font.values).toEqual(['serif', 'sans', 'atkinson', 'opendyslexic']);
  });
});
