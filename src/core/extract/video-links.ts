/**
 * An embedded video player (an iframe) cannot come into the reader, which
 * loads nothing from the web: in the page clone it becomes a link to the
 * video, so the story's "Watch:" is followed by something to follow.
 */

import { squash } from '../captions/text';

/** Players by address: the big hosts, and any embed path that says it plays video. */
const VIDEO_SRC = /^https?:\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|jwplayer\.com|jwplatform\.com|brightcove\.net|ted\.com|facebook\.com\/plugins\/video)\/|\/(?:embed|player)\/.*video|video.*\/(?:embed|player)\b/i;
/** Titles players give themselves, which say nothing of the video. */
const GENERIC_TITLE = /^(?:youtube|vimeo|dailymotion)?\s*(?:video\s*)?(?:player|embed(?:ded)?(?: content| video)?|video|iframe)?$/i;

/** Whether a link goes to a video (a player's address or its watch page). */
function isVideoAddress(href: string): boolean {
  return VIDEO_SRC.test(href);
}

/**
 * A block that is one link to a video and nothing else: what a player
 * became in the extraction. The cleaning keeps it; the reader says "Video:"
 * before it.
 */
export function standsForVideo(block: Element): boolean {
  const links = block.getElementsByTagName('a');
  const link = links[0];
  return links.length === 1 && !!link && squash(link.textContent ?? '') === squash(block.textContent ?? '') && isVideoAddress(link.getAttribute('href') ?? '');
}

/** The page a viewer opens for a player's address: YouTube's embed has a watch page. */
function watchAddress(src: URL): string {
  const id = /^\/embed\/([\w-]{6,})/.exec(src.pathname)?.[1];
  if (id && /(?:^|\.)youtube(?:-nocookie)?\.com$/i.test(src.hostname)) return `https://www.youtube.com/watch?v=${id}`;
  return src.href;
}

/**
 * The link that stands for a video player, or null when the iframe is not
 * one. Named by the player's title where it says something, else by `name`
 * (the words of the player's own box, its title bar), else by the host.
 */
export function videoLink(iframe: Element, base: string, name = ''): Element | null {
  const raw = (iframe.getAttribute('src') ?? iframe.getAttribute('data-src') ?? '').trim();
  let src: URL;
  try {
    src = new URL(raw, base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(src.protocol) || !isVideoAddress(src.href)) return null;
  const doc = iframe.ownerDocument;
  const title = (iframe.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
  const watch = watchAddress(src);
  const link = doc.createElement('a');
  link.setAttribute('href', watch);
  link.textContent = title && !GENERIC_TITLE.test(title) ? title : name || new URL(watch).hostname.replace(/^www\./, '');
  // In a paragraph already, the link alone: a paragraph inside one would split it when the reader parses it again.
  if (iframe.parentElement && /^(?:P|SPAN|A|EM|STRONG|B|I|SMALL|LABEL)$/i.test(iframe.parentElement.tagName)) return link;
  const paragraph = doc.createElement('p');
  paragraph.append(link);
  return paragraph;
}
