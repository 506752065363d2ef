/**
 * The background: routes keyboard shortcuts to the tab they were pressed in.
 */
import browser from 'webextension-polyfill';
import { message } from '../core/messages';
// Per-tab state, the toolbar button and the popup's messages; the preferences (and their migrations) at startup.
import './tabs';
import './prefs';
// The reader view: commands, context menu, injection, and the article handed to each tab's reader.
import { startReaderBackground } from './reader';

/**
 * Runs a command for a tab; resolves to whether the content script did it.
 * Exported, and reachable as `globalThis.lecternCommand`, because a
 * shortcut pressed by a test driver never reaches `commands.onCommand`: the
 * end-to-end tests call this, the same function the listener calls.
 */
export async function runCommand(command: string, tabId: number | undefined): Promise<boolean> {
  if (command !== 'jump-to-article' || tabId === undefined) return false;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message('jump-to-article', {}))) as { jumped?: unknown } | undefined;
    return reply?.jumped === true;
  } catch {
    // No content script in this tab (a browser page, or not loaded yet).
    return false;
  }
}

browser.commands.onCommand.addListener((command, tab) => {
  void runCommand(command, tab?.id);
});

(globalThis as { lecternCommand?: typeof runCommand }).lecternCommand = runCommand;

startReaderBackground();
