/**
 * The reading-preferences form, shared by the popup and the options page.
 * Controls are generated from the schema (FIELDS) and grouped by its
 * `group`, so a new preference appears here without touching this file
 * beyond its two strings in _locales (pref_<name>_label, pref_<name>_hint).
 *
 * Sliders save on `change` (release), not on every `input`: storage.sync
 * allows about two writes a second, and every tab re-reads on each write.
 * The sample follows `input` so the effect is seen while dragging.
 */
import { FIELD_NAMES, FIELDS, type FieldName, type PrefGroup, type Prefs, type PrefsStore, type ScalarPrefs } from '../core/prefs/index';
import { h } from './dom';
import type { GetMessage } from './i18n';
import { formatValue, sampleStyle } from './sample-style';

const GROUPS: readonly PrefGroup[] = ['appearance', 'spacing', 'images', 'page'];

type Control = HTMLInputElement | HTMLSelectElement;

export interface PrefsForm {
  element: HTMLElement;
  /** Shows new Prefs (from the store) in the controls and the sample. */
  show(prefs: Prefs): void;
}

/** The value a control holds, typed for its field; null when unreadable. */
export function readControl(name: FieldName, control: Control): ScalarPrefs[FieldName] | null {
  const spec = FIELDS[name];
  if (spec.kind === 'boolean') return (control as HTMLInputElement).checked;
  if (spec.kind === 'number') {
    const value = Number(control.value);
    return Number.isFinite(value) ? value : null;
  }
  return (spec.values as readonly string[]).includes(control.value) ? (control.value as ScalarPrefs[FieldName]) : null;
}

function fieldRow(name: FieldName, t: GetMessage): { row: HTMLElement; control: Control; output: HTMLOutputElement | null } {
  const spec = FIELDS[name];
  const id = `pref-${name}`;
  const hintId = `${id}-hint`;
  const label = h('label', { for: id }, t(`pref_${name}_label`));
  const hint = h('p', { class: 'hint', id: hintId }, t(`pref_${name}_hint`));
  if (spec.kind === 'boolean') {
    const control = h('input', { type: 'checkbox', id, name, 'aria-describedby': hintId });
    return { row: h('div', { class: 'field field-check' }, control, label, hint), control, output: null };
  }
  if (spec.kind === 'enum') {
    const control = h('select', { id, name, 'aria-describedby': hintId });
    for (const value of spec.values) control.append(h('option', { value }, t(`pref_${name}_${value}`)));
    return { row: h('div', { class: 'field' }, label, control, hint), control, output: null };
  }
  const control = h('input', {
    type: 'range',
    id,
    name,
    min: String(spec.min),
    max: String(spec.max),
    step: String(spec.step),
    'aria-describedby': hintId,
  });
  // "20 px" is a Latin unit after a number: in a right-to-left form it would show as "px 20". Hidden from
  // screen readers: an <output> is a status message, read out on every step after the slider's own value.
  // The slider says it once, with its unit (aria-valuetext, set in paint), as the reader's toolbar does.
  const output = h('output', { for: id, class: 'value', dir: 'ltr', 'aria-hidden': 'true' });
  const top = h('div', { class: 'field-top' }, label, output);
  return { row: h('div', { class: 'field field-range' }, top, control, hint), control, output };
}

function buildSample(t: GetMessage): HTMLElement {
  return h(
    'section',
    { class: 'sample-box', 'aria-labelledby': 'sample-heading' },
    h('h3', { id: 'sample-heading' }, t('sampleHeading')),
    // Not a live region: it changes with every slider step, and the
    // controls already announce their own values.
    h(
      'div',
      { class: 'sample', id: 'sample' },
      h('p', {}, t('sampleParagraph1')),
      h('p', {}, t('sampleParagraph2')),
      h('p', { class: 'sample-caption' }, t('sampleCaption')),
    ),
  );
}

export function createPrefsForm(store: PrefsStore, t: GetMessage): PrefsForm {
  const controls = new Map<FieldName, { control: Control; output: HTMLOutputElement | null }>();
  let shown: Prefs = store.current();
  const form = h('form', { class: 'prefs-form', 'aria-labelledby': 'prefs-heading' });
  form.append(h('h2', { id: 'prefs-heading' }, t('prefsHeading')));
  const sample = buildSample(t);
  for (const group of GROUPS) {
    const fieldset = h('fieldset', { class: `group group-${group}` }, h('legend', {}, t(`group_${group}`)));
    for (const name of FIELD_NAMES.filter((n) => FIELDS[n].group === group)) {
      const { row, control, output } = fieldRow(name, t);
      controls.set(name, { control, output });
      fieldset.append(row);
    }
    form.append(fieldset);
    // The sample sits right after the controls that change it most.
    if (group === 'spacing') form.append(sample);
  }
  // Nothing to submit: every control saves itself; Enter must not reload the page.
  form.addEventListener('submit', (event) => event.preventDefault());

  function draft(): ScalarPrefs {
    const values: Record<string, unknown> = { ...shown };
    for (const [name, { control }] of controls) values[name] = readControl(name, control) ?? shown[name];
    return values as unknown as ScalarPrefs;
  }

  function paint(values: ScalarPrefs): void {
    const box = sample.querySelector<HTMLElement>('#sample');
    if (box) {
      box.removeAttribute('style');
      for (const [prop, value] of Object.entries(sampleStyle(values))) box.style.setProperty(prop, value);
      box.dataset.theme = values.theme;
      box.dataset.images = String(values.showImages);
    }
    for (const [name, { control, output }] of controls) {
      const spec = FIELDS[name];
      if (output && spec.kind === 'number') {
        output.value = formatValue(values[name] as number, spec.unit, spec.step);
        control.setAttribute('aria-valuetext', output.value);
      }
    }
  }

  form.addEventListener('input', (event) => {
    const target = event.target as Control;
    if (controls.has(target.name as FieldName)) paint(draft());
  });
  form.addEventListener('change', (event) => {
    const target = event.target as Control;
    const name = target.name as FieldName;
    if (!controls.has(name)) return;
    const value = readControl(name, target);
    if (value !== null) void store.save({ [name]: value }).catch(() => show(store.current()));
  });

  function show(prefs: Prefs): void {
    shown = prefs;
    for (const [name, { control }] of controls) {
      const value = prefs[name];
      if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value as boolean;
      else control.value = String(value);
    }
    paint(prefs);
  }

  show(shown);
  return { element: form, show };
}
