/**
 * The background's one entry point for runtime messages. Every handler is
 * typed from MessageMap, and a message is only handled when it comes from
 * where that kind of message can come from: our own extension (sender.id),
 * and then either a content script in a tab or one of our own pages. A web
 * page cannot reach this listener without externally_connectable, but
 * another extension's content script or a compromised frame could try, so
 * the checks are cheap insurance.
 *
 * Kept free of webextension-polyfill so it runs in unit tests as it is.
 */
import { isMessage, type Message, type MessageMap, type MessageName } from '../core/messages';

/** The part of runtime.MessageSender the router looks at. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** Who may send a message: a content script in a tab's top frame, or an extension page. */
export type Origin = 'content' | 'extension-page';

export type Handler<N extends MessageName> = (
  payload: MessageMap[N]['payload'],
  sender: Sender & { tabId: number | undefined },
) => Promise<MessageMap[N]['response']> | MessageMap[N]['response'];

export type Routes = { [N in MessageName]?: { from: Origin; handle: Handler<N> } };

export interface RouterContext {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''): the prefix of our own pages' URLs. */
  extensionOrigin: string;
}

export function senderOrigin(sender: Sender, context: RouterContext): Origin | null {
  if (sender.id !== context.extensionId) return null;
  const fromOurPage = typeof sender.url === 'string' && sender.url.startsWith(context.extensionOrigin);
  if (fromOurPage) return 'extension-page';
  // Content scripts run in tabs; per-tab state is about the top frame only.
  if (typeof sender.tab?.id === 'number' && (sender.frameId ?? 0) === 0) return 'content';
  return null;
}

/**
 * Returns a runtime.onMessage listener. It answers (with a promise) only
 * the messages it handles, and returns undefined for the rest, so other
 * listeners (the reader's, say) still get their turn.
 */
export function createRouter(routes: Routes, context: RouterContext) {
  return (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isMessage(raw)) return undefined;
    const msg = raw as Message;
    const route = routes[msg.lectern] as { from: Origin; handle: Handler<MessageName> } | undefined;
    if (!route || senderOrigin(sender, context) !== route.from) return undefined;
    try {
      return Promise.resolve(route.handle(msg.payload as never, { ...sender, tabId: sender.tab?.id })).catch(() => null);
    } catch {
      return Promise.resolve(null);
    }
  };
}
