/**
 * The options page's keyboard shortcuts: each of Lectern's commands with the
 * key the browser has bound to it now, or "Not set", and a button to the
 * browser's own page for changing them (an extension cannot set them). A
 * browser binds no key it keeps for itself, and says nothing: this is where
 * a person finds out, and fixes it.
 */
import browser from 'webextension-polyfill';
import { COMMAND } from '../core/command-names';
import { boundShortcuts } from '../ui/bound-shortcuts';
import { h } from '../ui/dom';
import type { GetMessage } from '../ui/i18n';

/** Each command's name on this page: the manifest's descriptions, in the page's language. */
const LABELS: Record<string, string> = {
  [COMMAND.jumpToArticle]: 'commandJumpToArticle',
  [COMMAND.toggleReader]: 'commandToggleReader',
};

/**
 * Firefox (137 and later) opens its shortcuts page for the extension itself; Chromium has no such call but lets an
 * extension open chrome://extensions/shortcuts in a tab.
 */
async function openShortcutSettings(): Promise<void> {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) await commands.openShortcutSettings();
  else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function createShortcutsSection(t: GetMessage): HTMLElement {
  const list = h('dl', { class: 'shortcuts' });
  async function show(): Promise<void> {
    const bound = await boundShortcuts();
    list.replaceChildren(
      ...Object.entries(LABELS).flatMap(([name, label]) => {
        const shortcut = bound.get(name);
        return [h('dt', {}, t(label)), h('dd', {}, shortcut ? h('kbd', {}, shortcut) : t('shortcutNotSet'))];
      }),
    );
  }
  void show();
  // Back from the browser's shortcuts page (another tab) with a key changed: the list says the new one.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void show();
  });
  const change = h('button', { type: 'button', id: 'change-shortcuts', 'aria-describedby': 'shortcuts-hint' }, t('shortcutsChange'));
  change.addEventListener('click', () => void openShortcutSettings().catch(() => undefined));
  return h(
    'section',
    { class: 'shortcuts-section', 'aria-labelledby': 'shortcuts-heading' },
    h('h2', { id: 'shortcuts-heading' }, t('shortcutsHeading')),
    list,
    h('div', { class: 'buttons' }, change),
    h('p', { class: 'hint', id: 'shortcuts-hint' }, t('shortcutsHint')),
  );
}
