/**
 * Deterministic junk for fuzz-style tests: a seeded generator (mulberry32),
 * so a failure names its seed and replays exactly.
 */
import { FIELD_NAMES, FIELDS, MAX_SITES, SITE_SETTING_NAMES, type Prefs } from '../../../src/core/prefs/schema';
import { normalizeHostname } from '../../../src/core/prefs/hostname';

export type Random = () => number;

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

const WEIRD_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'sites', '', ' ', 'fontScale'];
const HOSTS = ['example.com', 'www.example.com', 'EXAMPLE.org.', '[::1]', 'localhost', 'xn--bcher-kva.example', '__proto__', 'constructor', '127', '-bad.com', 'a..b', 'x'.repeat(300), 'ex ample.com', 'ünïcode.de', '', '1.2.3.4'];

function randomString(random: Random): string {
  const length = Math.floor(random() * 12);
  let text = '';
  for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 0x3000));
  return text;
}

/** Defines an own, enumerable property, even for "__proto__". */
function put(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Any JavaScript value a corrupt store, a hostile file or a bug might hand over. */
export function junkValue(random: Random, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 2 ? 20 : 24));
  switch (kind) {
    case 0: return undefined;
    case 1: return null;
    case 2: return random() < 0.5;
    case 3: return pick(random, [NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, -1e308, 2 ** 53 + 1]);
    case 4: return (random() - 0.5) * 10 ** Math.floor(random() * 6);
    case 5: return Math.floor(random() * 200) - 50;
    case 6: return randomString(random);
    case 7: return String((random() - 0.3) * 100);
    case 8: return 'x'.repeat(100_000);
    case 9: return pick(random, ['true', 'false', 'dark', 'DARK ', 'sepia', 'serif', 'opendyslexic', '__proto__', 'NaN', 'Infinity', '1e3', '0x20']);
    case 10: return () => 20;
    case 11: return Symbol('junk');
    case 12: return BigInt(Math.floor(random() * 100));
    case 13: return new Date(0);
    case 14: return new Map([['fontSize', 30]]);
    case 15: return /regex/;
    case 16: {
      const spec = FIELDS[pick(random, FIELD_NAMES)];
      if (spec.kind === 'number') return spec.min + random() * (spec.max - spec.min) * 1.5 - (spec.max - spec.min) * 0.25;
      if (spec.kind === 'enum') return pick(random, spec.values);
      return random() < 0.5;
    }
    case 17: return pick(random, HOSTS);
    case 18: return new Uint8Array(4);
    case 19: return Object.create(null);
    case 20: case 21: {
      const list: unknown[] = [];
      const length = Math.floor(random() * 5);
      for (let i = 0; i < length; i++) list.push(junkValue(random, depth + 1));
      return list;
    }
    default: return junkObject(random, depth + 1);
  }
}

export function junkObject(random: Random, depth = 0): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const count = Math.floor(random() * 8);
  for (let i = 0; i < count; i++) {
    const key = pick(random, [...FIELD_NAMES, ...WEIRD_KEYS, ...SITE_SETTING_NAMES, ...HOSTS]);
    put(object, key, junkValue(random, depth + 1));
  }
  return object;
}

/** A prefs-shaped document: the right field names, junk or plausible values, a junk site map. */
export function junkPrefsDoc(random: Random): Record<string, unknown> {
  const doc = junkObject(random);
  for (const name of FIELD_NAMES) if (random() < 0.6) put(doc, name, junkValue(random, 1));
  if (random() < 0.7) {
    const sites: Record<string, unknown> = {};
    const count = Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const settings = random() < 0.7 ? Object.fromEntries(SITE_SETTING_NAMES.map((n) => [n, junkValue(random, 2)])) : junkValue(random, 2);
      put(sites, pick(random, HOSTS), settings);
    }
    put(doc, 'sites', random() < 0.9 ? sites : junkValue(random, 1));
  }
  return doc;
}

/**
 * Checks a Prefs against the schema without using the code under test's
 * validators: the fuzz tests' oracle. Returns the problems found.
 */
export function schemaProblems(prefs: Prefs): string[] {
  const problems: string[] = [];
  for (const name of FIELD_NAMES) {
    const spec = FIELDS[name];
    const value: unknown = prefs[name];
    if (spec.kind === 'enum' && !(spec.values as readonly unknown[]).includes(value)) problems.push(`${name}: ${String(value)}`);
    if (spec.kind === 'boolean' && typeof value !== 'boolean') problems.push(`${name}: ${String(value)}`);
    if (spec.kind === 'number') {
      const steps = typeof value === 'number' ? (value - spec.min) / spec.step : NaN;
      if (typeof value !== 'number' || !(value >= spec.min && value <= spec.max) || Math.abs(steps - Math.round(steps)) > 1e-9) {
        problems.push(`${name}: ${String(value)}`);
      }
    }
  }
  const hosts = Object.keys(prefs.sites);
  if (hosts.length > MAX_SITES) problems.push(`sites: ${hosts.length}`);
  for (const host of hosts) {
    if (normalizeHostname(host) !== host) problems.push(`site key ${host}`);
    const settings = Object.entries(prefs.sites[host] ?? {});
    if (settings.length === 0) problems.push(`site ${host} empty`);
    for (const [key, value] of settings) {
      if (!(SITE_SETTING_NAMES as readonly string[]).includes(key) || typeof value !== 'boolean') problems.push(`site ${host}.${key}`);
    }
  }
  return problems;
}
