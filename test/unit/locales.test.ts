/**
 * Every locale in _locales must be complete: the browsers fall back to
 * English one message at a time, so a missing or empty translation would
 * show a person a page in two languages, and a lost placeholder would drop
 * the hostname or number from a sentence. The build fails instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Placeholder {
  content: string;
  example?: string;
}

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, Placeholder>;
}

type Messages = Record<string, Message>;

const LOCALES_DIR = '_locales';

const locales = readdirSync(LOCALES_DIR)
  .filter((name) => statSync(join(LOCALES_DIR, name)).isDirectory())
  .sort();

function load(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

const en = load('en');

/** Message names the code builds from a preference's, a site switch's or a group's name (src/ui/prefs-form.ts, site-switches.ts). */
const BUILT_NAME = /^(pref|site)_[A-Za-z]+_[A-Za-z]+$|^group_[a-z]+$/;

/** The $NAME$ references in a message, lower-cased: the browsers match placeholder names case-insensitively. */
function references(text: string): string[] {
  return [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()).sort();
}

/** A placeholders block as name -> content, lower-cased names, for comparing locales. */
function placeholderContents(message: Message): Record<string, string> {
  return Object.fromEntries(Object.entries(message.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

describe('the messages in use', () => {
  it('has no message that nothing shows: each is named in the code or the manifest, or built from a name the code has', () => {
    const files = ['manifest.json', ...readdirSync('src', { recursive: true, encoding: 'utf8' }).map((f) => join('src', f))];
    const code = files.filter((f) => /\.(ts|html|json)$/.test(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
    // The whole name, not part of a longer one.
    const named = (key: string): boolean => code.includes(`__MSG_${key}__`) || new RegExp(`(^|[^A-Za-z0-9_])${key}($|[^A-Za-z0-9_])`).test(code);
    const unused = Object.keys(en).filter((key) => !named(key) && !BUILT_NAME.test(key));
    expect(unused).toEqual([]);
  });
});

describe('locales', () => {
  it('has English (the default locale), German, French, Italian, Spanish, Brazilian Portuguese and Arabic', () => {
    expect(locales).toEqual(expect.arrayContaining(['ar', 'de', 'en', 'es', 'fr', 'it', 'pt_BR']));
  });

  describe.each(locales)('%s', (locale) => {
    const messages = load(locale);

    it('has exactly the keys of en, each with a message that is not empty', () => {
      const missing = Object.keys(en).filter((key) => !(key in messages));
      const extra = Object.keys(messages).filter((key) => !(key in en));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      for (const [key, value] of Object.entries(messages)) {
        expect(typeof value.message, key).toBe('string');
        expect(value.message.trim(), key).not.toBe('');
      }
    });

    it('uses the same placeholders as en in every message, each one defined', () => {
      for (const [key, value] of Object.entries(messages)) {
        const source = en[key];
        if (!source) continue; // reported by the test above
        expect(references(value.message), `${key}: placeholders used`).toEqual(references(source.message));
        expect(placeholderContents(value), `${key}: placeholders block`).toEqual(placeholderContents(source));
        // A $NAME$ without an entry in its block reaches the person as "$NAME$".
        for (const name of references(value.message)) expect(placeholderContents(value), `${key}: $${name}$ is defined`).toHaveProperty(name);
      }
    });

    it('keeps the descriptions of en (they are notes for translators, not shown)', () => {
      for (const [key, value] of Object.entries(messages)) {
        if (en[key]) expect(value.description, key).toBe(en[key].description);
      }
    });
  });
});
