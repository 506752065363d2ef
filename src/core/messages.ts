/**
 * Every message between Lectern's parts, in one map from name to payload
 * and response. Senders and listeners are typed from it.
 */
import type { ExtractedArticle } from './extract';

export interface TabState {
  articleFound: boolean;
  /**
   * The page's first look ran out of time (its thread was busy) and another
   * follows shortly: "no article" is not its answer yet.
   */
  looking: boolean;
  readerOpen: boolean;
}

export interface MessageMap {
  /** Background → content: move focus to the article (keyboard shortcut). */
  'jump-to-article': { payload: Record<string, never>; response: { jumped: boolean } };
  /**
   * Content → background: whether the content script found an article.
   * Whether the reader is open is the background's to know (it opens and
   * closes it), so a re-detection never overwrites it.
   */
  'page-state': { payload: { articleFound: boolean; looking?: boolean }; response: undefined };
  /** Content → background: this site's "always open the reader" switch is on and the page has an article: open it here. */
  'open-reader-here': { payload: Record<string, never>; response: { readerOpen: boolean } | null };
  /** Popup → background: what Lectern knows of a tab (null: no content script has reported there). */
  'get-tab-state': { payload: { tabId: number }; response: PopupTabState | null };
  /** Popup → background: toggle the reader in a tab (src/background/reader.ts injects it). */
  'toggle-reader-in-tab': { payload: { tabId: number }; response: { readerOpen: boolean } | null };
  /** Reader page → background: its close button or Escape; the background closes the reader in the sender's tab (never opens it). */
  'reader-close': { payload: Record<string, never>; response: { readerOpen: boolean } | null };
  /** Reader script → background: a reader opened with this article (null: none found); the token ties the reader frame to it. */
  'reader-opened': { payload: { article: ExtractedArticle | null; url: string; token: string }; response: Record<string, never> };
  /**
   * Reader script → background: the reader with this token closed in this tab. `shown`: false for one put up
   * hidden for the popup and taken down unseen, which says nothing of whether a reader is open there.
   */
  'reader-closed': { payload: { token: string; shown: boolean }; response: Record<string, never> };
  /** Reader page → background: the article for the token its frame was given (tabId only when opened on its own, by tests). */
  'reader-article': { payload: { token: string; tabId?: number }; response: ReaderArticle | null };
}

/** A tab's state as the popup sees it: TabState plus the page's hostname, for the per-site switches. */
export interface PopupTabState extends TabState {
  hostname: string;
}

/** What the reader page is given to show. */
export interface ReaderArticle {
  article: ExtractedArticle | null;
  url: string;
  tabId: number;
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

const MESSAGE_NAMES: ReadonlySet<string> = new Set<MessageName>(['jump-to-article', 'page-state', 'open-reader-here', 'get-tab-state', 'toggle-reader-in-tab',
  'reader-close', 'reader-opened', 'reader-closed', 'reader-article']);

export function message<N extends MessageName>(name: N, payload: MessageMap[N]['payload']): Message<N> {
  return { lectern: name, payload };
}

/**
 * The reader page's address carries this parameter when it is put up
 * hidden: it waits until it is shown before it takes focus.
 */
export const READER_HIDDEN_PARAM = 'hidden';

/**
 * The popup's port to the background while it is open on a tab: the
 * background puts that tab's reader up hidden, and takes it down when the
 * port closes with the popup (src/background/reader.ts).
 */
const READER_PREPARE_PORT = 'lectern-reader-prepare:';

export const readerPreparePort = (tabId: number): string => `${READER_PREPARE_PORT}${tabId}`;

/** The tab a port of that name is about, or null for any other port. */
export function tabOfReaderPreparePort(name: string): number | null {
  const digits = name.startsWith(READER_PREPARE_PORT) ? name.slice(READER_PREPARE_PORT.length) : '';
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}
