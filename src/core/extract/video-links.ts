/**
 * An embedded video player (an iframe) cannot come into the reader, which
 * loads nothing from the web: in the page clone it becomes a link to the
 * video, so the story's "Watch:" is followed by something to follow. A
 * player drawn as its poster until clicked becomes the same link.
 */

import { squash } from '../captions/text';

/** Players by address: the big hosts, and any embed path that says it plays video. */
const VIDEO_SRC = /^https?:\/\/(?:[\w-]+\.)*(?:youtube(?:-nocookie)?\.com|youtu\.be|vimeo\.com|dailymotion\.com|twitch\.tv|jwplayer\.com|jwplatform\.com|brightcove\.net|ted\.com|facebook\.com\/plugins\/video)\/|\/(?:embed|player)\/.*video|video.*\/(?:embed|player)\b/i;
/** Titles players give themselves, which say nothing of the video. */
const GENERIC_TITLE = /^(?:youtube|vimeo|dailymotion)?\s*(?:video\s*)?(?:player|embed(?:ded)?(?: content| video)?|video|iframe)?$/i;

/** A video's own page, by a host or a path that says it holds videos ("video.foxnews.com/v/…", "/videos/2019/…"). */
const VIDEO_PAGE = /^https?:\/\/(?:videos?\.[^/]+\/|[^/]+\/(?:[^?#]*\/)?videos?\/)/i;

/** Whether a link goes to a video (a player's address or its watch page). */
function isVideoAddress(href: string): boolean {
  return VIDEO_SRC.test(href) || VIDEO_PAGE.test(href);
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
  const title = (iframe.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
  return linkInPlaceOf(iframe, watchAddress(src), title && !GENERIC_TITLE.test(title) ? title : name);
}

/** The link to `href`, named `name` (else by its host), as a paragraph where `player` stood in a block. */
function linkInPlaceOf(player: Element, href: string, name: string): Element {
  const doc = player.ownerDocument;
  const link = doc.createElement('a');
  link.setAttribute('href', href);
  link.textContent = name || new URL(href).hostname.replace(/^www\./, '');
  // In a paragraph already, the link alone: a paragraph inside one would split it when the reader parses it again.
  if (player.parentElement && /^(?:P|SPAN|A|EM|STRONG|B|I|SMALL|LABEL)$/i.test(player.parentElement.tagName)) return link;
  const paragraph = doc.createElement('p');
  paragraph.append(link);
  return paragraph;
}

/** The words a poster may carry over its picture: the player's "Video", "Play", a running time. */
const MAX_POSTER_LABEL_CHARS = 20;
/** The box a site draws a player in, which a poster stands in for until it is clicked. */
const PLAYER_BOX = '[class*="video" i], [class*="player" i], [data-video-id]';
/** How far up from the poster's link the player's box may be. */
const MAX_PLAYER_BOX_LEVELS = 3;

/**
 * The link that stands for a player drawn as its poster, a picture linked to
 * the video's page ("<div class=video-player><a href=video.site/v/1><img
 * alt=title><span>Video</span>"), or null. As a picture it would open the
 * story as a photo, named by a video's title; as a link it says what it is,
 * like the players the reader makes links of. Named by the poster's alt.
 */
export function posterLink(link: Element, base: string): Element | null {
  const pictures = link.getElementsByTagName('img');
  if (pictures.length !== 1 || link.querySelector('video, iframe') || squash(link.textContent ?? '').length > MAX_POSTER_LABEL_CHARS) return null;
  let href: URL;
  try {
    href = new URL(link.getAttribute('href') ?? '', base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(href.protocol) || !isVideoAddress(href.href)) return null;
  let box = link.parentElement;
  for (let level = 1; box && level < MAX_PLAYER_BOX_LEVELS && !box.matches(PLAYER_BOX); level++) box = box.parentElement;
  if (!box?.matches(PLAYER_BOX)) return null;
  return linkInPlaceOf(link, href.href, squash(pictures[0]!.getAttribute('alt') ?? ''));
}
