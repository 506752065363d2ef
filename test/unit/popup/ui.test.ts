import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, FIELD_NAMES, FIELDS, createPrefsStore, exportPrefs, importPrefs, type StorageArea } from '../../../src/core/prefs/index';
import { applyLocale, localize } from '../../../src/ui/i18n';
import { createPrefsActions, IMPORT_ERROR_MESSAGES, importMessage, resetReadingPrefs } from '../../../src/ui/prefs-actions';
import { createPrefsForm } from '../../../src/ui/prefs-form';
import { isRestrictedUrl } from '../../../src/ui/restricted';
import { formatValue, sampleStyle } from '../../../src/ui/sample-style';

type Messages = Record<string, { message: string }>;
const en = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Messages;
const t = (name: string): string => en[name]?.message ?? '';

function memoryArea(): StorageArea {
  const items = new Map<string, unknown>();
  return {
    get: async (keys) => Object.fromEntries(keys.filter((k) => items.has(k)).map((k) => [k, structuredClone(items.get(k))])),
    set: async (more) => Object.entries(structuredClone(more)).forEach(([k, v]) => items.set(k, v)),
    remove: async (keys) => keys.forEach((k) => items.delete(k)),
  };
}

describe('locales', () => {
  // Completeness of every locale (keys, placeholders, no empty message): test/unit/locales.test.ts.
  it('has a label and a hint for every preference, and a name for every option', () => {
    for (const name of FIELD_NAMES) {
      expect(en[`pref_${name}_label`], name).toBeDefined();
      expect(en[`pref_${name}_hint`], name).toBeDefined();
      const spec = FIELDS[name];
      if (spec.kind === 'enum') for (const value of spec.values) expect(en[`pref_${name}_${value}`], `${name}=${value}`).toBeDefined();
    }
    for (const key of Object.values(IMPORT_ERROR_MESSAGES)) expect(en[key], key).toBeDefined();
  });
});

describe('localize', () => {
  it('fills text and attributes from data-i18n, and sets lang and dir', () => {
    document.body.replaceChildren();
    const h = document.createElement('h1');
    h.dataset.i18n = 'prefsHeading';
    const b = document.createElement('button');
    b.setAttribute('data-i18n-aria-label', 'resetDefaults');
    document.body.append(h, b);
    localize(document, t);
    expect(h.textContent).toBe('Reading preferences');
    expect(b.getAttribute('aria-label')).toBe('Reset to defaults');
    applyLocale(document, (name) => ({ '@@bidi_dir': 'rtl', '@@ui_locale': 'ar_EG' })[name] ?? '');
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar-EG');
  });
});

describe('isRestrictedUrl', () => {
  it('knows the pages no extension can touch', () => {
    for (const url of ['chrome://settings', 'about:addons', 'view-source:https://a.example/', 'https://chromewebstore.google.com/detail/x', 'https://addons.mozilla.org/en-US/firefox/', 'https://a.example/report.pdf', 'chrome-extension://x/popup.html', 'moz-extension://x/a.html']) {
      expect(isRestrictedUrl(url), url).toBe(true);
    }
    for (const url of ['https://news.example/story', 'http://127.0.0.1:8000/demo/', 'https://chrome.google.com/search']) expect(isRestrictedUrl(url), url).toBe(false);
    expect(isRestrictedUrl(undefined)).toBe(false);
  });
});

describe('sample style and values', () => {
  it('turns preferences into the sample\'s CSS variables', () => {
    const style = sampleStyle({ ...DEFAULT_PREFS, theme: 'dark', font: 'opendyslexic', fontSize: 30, lineHeight: 2, contentWidth: 50 });
    expect(style['--sample-background']).toBe('#1c1c1e');
    expect(style['--sample-font']).toContain('OpenDyslexic');
    expect(style['--sample-size']).toBe('1.5em');
    expect(style['--sample-line-height']).toBe('2');
    expect(style['--sample-width']).toBe('50ch');
    expect(sampleStyle(DEFAULT_PREFS)['--sample-background']).toBeUndefined(); // 'system' follows the page
  });
  it('formats values with their unit and step', () => {
    expect(formatValue(20, 'px', 1)).toBe('20 px');
    expect(formatValue(1.6000001, '', 0.1)).toBe('1.6');
    expect(formatValue(0.12, 'em', 0.01)).toBe('0.12 em');
  });
  it('resets the reading preferences but keeps the per-site switches', () => {
    const prefs = { ...DEFAULT_PREFS, fontSize: 40, sites: { 'a.example': { disabled: true } } };
    expect(resetReadingPrefs(prefs)).toEqual({ ...DEFAULT_PREFS, sites: { 'a.example': { disabled: true } } });
  });
});

describe('the preferences form', () => {
  it('has a labelled control with a hint for every preference, in fieldsets with legends, and saves a change', async () => {
    const store = createPrefsStore({ sync: memoryArea(), local: memoryArea() });
    await store.load();
    const form = createPrefsForm(store, t);
    document.body.replaceChildren(form.element);
    for (const name of FIELD_NAMES) {
      const control = form.element.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      expect(form.element.querySelector(`label[for="${control.id}"]`)?.textContent, name).toBe(t(`pref_${name}_label`));
      expect(document.getElementById(control.getAttribute('aria-describedby')!)?.textContent).toBe(t(`pref_${name}_hint`));
      expect(control.closest('fieldset')?.querySelector('legend')?.textContent).toBeTruthy();
    }
    const skip = form.element.querySelector<HTMLInputElement>('[name="skipLink"]')!;
    expect(skip.checked).toBe(true);
    skip.checked = false;
    skip.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((done) => setTimeout(done, 0));
    await store.load();
    expect(store.current().skipLink).toBe(false);
    // The form follows the store (a change from elsewhere).
    form.show({ ...store.current(), fontSize: 33 });
    expect(form.element.querySelector<HTMLInputElement>('[name="fontSize"]')!.value).toBe('33');
    expect(form.element.querySelector('output[for="pref-fontSize"]')?.textContent).toBe('33 px');
    // Number then unit, also in a right-to-left page.
    expect(form.element.querySelector('output[for="pref-fontSize"]')?.getAttribute('dir')).toBe('ltr');
    // A screen reader hears the value once, from the slider, with its unit; the output is for the eye.
    expect(form.element.querySelector('[name="fontSize"]')?.getAttribute('aria-valuetext')).toBe('33 px');
    expect(form.element.querySelector('output[for="pref-fontSize"]')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('reset and its undo', () => {
  async function setup() {
    const store = createPrefsStore({ sync: memoryArea(), local: memoryArea() });
    await store.load();
    await store.save({ fontSize: 30, theme: 'dark' });
    document.body.replaceChildren(createPrefsActions(store, t));
    const [reset, undo] = Array.from(document.querySelectorAll('button')) as [HTMLButtonElement, HTMLButtonElement];
    const settle = () => new Promise((done) => setTimeout(done, 0));
    return { store, reset, undo, settle };
  }

  it('undo puts back what the reset changed', async () => {
    const { store, reset, undo, settle } = await setup();
    reset.click();
    await settle();
    expect([store.current().fontSize, undo.hidden, document.activeElement]).toEqual([DEFAULT_PREFS.fontSize, false, undo]);
    undo.click();
    await settle();
    expect([store.current().fontSize, store.current().theme, undo.hidden]).toEqual([30, 'dark', true]);
  });

  it('pressed twice, Reset still lets Undo go back to before the first press', async () => {
    const { store, reset, undo, settle } = await setup();
    reset.click();
    await settle();
    reset.click();
    await settle();
    undo.click();
    await settle();
    expect([store.current().fontSize, store.current().theme]).toEqual([30, 'dark']);
  });

  it('is no longer offered once something changed after the reset: it would take that change back too', async () => {
    const { store, reset, undo, settle } = await setup();
    reset.click();
    await settle();
    await store.save({ skipLink: false });
    expect(undo.hidden).toBe(true);
    expect(document.activeElement).toBe(reset);
    expect(store.current().skipLink).toBe(false);
  });
});

describe('the message after an import', () => {
  /** A file exported from the defaults, with its preferences changed as `edit` says. */
  function importEdited(edit: (preferences: Record<string, unknown>) => void): string {
    const file = JSON.parse(exportPrefs(DEFAULT_PREFS)) as { preferences: Record<string, unknown> };
    edit(file.preferences);
    const result = importPrefs(JSON.stringify(file));
    if (!result.ok) throw new Error(result.error);
    return importMessage(result.adjusted, t);
  }

  it('says only that it is done when everything fitted', () => {
    expect(importEdited((p) => (p.sites = { 'example.com': { skipLink: false } }))).toBe(t('importDone'));
  });

  it('says a value was brought into range', () => {
    expect(importEdited((p) => (p.fontSize = 500))).toBe(t('importDoneAdjusted'));
  });

  it('says that sites were left out, apart from values brought into range', () => {
    const sitesOnly = importEdited((p) => (p.sites = { 'example.com': { skipLink: false }, 'not a host!': { skipLink: false } }));
    expect(sitesOnly).toBe(`${t('importDone')} ${t('importSitesLeftOut')}`);
    const both = importEdited((p) => {
      p.fontSize = 500;
      p.sites = { 'not a host!': { skipLink: false } };
    });
    expect(both).toBe(`${t('importDoneAdjusted')} ${t('importSitesLeftOut')}`);
  });
});
