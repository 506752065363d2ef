/**
 * The keys the browser has bound to Lectern's commands now, by command name:
 * the person may have changed or removed one, and a browser binds no key it
 * keeps for itself. A command without a key is not in the map.
 */
import browser from 'webextension-polyfill';

export async function boundShortcuts(): Promise<Map<string, string>> {
  const commands = await browser.commands.getAll().catch(() => []);
  return new Map(commands.flatMap((command) => (command.name && command.shortcut ? [[command.name, command.shortcut] as const] : [])));
}
