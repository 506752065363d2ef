import { describe, expect, it } from 'vitest';
import { normalizeHostname } from '../../../src/core/prefs/hostname';
import { applyPatch } from '../../../src/core/prefs/patch';
import { DEFAULT_PREFS, MAX_SITES } from '../../../src/core/prefs/schema';
import { settingsForSite, updateSite } from '../../../src/core/prefs/sites';

describe('normalizeHostname', () => {
  it.each([
    ['example.com', 'example.com'],
    ['WWW.Example.COM', 'www.example.com'],
    ['example.com.', 'example.com'],
    ['localhost', 'localhost'],
    ['192.168.0.1', '192.168.0.1'],
    ['[::1]', '[::1]'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['my_service.example.com', 'my_service.example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHostname(input)).toBe(expected);
  });

  it.each([
    [''], ['.'], ['__proto__'], ['_dmarc.example.com'], ['-bad.com'], ['bad-.com'], ['a..b'], ['ex ample.com'], ['ünïcode.de'],
    ['https://example.com'], ['example.com/path'], ['example.com:8080'], ['127'], [`${'a'.repeat(64)}.com`], ['a.'.repeat(127) + 'com'],
    ['x'.repeat(1_000_000)], [42], [null], [undefined], [{}], [['example.com']],
  ])('rejects %j', (input) => {
    expect(normalizeHostname(input)).toBeNull();
  });
});

describe('settingsForSite', () => {
  const prefs = applyPatch(DEFAULT_PREFS, {
    captions: false,
    sites: { 'news.example': { skipLink: false, captions: true, alwaysReader: true }, 'off.example': { disabled: true } },
  });

  it('applies the site overrides over the globals', () => {
    expect(settingsForSite(prefs, 'news.example')).toEqual({ skipLink: false, captions: true, alwaysReader: true, disabled: false });
    expect(settingsForSite(prefs, 'NEWS.example.')).toEqual(settingsForSite(prefs, 'news.example'));
    expect(settingsForSite(prefs, 'off.example')).toEqual({ skipLink: true, captions: false, alwaysReader: false, disabled: true });
  });

  it('uses the globals for an unknown, invalid or prototype-named host', () => {
    const globals = { skipLink: true, captions: false, alwaysReader: false, disabled: false };
    for (const host of ['other.example', 'constructor', 'toString', '__proto__', '', 'bad host']) {
      expect(settingsForSite(prefs, host), host).toEqual(globals);
    }
  });
});

describe('updateSite', () => {
  it('sets, merges and removes overrides without changing the map it was given', () => {
    const one = updateSite(DEFAULT_PREFS.sites, 'a.example', { captions: false });
    const two = updateSite(one, 'a.example', { disabled: true });
    expect(one).toEqual({ 'a.example': { captions: false } });
    expect(two).toEqual({ 'a.example': { captions: false, disabled: true } });
    expect(updateSite(two, 'a.example', { captions: null })).toEqual({ 'a.example': { disabled: true } });
    expect(updateSite(two, 'a.example', { captions: null, disabled: null })).toEqual({});
    expect(updateSite(two, 'A.EXAMPLE', null)).toEqual({});
  });

  it('leaves the map alone for a bad host or patch', () => {
    const sites = updateSite(DEFAULT_PREFS.sites, 'a.example', { captions: false });
    expect(updateSite(sites, '__proto__', { disabled: true })).toBe(sites);
    expect(updateSite(sites, 'bad host', { disabled: true })).toBe(sites);
    expect(updateSite(sites, 'b.example', 'disabled')).toBe(sites);
    expect(updateSite(sites, 'b.example', { disabled: 'yes' })).toEqual(sites);
  });

  it(`drops the site changed longest ago past ${MAX_SITES} sites`, () => {
    let sites = DEFAULT_PREFS.sites;
    for (let i = 0; i < MAX_SITES; i++) sites = updateSite(sites, `s${i}.example`, { disabled: true });
    sites = updateSite(sites, 's0.example', { captions: false }); // s0 is now the newest
    sites = updateSite(sites, 'new.example', { alwaysReader: true });
    const hosts = Object.keys(sites);
    expect(hosts).toHaveLength(MAX_SITES);
    expect(hosts).not.toContain('s1.example');
    expect(hosts.slice(-2)).toEqual(['s0.example', 'new.example']);
  });
});

describe('applyPatch', () => {
  it('changes the fields given, clamped, and nothing else', () => {
    const next = applyPatch(DEFAULT_PREFS, { fontSize: 500, theme: 'sepia' });
    expect(next).toEqual({ ...DEFAULT_PREFS, fontSize: 72, theme: 'sepia' });
  });

  it('keeps the current value when the patch value is unusable', () => {
    const start = applyPatch(DEFAULT_PREFS, { fontSize: 30, theme: 'dark' });
    expect(applyPatch(start, { fontSize: NaN, theme: 'neon', showImages: 'maybe' } as never)).toEqual(start);
  });

  it('resets a field to its default with null, and all sites with sites: null', () => {
    const start = applyPatch(DEFAULT_PREFS, { fontSize: 30, sites: { 'a.example': { disabled: true } } });
    expect(applyPatch(start, { fontSize: null })).toEqual({ ...start, fontSize: 20 });
    expect(applyPatch(start, { sites: null }).sites).toEqual({});
  });

  it.each([[null], [undefined], [42], ['fontSize'], [[{ fontSize: 30 }]]])('ignores a patch that is %j', (patch) => {
    expect(applyPatch(DEFAULT_PREFS, patch)).toBe(DEFAULT_PREFS);
  });
});
