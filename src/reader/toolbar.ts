/**
 * The reader's toolbar: every reading preference as a labelled native
 * control (select, range, checkbox), so keyboard, mouse, touch and screen
 * readers all work without custom widgets. Controls bind to the shared
 * prefs schema by name; a change is saved to the shared store, and the
 * store's changes (from here, the popup or another tab) flow back through
 * `update`.
 */
import { FIELDS, type FieldName, type Prefs, type PrefsPatch } from '../core/prefs';
import { t, type ReaderString } from './i18n';
import { heardOnce } from './tidy';

export interface Toolbar {
  element: HTMLElement;
  update(prefs: Prefs): void;
}

type RangeField = 'fontSize' | 'lineHeight' | 'contentWidth' | 'letterSpacing' | 'wordSpacing' | 'paragraphSpacing';

const THEMES: [Prefs['theme'], ReaderString][] = [
  ['system', 'readerThemeSystem'],
  ['light', 'readerThemeLight'],
  ['sepia', 'readerThemeSepia'],
  ['dark', 'readerThemeDark'],
  ['contrast', 'readerThemeContrast'],
];
const FONTS: [Prefs['font'], ReaderString][] = [
  ['serif', 'readerFontSerif'],
  ['sans', 'readerFontSans'],
  ['atkinson', 'readerFontAtkinson'],
  ['opendyslexic', 'readerFontOpenDyslexic'],
];
const RANGES: [RangeField, ReaderString][] = [
  ['fontSize', 'readerFontSize'],
  ['lineHeight', 'readerLineHeight'],
  ['contentWidth', 'readerContentWidth'],
  ['letterSpacing', 'readerLetterSpacing'],
  ['wordSpacing', 'readerWordSpacing'],
  ['paragraphSpacing', 'readerParagraphSpacing'],
];

function formatValue(field: RangeField, value: number): string {
  const spec = FIELDS[field];
  const digits = spec.step < 0.1 ? 2 : spec.step < 1 ? 1 : 0;
  return `${value.toFixed(digits)}${spec.unit === 'ch' ? ' ch' : spec.unit}`;
}

export interface ToolbarActions {
  /** Stores a change (the shared preferences: every tab and reader follows). */
  save(patch: PrefsPatch): void;
  /** Shows a change in this reader without storing it. */
  preview(change: Partial<Prefs>): void;
  close(): void;
}

/**
 * Sliders save on `change` (release, or each arrow key press), not on every
 * `input` while dragged: storage.sync allows about two writes a second, and
 * every tab re-reads on each write. The reader follows `input` at once.
 */
export function createToolbar({ save, preview, close: onClose }: ToolbarActions): Toolbar {
  const bar = document.createElement('header');
  bar.className = 'toolbar';
  const form = document.createElement('form');
  form.className = 'settings';
  form.setAttribute('aria-label', t('readerSettings'));
  form.addEventListener('submit', (event) => event.preventDefault());

  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = t('readerClose');
  close.addEventListener('click', onClose);

  // The frame prints its own document: the article alone, with the print styles of reader.css.
  const print = document.createElement('button');
  print.type = 'button';
  print.className = 'print';
  print.textContent = t('readerPrint');
  print.addEventListener('click', () => window.print());
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(print, close);

  const setters: ((prefs: Prefs) => void)[] = [];
  let uid = 0;
  const field = (label: string, control: HTMLElement, extra?: HTMLElement): HTMLElement => {
    const wrap = document.createElement('div');
    wrap.className = 'field';
    const id = `ctl-${++uid}`;
    control.id = id;
    const lab = document.createElement('label');
    lab.htmlFor = id;
    lab.textContent = label;
    wrap.append(lab, control);
    if (extra) wrap.append(extra);
    return wrap;
  };

  const select = <F extends 'theme' | 'font'>(name: F, label: ReaderString, options: [Prefs[F], ReaderString][]): HTMLElement => {
    const sel = document.createElement('select');
    sel.name = name;
    for (const [value, text] of options) sel.append(new Option(t(text), value));
    sel.addEventListener('change', () => save({ [name]: sel.value } as PrefsPatch));
    setters.push((prefs) => {
      sel.value = prefs[name];
    });
    return field(t(label), sel);
  };

  const range = (name: RangeField, label: ReaderString): HTMLElement => {
    const spec = FIELDS[name];
    const input = document.createElement('input');
    input.type = 'range';
    input.name = name;
    input.min = String(spec.min);
    input.max = String(spec.max);
    input.step = String(spec.step);
    const output = document.createElement('output');
    output.htmlFor.add(`ctl-${uid + 1}`);
    output.setAttribute('aria-hidden', 'true'); // the slider announces its own value (aria-valuetext)
    // "20px" is a Latin unit after a number: in a right-to-left toolbar it would show as "px20".
    output.dir = 'ltr';
    const show = (value: number): void => {
      output.textContent = formatValue(name, value);
      input.setAttribute('aria-valuetext', output.textContent);
    };
    input.addEventListener('input', () => {
      show(Number(input.value));
      preview({ [name]: Number(input.value) });
    });
    input.addEventListener('change', () => save({ [name]: Number(input.value) } as PrefsPatch));
    setters.push((prefs) => {
      input.value = String(prefs[name]);
      show(prefs[name]);
    });
    return field(t(label), input, output);
  };

  const images = document.createElement('input');
  images.type = 'checkbox';
  images.name = 'showImages';
  images.addEventListener('change', () => save({ showImages: images.checked }));
  setters.push((prefs) => {
    images.checked = prefs.showImages;
  });

  const main = document.createElement('div');
  main.className = 'row';
  main.append(select('theme', 'readerTheme', THEMES), select('font', 'readerFont', FONTS), range('fontSize', 'readerFontSize'));
  const imagesField = field(t('readerShowImages'), images);
  imagesField.classList.add('check');
  main.append(imagesField);

  const more = document.createElement('details');
  more.className = 'more';
  const summary = document.createElement('summary');
  summary.textContent = t('readerMoreSettings');
  more.append(summary);
  const spacing = document.createElement('div');
  spacing.className = 'row';
  for (const [name, label] of RANGES.slice(1)) spacing.append(range(name, label));
  more.append(spacing);

  form.append(main, more);
  bar.append(form, actions);
  return {
    element: bar,
    update: (prefs) => setters.forEach((set) => set(prefs)),
  };
}

/** The preferences as CSS custom properties and data attributes on the root. */
export function applyPrefs(root: HTMLElement, prefs: Prefs): void {
  root.dataset.theme = prefs.theme;
  root.dataset.font = prefs.font;
  root.dataset.images = prefs.showImages ? 'shown' : 'hidden';
  root.dataset.altText = prefs.showAltText ? 'shown' : 'hidden';
  heardOnce(root, prefs.showImages);
  const vars: Record<string, string> = {
    '--font-size': `${prefs.fontSize}px`,
    '--line-height': String(prefs.lineHeight),
    '--content-width': `${prefs.contentWidth}ch`,
    '--letter-spacing': `${prefs.letterSpacing}em`,
    '--word-spacing': `${prefs.wordSpacing}em`,
    '--paragraph-spacing': `${prefs.paragraphSpacing}em`,
  };
  for (const [name, value] of Object.entries(vars)) root.style.setProperty(name, value);
}

export type { FieldName };
