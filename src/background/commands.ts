/**
 * The one place where the keyboard shortcuts and the context menu reach
 * the extension: each becomes a command, run for the tab it came from.
 */
import browser from 'webextension-polyfill';
import { COMMAND } from '../core/command-names';
import { message } from '../core/messages';
import { toggleReader } from './reader';

const READER_MENU_ID = 'lectern-toggle-reader';

async function jumpToArticle(tabId: number): Promise<boolean> {
  try {
    const reply = (await browser.tabs.sendMessage(tabId, message('jump-to-article', {}))) as { jumped?: unknown } | undefined;
    return reply?.jumped === true;
  } catch {
    // No content script in this tab (a browser page, or not loaded yet).
    return false;
  }
}

/**
 * Runs a command for a tab: 'jump-to-article' resolves to whether focus
 * moved, 'toggle-reader' to the reader's state (null where it cannot
 * open). Reachable as `globalThis.lecternCommand`, because a shortcut
 * pressed by a test driver never reaches `commands.onCommand`: the
 * end-to-end tests call this, the same function the listeners call.
 */
export async function runCommand(command: string, tabId: number | undefined): Promise<unknown> {
  if (tabId === undefined) return false;
  if (command === COMMAND.jumpToArticle) return jumpToArticle(tabId);
  if (command === COMMAND.toggleReader) return toggleReader(tabId);
  return false;
}

export function startCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab?.id));
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: READER_MENU_ID,
      title: browser.i18n.getMessage('readerMenuItem') || 'Open in Lectern reader',
      contexts: ['page'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === READER_MENU_ID) void runCommand(COMMAND.toggleReader, tab?.id);
  });
  (globalThis as { lecternCommand?: typeof runCommand }).lecternCommand = runCommand;
}
