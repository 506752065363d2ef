/**
 * The background: per-tab state and the popup's messages, the preferences,
 * the reader view, and the commands (keyboard shortcuts, context menu).
 */
// Per-tab state, the toolbar button and the popup's messages; the preferences (and their migrations) at startup.
import './tabs';
import './prefs';
import { startCommands } from './commands';
// The reader view: injection, and the article handed to each tab's reader.
import { startReaderBackground } from './reader';

startReaderBackground();
startCommands();
