/**
 * The one per-tab state store of the background, in storage.session (see
 * tab-state.ts for why). Its own module so the tab wiring and the reader
 * share it without importing each other.
 */
import browser from 'webextension-polyfill';
import { createTabStates } from './tab-state';

export const tabStates = createTabStates(browser.storage.session);
