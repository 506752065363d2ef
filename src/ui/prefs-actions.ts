/**
 * Reset to defaults (with Undo), and export/import as a JSON file. The
 * outcome is announced in one polite status line, so a screen-reader user
 * hears what happened without losing their place.
 */
import { DEFAULT_PREFS, exportPrefs, importPrefs, samePrefs, type ImportError, type Prefs, type PrefsStore } from '../core/prefs/index';
import { h } from './dom';
import type { GetMessage } from './i18n';

export const IMPORT_ERROR_MESSAGES: Record<ImportError, string> = {
  'too-large': 'importErrorTooLarge',
  'not-json': 'importErrorNotJson',
  'wrong-format': 'importErrorWrongFormat',
  'newer-version': 'importErrorNewerVersion',
};

/** The reading preferences back to their defaults; the per-site switches are the person's choices per site and stay. */
export function resetReadingPrefs(prefs: Prefs): Prefs {
  return { ...DEFAULT_PREFS, sites: prefs.sites };
}

/**
 * What an import says it did. Out-of-range numbers are brought into range and values of the wrong kind
 * become the default: one sentence for both. Sites left out (not valid, or past the most Lectern keeps)
 * are said apart, since a person would otherwise look for a switch that is no longer there.
 */
export function importMessage(adjusted: readonly string[], t: GetMessage): string {
  const values = adjusted.some((name) => name !== 'sites');
  const done = t(values ? 'importDoneAdjusted' : 'importDone');
  return adjusted.includes('sites') ? `${done} ${t('importSitesLeftOut')}` : done;
}

export function createPrefsActions(store: PrefsStore, t: GetMessage): HTMLElement {
  const status = h('p', { class: 'status', role: 'status' });
  const undo = h('button', { type: 'button', class: 'undo', hidden: true }, t('undoReset'));
  let beforeReset: Prefs | null = null;
  let afterReset: Prefs | null = null;

  function say(text: string, isError = false): void {
    status.textContent = text;
    status.classList.toggle('error', isError);
  }

  const reset = h('button', { type: 'button', 'aria-describedby': 'reset-hint' }, t('resetDefaults'));
  reset.addEventListener('click', async () => {
    // Pressed again with nothing changed since: Undo still goes back to before the first press.
    if (!(beforeReset && afterReset && samePrefs(store.current(), afterReset))) beforeReset = store.current();
    afterReset = null;
    try {
      afterReset = await store.replace(resetReadingPrefs(beforeReset));
      say(t('resetDone'));
      undo.hidden = false;
      undo.focus();
    } catch {
      say(t('saveFailed'), true);
    }
  });
  undo.addEventListener('click', async () => {
    if (!beforeReset) return;
    try {
      await store.replace(beforeReset);
      say(t('undoDone'));
      withdrawUndo();
    } catch {
      say(t('saveFailed'), true);
    }
  });

  function withdrawUndo(): void {
    if (document.activeElement === undo) reset.focus();
    undo.hidden = true;
    beforeReset = null;
    afterReset = null;
  }
  // Undo puts back everything from before the reset: once anything has changed since (here, in the popup, in
  // another window), that would silently take the newer change back too, so the offer ends.
  store.subscribe((prefs) => {
    if (afterReset && !samePrefs(prefs, afterReset)) withdrawUndo();
  });

  const exportButton = h('button', { type: 'button' }, t('exportSettings'));
  exportButton.addEventListener('click', () => {
    const blob = new Blob([exportPrefs(store.current())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = h('a', { href: url, download: 'lectern-preferences.json' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    say(t('exportDone'));
  });

  // The file input itself stays hidden: the button is the one control a
  // person meets, with the same name in every browser.
  const file = h('input', { type: 'file', accept: '.json,application/json', hidden: true, tabindex: '-1', 'aria-hidden': 'true' });
  const importButton = h('button', { type: 'button' }, t('importSettings'));
  importButton.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    const result = importPrefs(await chosen.text().catch(() => ''));
    if (!result.ok) {
      say(t(IMPORT_ERROR_MESSAGES[result.error]), true);
      return;
    }
    try {
      await store.replace(result.prefs);
      say(importMessage(result.adjusted, t));
    } catch {
      say(t('saveFailed'), true);
    }
  });

  return h(
    'section',
    { class: 'actions', 'aria-labelledby': 'actions-heading' },
    h('h2', { id: 'actions-heading' }, t('actionsHeading')),
    h('div', { class: 'buttons' }, reset, undo),
    h('p', { class: 'hint', id: 'reset-hint' }, t('resetHint')),
    h('div', { class: 'buttons' }, exportButton, importButton, file),
    status,
  );
}
