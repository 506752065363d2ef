/** The reader's strings, from _locales; the keys are checked against the English messages. */
import { ext } from '../platform/ext';
import type messages from '../../_locales/en/messages.json';

export type ReaderString = Extract<keyof typeof messages, `reader${string}`>;

export function t(key: ReaderString, ...subs: string[]): string {
  return ext.i18n.getMessage(key, subs);
}
