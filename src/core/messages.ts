/**
 * Every message between Lectern's parts, in one map from name to payload
 * and response. Senders and listeners are typed from it.
 */

export interface TabState {
  articleFound: boolean;
  readerOpen: boolean;
}

export interface MessageMap {
  /** Background → content: move focus to the article (keyboard shortcut). */
  'jump-to-article': { payload: Record<string, never>; response: { jumped: boolean } };
  /** Content → background: what the content script found on this page. */
  'page-state': { payload: TabState; response: undefined };
}

export type MessageName = keyof MessageMap;

export interface Message<N extends MessageName = MessageName> {
  lectern: N;
  payload: MessageMap[N]['payload'];
}

/** Narrows an unknown value received from a message channel. */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const name = (value as { lectern?: unknown }).lectern;
  return typeof name === 'string' && MESSAGE_NAMES.has(name);
}

const MESSAGE_NAMES: ReadonlySet<string> = new Set<MessageName>(['jump-to-article', 'page-state']);

export function message<N extends MessageName>(name: N, payload: MessageMap[N]['payload']): Message<N> {
  return { lectern: name, payload };
}
