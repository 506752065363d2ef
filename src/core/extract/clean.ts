/**
 * Lectern's post-processing of Readability's output: removes what a reader
 * does not need inside the article body (promos, "related" links,
 * newsletter boxes, repeated bylines and dates, gallery chrome, author bios)
 * and lifts the standfirst out so the reader can show it under the title.
 *
 * Rules look at the shape and wording of blocks, never at a site. They act
 * mostly at the edges of the article (before its first and after its last
 * paragraph of prose), where furniture gathers; in the middle only blocks
 * that cannot be prose (labelled promo links, boilerplate lines) go.
 */

import { leavesPage } from '../captions/dom';
import { isMeaningfulAlt, looksLikeCredit, repeatsHeadline, squash } from '../captions/text';
import { clutterReason, isBlankPlaceholder, isInlineElement } from './prepare';
import { truncatedStem, wordCoverage } from './text';
import { SUMMARY_NAME } from './standfirst';
import { standsForVideo } from './video-links';

export interface CleanContext {
  /** The story's title, to drop repeats of it. */
  title: string;
  /** Author names known from metadata, to drop repeated bylines and bios. */
  authors: string[];
  /** Descriptions the page gives (meta, Open Graph, JSON-LD), to find the standfirst. */
  descriptions: string[];
}

export interface CleanResult {
  /** The standfirst taken out of the body, if one was found. */
  standfirst: string | null;
  /** A byline found in the body, for pages whose metadata has none. */
  byline: string | null;
  removed: number;
  /**
   * Puts back every element the cleaning removed (the presentation
   * attributes stay stripped), for when it took too much. Cheaper than
   * keeping a copy of the article for the rare page that needs it.
   */
  restore(): void;
}

/** Removes elements and remembers where each was, so that they can all go back. */
type Detach = (el: Element) => void;

/** Leaf blocks: the units the rules judge. */
const LEAF_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'DT', 'DD', 'PRE', 'BLOCKQUOTE', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ADDRESS', 'CENTER']);
/** Blocks judged as a whole: their inside is content (a picture and its caption, a data table). */
const ATOMIC_BLOCKS = new Set(['FIGURE', 'TABLE', 'PICTURE', 'IMG', 'VIDEO', 'AUDIO', 'IFRAME', 'svg', 'SVG', 'MATH', 'math']);
const BLOCK_TAGS = new Set([...LEAF_BLOCKS, ...ATOMIC_BLOCKS, 'UL', 'OL', 'DL', 'MAIN', 'ASIDE', 'NAV', 'DETAILS', 'SUMMARY', 'FIGCAPTION', 'HR', 'FORM', 'FIELDSET']);
const MEDIA = 'img, picture, video, audio, iframe, svg, math, table, canvas, object, embed';

interface Block {
  el: Element;
  text: string;
  linkText: number;
  atomic: boolean;
}

function linkTextLength(el: Element): number {
  if (el.tagName === 'A') return squash(el.textContent ?? '').length;
  let n = 0;
  for (const a of el.getElementsByTagName('a')) n += squash(a.textContent ?? '').length;
  return n;
}

/** Whether el has a block-level child element (then it is not a leaf). */
function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCK_TAGS.has(c.tagName.toUpperCase()) || BLOCK_TAGS.has(c.tagName)) return true;
  }
  return false;
}

function isBlockTag(el: Element): boolean {
  return BLOCK_TAGS.has(el.tagName.toUpperCase()) || BLOCK_TAGS.has(el.tagName);
}

/** An inline element with no running text beside it: a line of its own. */
function standsAlone(el: Element): boolean {
  const alone = (n: Node | null, dir: 'previousSibling' | 'nextSibling'): boolean => {
    for (; n; n = n[dir]) {
      if (n.nodeType === 8) continue; // comment
      if (n.nodeType === 3) {
        if ((n.nodeValue ?? '').trim()) return false;
        continue;
      }
      if (n.nodeType === 1) {
        const e = n as Element;
        if (isBlockTag(e) || e.tagName === 'BR') return true;
        if (!(e.textContent ?? '').trim()) continue; // an image or an empty box: no running text
        return false;
      }
    }
    return true;
  };
  return alone(el.previousSibling, 'previousSibling') && alone(el.nextSibling, 'nextSibling');
}

function collectBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  const walk = (el: Element): void => {
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName.toUpperCase();
      if (ATOMIC_BLOCKS.has(tag) || ATOMIC_BLOCKS.has(c.tagName)) {
        blocks.push({ el: c, text: squash(c.textContent ?? ''), linkText: 0, atomic: true });
      } else if (hasBlockChild(c)) {
        walk(c);
      } else if (isBlockTag(c) || standsAlone(c)) {
        // Leaf blocks, and inline elements alone between blocks (a date
        // <span> under the headline): both are judged as lines of their own.
        const text = squash(c.textContent ?? '');
        if (text || c.querySelector(MEDIA)) blocks.push({ el: c, text, linkText: linkTextLength(c), atomic: !!c.querySelector(MEDIA) && !text });
      }
    }
  };
  walk(root);
  return blocks;
}

// --- Wording of furniture. English first, with the commonest equivalents
// --- seen on European and Asian news sites.

/** Whole-block texts that are never article content. */
const BOILERPLATE = new RegExp(
  '^(?:' +
    [
      'advert(?:isement)?s?', 'ads?', 'anzeige', 'publicit[ée]', 'iklan', 'реклама', 'werbung', 'sponsored(?: content)?',
      'skip to (?:main )?content', 'this slideshow requires javascript\\.?', 'comments?', '\\d+ comments?', 'no comments?',
      'post (?:a )?comment.*', 'leave a (?:comment|reply)', 'share(?: this)?(?: article| story| post| page)?:?',
      'share (?:on|via) \\w+', 'email the author', 'view author archive', 'caption', 'close', 'expand', 'hide caption',
      'toggle caption', 'image \\d+ of \\/? ?\\d+', '\\d+ of \\d+', 'continue reading(?: below)?', 'story continues below(?: advertisement)?',
      'article continues below(?: advertisement)?', 'related(?: news| posts?| articles?| stories| content| coverage| links)?:?',
      'you (?:may|might) also (?:like|be interested in).*', 'recent (?:articles|posts|stories)', 'popular (?:this week|now|today)',
      '(?:read|see) more(?: stories)?:?', 'more:?', 'more (?:stories|news|videos|from \\S+(?: \\S+)?)', "don'?t miss:?", 'see also:?',
      'also read:?', 'read also:?', 'recommended(?: for you| stories| reading)?:?', 'trending(?: now| stories)?', 'most (?:read|popular|viewed|shared)',
      'tell us what you think.*', 'like this (?:story|article)\\?.*', 'breaking news(?: emails)?', 'latest news', 'top stories',
      'subscribe', 'sign in', 'log ?in', 'sign up', 'follow us', 'print', 'email', 'video', 'watch', 'listen', 'loading\\.*',
      'filed under:?.*', 'tags?:.*', 'topics?:.*', 'categories:.*',
    ].join('|') +
    ')$',
  'i',
);

/** A label that introduces links elsewhere: "Related: ...", "READ MORE: ...", "[Also on x ...]". */
const PROMO_LABEL = /^[[(]?\s*(?:(?:related(?: post| article| story| stories| coverage| news| content| reading)?|more|also|watch|listen|read|trending|recommended|top stories)\s*(?:[:|»>]|\s[-–—]\s)|(?:read more|read also|also read|see more|see also|also on \S+|don'?t miss|more from \S+|click here|more on this|you (?:may|might) also like|further reading)\b)/i;

const DATE_WORDS = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|maret|mei|agustus|desember)\b/i;
const DATE_WORDS_ALL = new RegExp(DATE_WORDS.source, 'gi');
const NUMERIC_DATE = /\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b/;
const META_PREFIX = /^(?:by|von|par|por|di|door|av|posted|published|updated|first published|last updated|modified|created|written by|words by|story by|posté|publié|veröffentlicht|aktualisiert|publicado|atualizado|pubblicato|aggiornato|opublikowano)\b/i;
const READING_TIME = /(?:\b\d+\s*(?:min(?:ute)?s?|minutos?|minuten|minuti)\b.{0,20}\b(?:read|leitura|lesezeit|lecture|lettura|lectura)\b)|(?:\b(?:read(?:ing)? time|tempo de leitura|lesezeit|temps de lecture|tempo di lettura|tiempo de lectura)\b.{0,5}\d+)|^\d+\s*(?:min(?:ute)?s?)(?: read)?$/i;
/** Where a syndicated story first ran: part of the story, set after its related links. */
const SYNDICATION_NOTE = /^(?:this (?:article|story|piece) (?:was|is) )?(?:originally|first) (?:published|appeared|ran)\b/i;
const MAX_SYNDICATION_CHARS = 200;
const CREDIT_LINE = /^[([]?\s*(?:(?:additional )?reporting by|editing by|edited by|writing by|compiled by|(?:with )?additional reporting|produced by)\b|contributed (?:reporting|to this (?:report|story|article))|^have a (?:news )?tip\??|^(?:source|sources|via|image source)\s*:/i;
const NEWSLETTER = /\b(?:newsletters?|subscribe|subscription|sign up|signup|sign-up|inbox|delivered (?:to you|daily|weekly|every)|delivered (?:[\w']+ ){0,2}?(?:to|through) your\b|get the latest|e-?mail alerts?|breaking news alerts)\b/i;
/** A call to act: what a promo asks and a story reports. */
const CALL_TO_ACTION = /(?:^|[.!?]\s+)(?:sign up|subscribe|register|join|get|download|follow|click|tap|want|never miss|don'?t miss|stay (?:informed|up to date|in the know)|start your day|be the first)\b|\b(?:sign up|subscribe) (?:now|today|here|for free)\b|\b(?:click|tap) here\b/i;
/** Wording that only a sign-up promo uses. */
const NEWSLETTER_STRONG = /\b(?:newsletters?|subscribe to (?:our|the)|sign up for (?:our|the)|in your inbox|to your inbox|e-?mail alerts?|breaking news alerts)\b/i;
/** Attribution of reported speech: a story's sentence, never a promo's. */
const REPORTED_SPEECH = /(?:,|\bthe \w+|\b(?:he|she|they|it)) (?:said|says|told|added|explained)\b|\baccording to\b/i;
/** What follows the name in an author's bio ("Jane Doe is a reporter for The Times"). */
const BIO_TAIL = /^(?:is|was|has been|writes|covers|reports)\b.{0,120}\b(?:writer|reporter|journalist|editor|correspondent|columnist|contributor|author|curator|producer|freelance|staff|native|covers|based in|for [A-ZÀ-ÖØ-Þ])/;
const NAME_PUNCTUATION = ".'’-";

/**
 * A capitalised word of a name ("Jane", "O’Brien", "St."): an upper-case
 * letter, then letters and name punctuation. Checked letter by letter,
 * not with \p{Lu}, which costs about half a millisecond to compile on a cold page.
 */
function isCapitalised(word: string, minLength: number): boolean {
  const first = word.charAt(0);
  if (word.length < minLength || first === first.toLowerCase()) return false;
  for (const ch of word.slice(1)) if (ch.toLowerCase() === ch.toUpperCase() && !NAME_PUNCTUATION.includes(ch)) return false;
  return true;
}

/** An author's bio: one to four capitalised names, then "is a reporter for ..." and the like. */
function isBio(text: string): boolean {
  const words = text.split(' ');
  let names = 0;
  while (names < 4 && names < words.length - 1 && isCapitalised(words[names] as string, 2)) names++;
  for (let k = names; k >= 1; k--) if (BIO_TAIL.test(words.slice(k).join(' '))) return true;
  return false;
}

/** A lone name or label ("Jane Doe", "Smith & Jones"): a few capitalised words, no sentence, no numbers. */
function isLoneName(text: string): boolean {
  const words = text.split(' ');
  if (words.length > 4 || !isCapitalised(words[0] as string, 1)) return false;
  return words.slice(1).every((w) => isCapitalised(w, 1) || (w.startsWith('&') && isCapitalised(`A${w.slice(1)}`, 1)));
}

/** An address whose query says it is an affiliate link ("?utm_medium=affiliates", "&affiliate_id=…"), not a story about affiliates. */
const AFFILIATE_LINK = /[?&](?:[^=&#]*affiliat[^=&#]*=|[^=&#]+=[^&#]*affiliat)/i;
const AFFILIATE = /\b(?:affiliate (?:links?|commission|partnerships?)|we may (?:earn|receive) (?:a )?(?:small )?(?:commission|share)|this post may contain)\b/i;
const SOCIAL_PROMO = /\b(?:follow|like|find|join) (?:us|him|her|them|me|\S+(?: \S+){0,3}) on (?:twitter|facebook|instagram|youtube|linkedin|tiktok|snapchat|pinterest|flipboard)\b|\bjoin (?:our|the) (?:\S+ )?(?:forums?|community|conversation|discussion)\b|^listen to \S+(?: \S+){0,3} (?:live|on)\b/i;
/**
 * The site's rules for its comments, under the story ("Comments are moderated",
 * "ATENÇÃO: Comentários … não serão aprovados pelo moderador"): comments and
 * their moderator named in one short line. Approval alone is a story's word ("the
 * board approved the mayor's comments"). Latin letters are spelled out: a \p{L}
 * class costs its compiling on every reader (docs/performance.md).
 */
const COMMENT_WORD = /(?:^|[^a-zà-ÿ])(?:comments?|comentários?|comentarios?|commentaires?|kommentare?|commenti|commento|reacties|reactie)(?![a-zà-ÿ])/i;
// Not "moderate": "moderate comments" are a story's words.
const MODERATION_WORD = /(?:^|[^a-zà-ÿ])(?:moderat(?:ed|ion|ing|ors?|ori|ore|ados?|adas?|i|azione)|moderación|moderação|moderador(?:es)?|moderiert|modér(?:é|ée|és|ées|ation|ateurs?)|gemodereerd)(?![a-zà-ÿ])/i;
const BARE_URL = /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:\/\S*)?$/i;
/** A WordPress-style shortcode the site never rendered: "[button link=...]Text[/button]". */
const SHORTCODE = /^\[(\w+)\b[^\]]*\].*\[\/\1\]$/;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|(?:©|\(c\)|copyright)\s*(?:19|20)\d{2}\b/i;
/** A postal or phone contact line: the site's footer, not the story. */
const CONTACT = /\b(?:tel|fax|phone)\b[.:]?\s*\+?[\d()\s.-]{7,}|\+?\d[\d()\s.-]{6,}\d\s*(?:tel|fax)\b/i;

function isLinkDominated(b: Block, ratio = 0.6): boolean {
  return b.text.length > 0 && b.linkText / b.text.length >= ratio;
}

function isHeading(el: Element): boolean {
  return /^H[1-6]$/.test(el.tagName.toUpperCase());
}

/** Letters mostly upper-case: shouting promos ("CLICK HERE TO GET THE APP"). Only scripts with case can shout. */
function isShouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    if (lower === ch.toUpperCase()) continue; // not a letter with case
    letters++;
    if (ch !== lower) upper++;
  }
  return letters >= 12 && upper / letters > 0.85;
}

/** Prose: a paragraph of running text, the kind furniture never is. */
function isProse(b: Block): boolean {
  if (b.atomic || b.text.length < 90) return false;
  if (isHeading(b.el) || isLinkDominated(b, 0.5)) return false;
  if (PROMO_LABEL.test(b.text) || isPromo(b)) return false;
  return /[.!?。！？…:;"”'’»)]\s*$/.test(b.text) || b.text.length > 200;
}

function mentionsAuthor(text: string, authors: string[]): boolean {
  const t = text.toLowerCase();
  return authors.some((a) => a.length > 3 && t.includes(a.toLowerCase()));
}

/** A short line that only says who wrote it, or when: shown in the reader's header instead. */
function isMetaLine(b: Block, ctx: CleanContext): boolean {
  const t = b.text;
  if (t.length > 140) return false;
  if (META_PREFIX.test(t) && (t.length < 80 || DATE_WORDS.test(t) || NUMERIC_DATE.test(t))) return true;
  if (READING_TIME.test(t)) return true;
  const words = t.split(' ').length;
  // A date alone ("Nov. 20, 2019, 9:28 AM UTC", "sexta-feira, 22 de outubro de 2010 às 20:13").
  const stripped = t.replace(DATE_WORDS_ALL, '').replace(/[\d\s.,:/|–—-]+/g, ' ').trim();
  if ((DATE_WORDS.test(t) || NUMERIC_DATE.test(t)) && stripped.split(' ').filter((w) => w.length > 2).length <= 3 && words <= 12) return true;
  if (mentionsAuthor(t, ctx.authors) && words <= 12 && !/[.!?]$/.test(t)) return true;
  return false;
}

/**
 * A sign-up promo: newsletter wording that asks the reader to act, or
 * carries the link to do it. A sentence that reports on a newsletter stays.
 */
function isPromo(b: Block): boolean {
  const t = b.text;
  // A promo asks; it never quotes anyone ("Subscribe to the basic plan and you pay less, the company said").
  if (t.length >= 300 || REPORTED_SPEECH.test(t)) return false;
  // "[Subscribe] to WIRED and stay smart…", with the link to do it: a story's "Subscribe to Netflix's ad tier and you pay…" has none.
  if (/^subscribe to\b/i.test(t) && Array.from(b.el.getElementsByTagName('a')).some((a) => /^subscribe\b/i.test(squash(a.textContent ?? '')))) return true;
  return NEWSLETTER_STRONG.test(t) && (CALL_TO_ACTION.test(t) || isLinkDominated(b, 0.2) || /\?$/.test(t));
}

/** A picture that is an advertisement for a subscription: its caption asks the reader to sign up, its picture links there. */
function isPromoFigure(b: Block): boolean {
  if (b.el.tagName.toUpperCase() !== 'FIGURE' || b.text.length >= 300) return false;
  const pictureLinks = Array.from(b.el.querySelectorAll('a[href]')).filter((a) => a.querySelector('img, picture') && leavesPage(a));
  // A picture that links to a shop through an affiliate programme: an advertisement, whatever its caption says.
  if (pictureLinks.some((a) => AFFILIATE_LINK.test(a.getAttribute('href') ?? ''))) return true;
  return pictureLinks.length > 0 && NEWSLETTER_STRONG.test(b.text) && CALL_TO_ACTION.test(b.text);
}

/** Pictures that are all links to other pages, with nothing to read: a row of teasers' thumbnails. */
function isTeaserPicture(el: Element): boolean {
  const pictures = Array.from(el.querySelectorAll('img, picture'));
  return pictures.length > 0 && pictures.every((p) => {
    const link = p.closest('a[href]');
    return !!link && el.contains(link) && leavesPage(link);
  });
}

/** A badge or a button's picture: this size or less, as the page sets it. */
const MAX_BADGE_PX = 200;

/** Every picture set at most badge-sized in both its width and height attributes. */
function isBadgeSized(el: Element): boolean {
  const pictures = Array.from(el.getElementsByTagName('img'));
  return pictures.length > 0 && pictures.every((img) => ['width', 'height'].every((side) => {
    const px = Number(img.getAttribute(side) ?? NaN);
    return px > 0 && px <= MAX_BADGE_PX;
  }));
}

/** A credit names a person or an agency ("Photo: Ann Lee / AP"); a caption that starts "Photo:" says more. */
const MAX_CREDIT_WORDS = 6;
/** An icon drawn beside a picture (a zoom or share button's): this size or less on each side. */
const MAX_ICON_PX = 32;

/** What a figure shows, or says to a screen reader: not a blank that never loads and says nothing, nor a control's icon. */
function shows(el: Element, title: string): boolean {
  const tag = el.tagName.toUpperCase();
  // A blank's alt is drawn in its place, unless it only says the headline again, which the reader silences.
  const alt = el.getAttribute('alt');
  if (tag === 'IMG') return !isBlankPlaceholder(el) || (isMeaningfulAlt(alt) && !repeatsHeadline(alt, title));
  if (tag === 'SVG') return !['width', 'height'].every((side) => Number(el.getAttribute(side) ?? NaN) <= MAX_ICON_PX);
  return true;
}

/**
 * A figure left with nothing to show (its spacer taken out, its picture a
 * blank that never loads) and nothing to say but whose picture it was:
 * "Photo: iFixit" under an empty box.
 */
function isEmptyFigure(b: Block, title: string): boolean {
  if (b.el.tagName.toUpperCase() !== 'FIGURE' || (b.text && !(looksLikeCredit(b.text) && b.text.split(' ').length <= MAX_CREDIT_WORDS))) return false;
  // A player's link (see video-links.ts) is something to follow.
  if (Array.from(b.el.children).some(standsForVideo)) return false;
  return !Array.from(b.el.querySelectorAll('img, picture, video, audio, iframe, svg, canvas, table, math, object, embed')).some((el) => shows(el, title));
}

/** Furniture that can sit anywhere in the body. */
function isAnywhereClutter(b: Block, ctx: CleanContext): boolean {
  if (b.atomic) return isPromoFigure(b) || isEmptyFigure(b, ctx.title);
  const t = b.text;
  if (!t) return false;
  if (t.length < 120 && BOILERPLATE.test(t.replace(/[\s|»›>·•:–—-]+$/, '').replace(/^[\s|«‹<·•–—-]+/, ''))) return true;
  // "Read more: <link>", "[Related: <link>]".
  if (t.length < 300 && PROMO_LABEL.test(t) && isLinkDominated(b, 0.4)) return true;
  // A paragraph that is one shouting link: a promo for another page or app.
  if (t.length < 200 && isLinkDominated(b, 0.9) && isShouting(t)) return true;
  // Escaped markup left by an editor ("&lt;span data-mce-type=...").
  if (/^(?:&(?:amp;)*lt;|<)\/?[a-z]+[\s>][^]*(?:gt;|>)/i.test(t) && /=["'“”]/.test(t)) return true;
  if (t.length < 250 && AFFILIATE.test(t)) return true;
  if (t.length < 500 && SHORTCODE.test(t)) return true;
  if (b.el.tagName.toUpperCase() !== 'LI' && isPromo(b)) return true;
  return false;
}

/** Furniture before the first paragraph of prose. */
function isLeadingClutter(b: Block, ctx: CleanContext): boolean {
  // A promo figure, an empty one, or a section's badge: a small picture that links elsewhere ("ConsiderThis").
  if (b.atomic) return isAnywhereClutter(b, ctx) || (!b.text && isTeaserPicture(b.el) && isBadgeSized(b.el));
  const t = b.text;
  if (isAnywhereClutter(b, ctx) || isMetaLine(b, ctx)) return true;
  if (isLinkDominated(b, 0.8) && t.length < 120) return true; // breadcrumbs, kickers
  if (BARE_URL.test(t)) return true;
  if (ctx.title && t.length < ctx.title.length * 1.5 + 10 && wordCoverage(t, ctx.title) > 0.85 && wordCoverage(ctx.title, t) > 0.85) return true;
  // A kicker or section label ("Entertainment", "Opinion Columnist"): one to three words, no sentence.
  if (!isHeading(b.el) && t.length < 30 && t.split(' ').length <= 3 && !/[.!?,;:]/.test(t) && b.el.tagName.toUpperCase() !== 'LI') return true;
  return false;
}

/** An item of a list whose every item is a short line with a link: "more stories". */
function isLinkList(el: Element): boolean {
  const list = el.tagName.toUpperCase() === 'LI' ? el.parentElement : null;
  if (!list || (list.tagName.toUpperCase() !== 'UL' && list.tagName.toUpperCase() !== 'OL')) return false;
  // "Here is how to do it:" introduces a list that belongs to the story.
  if (/:\s*$/.test(squash(list.previousElementSibling?.textContent ?? ''))) return false;
  let items = 0;
  for (let li = list.firstElementChild; li; li = li.nextElementSibling) {
    if (li.tagName.toUpperCase() !== 'LI') continue;
    const len = squash(li.textContent ?? '').length;
    if (len > 160 || !li.querySelector('a[href]')) return false;
    items++;
  }
  return items >= 2;
}

/** What a figure shows, its caption included: a picture, a player, a chart. */
const FIGURE_MEDIA = 'img, picture, video, audio, iframe, embed, object, svg, canvas';
/** Words of its own a figure shows beside its caption: a quote, code, a table, a list, a paragraph, a link. */
const FIGURE_WORDS = 'blockquote, pre, table, ul, ol, p, a[href]';

/**
 * A figure left with its caption alone (its picture was a box the page's
 * script would fill, or an address the page never gave): a caption of
 * nothing, between the story's paragraphs.
 */
function isCaptionAlone(figure: Element): boolean {
  if (!figure.querySelector('figcaption') || figure.querySelector(FIGURE_MEDIA)) return false;
  // Words or blocks of its own beside the caption (a pull quote's text, loose or in a <p>): a figure of words.
  if (Array.from(figure.querySelectorAll(FIGURE_WORDS)).some((el) => !el.closest('figcaption'))) return false;
  return Array.from(figure.childNodes).every((c) => (c.nodeType === 1 && (c as Element).tagName.toUpperCase() === 'FIGCAPTION') || !squash(c.textContent ?? ''));
}

/** One item of a list of several. */
function isItemOfList(el: Element): boolean {
  return el.tagName.toUpperCase() === 'LI' && (el.parentElement?.childElementCount ?? 0) > 1;
}

/** Furniture after the last paragraph of prose. */
function isTrailingClutter(b: Block, ctx: CleanContext): boolean {
  if (b.atomic) return false;
  const t = b.text;
  if (isAnywhereClutter(b, ctx) || isMetaLine(b, ctx)) return true;
  if (isLinkDominated(b, 0.5)) return true; // teaser lists, tag clouds, "email the author"
  if (isLinkList(b.el)) return true;
  if (isHeading(b.el) && t.length < 120) return true; // a heading with nothing after it
  if (CREDIT_LINE.test(t) || COPYRIGHT.test(t) && t.length < 250) return true;
  if (t.length < 400 && isBio(t)) return true;
  // Not a step of a list ("Sign up for the bundle using the same email"): an offer to subscribe stands alone.
  if (t.length < 400 && NEWSLETTER.test(t) && (CALL_TO_ACTION.test(t) || isLinkDominated(b, 0.2)) && !isItemOfList(b.el)) return true;
  if (t.length < 300 && SOCIAL_PROMO.test(t)) return true;
  if (t.length < 300 && COMMENT_WORD.test(t) && MODERATION_WORD.test(t)) return true;
  if (t.length < 100 && BARE_URL.test(t)) return true;
  if (t.length < 200 && CONTACT.test(t)) return true;
  if (t.length < 50 && mentionsAuthor(t, ctx.authors)) return true;
  if (t.length < 40 && isLoneName(t)) return true;
  return false;
}

/** A line's words with each link's words as one mark: "[Wired]" and "[Engadget]" are both "[…]". */
function lineShape(b: Block): string {
  let shape = b.text;
  for (const a of b.el.tagName === 'A' ? [b.el] : Array.from(b.el.getElementsByTagName('a'))) {
    const words = squash(a.textContent ?? '');
    if (words) shape = shape.replace(words, '…');
  }
  return shape.replace(/…(?:\s*…)+/g, '…');
}

/** Longer than this, a line is more than a source's or an item's link. */
const MAX_PATTERN_LINE_CHARS = 100;
/** How many lines of one shape, each followed by the story's prose, make a pattern of the story's own. */
const MIN_PATTERN_LINES = 2;

/** A sentence or more of the story's own words. */
const MIN_PROSE_CHARS = 60;

function isProseLine(b: Block | undefined): boolean {
  return !!b && !b.atomic && b.text.length >= MIN_PROSE_CHARS && !isLinkDominated(b, 0.3);
}

/**
 * A short line of links in a shape the story used before, each time with
 * its prose after it (a review roundup names each quote's source as
 * "[Engadget]" between the quotes): the story's last such line, not a
 * teaser. Teasers of one shape follow each other, not prose.
 */
function repeatsStoryLine(blocks: Block[], first: number, i: number): boolean {
  const b = blocks[i]!;
  if (b.atomic || b.text.length >= MAX_PATTERN_LINE_CHARS || b.linkText === 0) return false;
  const shape = lineShape(b);
  if (!/[^…\s]/.test(shape)) return false;
  let seen = 0;
  for (let j = first; j < i; j++) {
    const other = blocks[j]!;
    if (other.atomic || other.linkText === 0 || other.text.length >= MAX_PATTERN_LINE_CHARS || !isProseLine(blocks[j + 1])) continue;
    if (lineShape(other) === shape && ++seen >= MIN_PATTERN_LINES) return true;
  }
  return false;
}

/** What an author's portrait may say beside the name. */
const PORTRAIT_WORDS = /\b(?:photo|picture|image|portrait|headshot|avatar|profile|of)\b/gi;

/** A picture with no caption whose alt is an author's name and no more: the author's portrait on a card under the story. */
function isAuthorPortrait(b: Block, ctx: CleanContext): boolean {
  if (b.el.querySelector('figcaption')) return false;
  // "Photo by Ana Ruiz" is a credit, not a portrait: "by" is left in, and no name matches.
  const img = b.el.tagName.toUpperCase() === 'IMG' ? b.el : b.el.querySelector('img');
  const alt = squash((img?.getAttribute('alt') ?? '').replace(PORTRAIT_WORDS, ' ')).toLowerCase();
  return alt.length > 3 && ctx.authors.some((name) => name.toLowerCase() === alt);
}

/** A strip at least this many times as wide as it is tall is a banner, not a photo. */
const MIN_BANNER_RATIO = 3;
/** A banner's alt names the show or the site: a word or two ("Newsbeat"), never a description. */
const MAX_BANNER_ALT_WORDS = 2;

/**
 * A picture with no caption, drawn as a wide strip, whose alt is a name at
 * most: a programme's or a site's sign-off banner after the story's last
 * words (BBC Newsbeat's, above its "Follow Newsbeat on…").
 */
function isSignOffBanner(b: Block): boolean {
  if (b.text || b.el.querySelector('figcaption')) return false;
  const pictures = b.el.tagName.toUpperCase() === 'IMG' ? [b.el] : Array.from(b.el.getElementsByTagName('img'));
  return pictures.length === 1 && pictures.every((img) => {
    const width = Number(img.getAttribute('width') ?? NaN);
    const height = Number(img.getAttribute('height') ?? NaN);
    const alt = squash(img.getAttribute('alt') ?? '');
    // Not a strip the site left without words: a review's row of stars is one, and says what it shows only to the eye.
    return width > 0 && height > 0 && width >= height * MIN_BANNER_RATIO && alt !== '' && alt.split(' ').length <= MAX_BANNER_ALT_WORDS;
  });
}

/** The story's own address, as a folder: its attachment and gallery pages sit under it. */
function storyPath(doc: Document): string {
  return new URL(doc.baseURI).pathname.replace(/\/?$/, '/');
}

/**
 * A picture with no alt and no words that links to another page, not to
 * one of this story's own (an attachment or gallery page under `story`):
 * a teaser's thumbnail, saying nothing of the story.
 */
function isSilentTeaser(b: Block, story: string): boolean {
  if (!b.atomic || b.text || !isTeaserPicture(b.el)) return false;
  if (Array.from(b.el.getElementsByTagName('img')).some((img) => img.getAttribute('alt')?.trim())) return false;
  const base = b.el.ownerDocument.baseURI;
  return story.length > 1 && Array.from(b.el.querySelectorAll('a[href]')).every((a) => {
    try {
      return !new URL(a.getAttribute('href')!, base).pathname.startsWith(story);
    } catch {
      return true; // An address that cannot be read is no page of this story's.
    }
  });
}

/** A host without its "www.": the same site either way. */
function siteOf(url: URL): string {
  return url.hostname.replace(/^www\./, '');
}

/**
 * Whether all of a block's links go to other sites: a silent teaser's, after
 * the story, make it a banner for the site's social page or a sponsor, with
 * nothing to say.
 */
function linksOffSiteOnly(b: Block): boolean {
  const base = new URL(b.el.ownerDocument.baseURI);
  return Array.from(b.el.querySelectorAll('a[href]')).every((a) => {
    try {
      return siteOf(new URL(a.getAttribute('href')!, base)) !== siteOf(base);
    } catch {
      return false;
    }
  });
}

/** So many such thumbnails in a row are a strip of teasers (a promo gallery whose title went). */
const MIN_STRIP_PICTURES = 3;

/**
 * Whether the block at i is a silent teaser (`silent`), and whether it
 * stands in a strip of them that no line of the story introduces ("Photos
 * from the march:") (`inStrip`). Each block is judged once, though a
 * strip's neighbours are asked about for every picture in it.
 */
function teaserStrips(blocks: Block[]): { silent: (i: number) => boolean; inStrip: (i: number) => boolean } {
  const judged: (boolean | undefined)[] = [];
  let story: string | undefined;
  const silent = (i: number): boolean => (judged[i] ??= isSilentTeaser(blocks[i]!, (story ??= storyPath(blocks[i]!.el.ownerDocument))));
  const inStrip = (i: number): boolean => {
    if (!silent(i)) return false;
    let start = i;
    let end = i;
    while (start > 0 && silent(start - 1)) start--;
    while (end < blocks.length - 1 && silent(end + 1)) end++;
    const before = blocks[start - 1];
    return end - start + 1 >= MIN_STRIP_PICTURES && !(before && /:\s*$/.test(before.text));
  };
  return { silent, inStrip };
}

/** Removes el, then any ancestor left without text or media. */
function removeBlock(el: Element, root: Element, detach: Detach): void {
  let node: Element | null = el;
  while (node && node !== root) {
    const parent: Element | null = node.parentElement;
    detach(node);
    if (!parent || parent === root) break;
    if (squash(parent.textContent ?? '') || parent.querySelector(MEDIA)) break;
    node = parent;
  }
}

/** Wording of links that only open or close something ("... more", "Show caption"). */
const TOGGLE = /^(?:\.{3}|…)?\s*(?:more|less|read more|show more|show less|see more|expand|collapse|show caption|hide caption|toggle caption|\+|-)\s*$/i;

/** Links that only toggle the page's UI: they lead nowhere in the reader. */
function removeToggles(root: Element, detach: Detach): number {
  let n = 0;
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const href = (a.getAttribute('href') ?? '').trim();
    if ((href === '' || href === '#' || /^javascript:/i.test(href)) && TOGGLE.test(squash(a.textContent ?? ''))) {
      detach(a);
      n++;
    }
  }
  return n;
}

/**
 * Teaser cards: boxes that repeat one pattern (a picture, a kicker, a
 * headline that is a link, a one-line summary), as in "more stories" grids
 * that Readability appends to the article. A story's own subheadings are not
 * links, and its sections are longer than a teaser.
 */
function removeTeaserCards(root: Element, detach: Detach): number {
  const groups = new Map<string, Element[]>();
  for (const h of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const text = squash(h.textContent ?? '');
    if (!text || linkTextLength(h) < text.length * 0.8) continue;
    // The card: the largest box around the headline that holds no other headline.
    let card: Element = h;
    for (let up = h.parentElement; up && up !== root; up = up.parentElement) {
      if (up.querySelectorAll('h1, h2, h3, h4, h5, h6').length > 1) break;
      card = up;
    }
    if (card === h || squash(card.textContent ?? '').length > 500) continue;
    const key = `${card.tagName}.${card.getAttribute('class') ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(card);
    groups.set(key, list);
  }
  let removed = 0;
  for (const cards of groups.values()) {
    if (cards.length < 3) continue;
    for (const card of cards) {
      detach(card);
      removed++;
    }
  }
  return removed;
}

const STANDFIRST_CLASS = /(?:^|[^a-z])(?:dek|deck|standfirst|strapline|subtitle|sub-?headline|subhead|summary|description|excerpt|intro|lede|lead|teaser|abstract|kicker-text)(?:[^a-z]|$)/i;

/**
 * The standfirst: the summary a site prints under its headline. It is the
 * page's own description, set apart as a header (its own class, or followed
 * by the byline, date or lead picture rather than by the story).
 */
function textChildren(el: Element): number {
  let n = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if ((c.textContent ?? '').trim()) n++;
  return n;
}

/** The top of the tree b belongs to (the article root while cleaning). */
function ctxRoot(el: Element): Element {
  let top = el;
  while (top.parentElement) top = top.parentElement;
  return top;
}

function findStandfirst(blocks: Block[], first: number, ctx: CleanContext): number {
  const limit = Math.min(blocks.length, first + 1);
  let textBlocksSeen = 0;
  for (let i = 0; i < limit; i++) {
    const b = blocks[i]!;
    if (b.atomic) continue;
    const firstWords = textBlocksSeen++ === 0;
    if (b.text.length < 40 || b.text.length > 400) continue;
    // Its own class, or that of a wrapper made for it alone (not the body's wrapper).
    const parent = b.el.parentElement;
    const wrapper = parent && parent !== ctxRoot(b.el) && textChildren(parent) === 1 ? (parent.getAttribute('class') ?? '') : '';
    const classes = `${b.el.getAttribute('class') ?? ''} ${wrapper}`;
    // The body's first words, set as a heading the page names as its summary ("subtitle", "dek"): the page's
    // description may tell another summary (a video's), and a screen reader would meet it as a section heading.
    if (firstWords && isHeading(b.el) && SUMMARY_NAME.test(classes) && !/^by\s/i.test(b.text)) return i;
    const similar = ctx.descriptions.some((d) => wordCoverage(b.text, d) > 0.8 && wordCoverage(d, b.text) > 0.6);
    if (!similar) continue;
    const next = blocks[i + 1];
    // Or its id ("article-summary"), where the story does not go on right after it: a first paragraph may be the
    // summary a page marks for voice assistants ("speakable-summary"), and the description copied from it.
    const classed = STANDFIRST_CLASS.test(classes) || (STANDFIRST_CLASS.test(b.el.id) && !!next && !isProse(next));
    // Followed by the byline or the date, not by the story: a header.
    const setApart = !!next && !next.atomic && isMetaLine(next, ctx);
    if (classed || setApart || isHeading(b.el)) return i;
  }
  return -1;
}

export interface ArticleShape {
  /** Blocks of running text. */
  prose: number;
  /** Characters in those blocks. */
  proseChars: number;
  /** Blocks that are mostly a link: headlines of teasers, results, messages. */
  linked: number;
}

/** How the body reads: a story is prose; a list page is links with blurbs. */
export function articleShape(root: Element): ArticleShape {
  const shape: ArticleShape = { prose: 0, proseChars: 0, linked: 0 };
  for (const b of collectBlocks(root)) {
    if (b.atomic || !b.text) continue;
    if (isProse(b)) {
      shape.prose++;
      shape.proseChars += b.text.length;
    } else if (isLinkDominated(b, 0.6)) {
      shape.linked++;
    }
  }
  return shape;
}

/** Blocks a <center> may hold: with one of them, it becomes a box; with words alone, a paragraph. */
const CENTRE_BLOCKS = 'p,div,h1,h2,h3,h4,h5,h6,ul,ol,dl,table,blockquote,figure,pre,hr,section,center';

/**
 * Removes the page's presentation and script hooks (class, style, data-*):
 * the reader styles the article itself, and they only add weight. A
 * <center>, which the reader's sanitizing unwraps, becomes a paragraph or a
 * box: its line would otherwise run into the paragraph after it.
 */
export function stripPresentation(root: Element): void {
  for (const centre of Array.from(root.getElementsByTagName('center')).reverse()) {
    const block = root.ownerDocument.createElement(centre.querySelector(CENTRE_BLOCKS) ? 'div' : 'p');
    block.append(...Array.from(centre.childNodes));
    centre.replaceWith(block);
  }
  const all = [root, ...Array.from(root.getElementsByTagName('*'))];
  for (const el of all) {
    const attrs = el.attributes;
    for (let i = attrs.length - 1; i >= 0; i--) {
      const name = attrs[i]!.name;
      if (name === 'class' || name === 'style' || name.startsWith('data-')) el.removeAttribute(name);
    }
  }
}

/**
 * Cleans Readability's article element in place. The element must carry the
 * page's classes (Readability's `keepClasses: true`); they are removed here.
 */
export function cleanArticle(root: Element, ctx: CleanContext): CleanResult {
  const removals: { node: Element; parent: Node; next: Node | null }[] = [];
  const detach: Detach = (el) => {
    if (!el.parentNode) return;
    removals.push({ node: el, parent: el.parentNode, next: el.nextSibling });
    el.remove();
  };
  const result: CleanResult = {
    standfirst: null,
    byline: null,
    removed: 0,
    restore() {
      // Last removed first: each goes back before the sibling it had, which is back in place by then.
      for (let i = removals.length - 1; i >= 0; i--) {
        const { node, parent, next } = removals[i]!;
        parent.insertBefore(node, next);
      }
      removals.length = 0;
    },
  };

  for (const figure of Array.from(root.getElementsByTagName('figure'))) if (isCaptionAlone(figure)) detach(figure);

  // Boxes that carry furniture classes inside the chosen content.
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (el === root || isInlineElement(el) || !root.contains(el) || el.tagName === 'FIGURE' || el.closest('figure, figcaption, table')) continue;
    const reason = clutterReason(el);
    // A box with its own headings is a section of the story, not a widget.
    if (!reason || el.getElementsByTagName('h2').length || el.getElementsByTagName('h3').length || el.getElementsByTagName('h1').length) continue;
    const len = squash(el.textContent ?? '').length;
    if (len > 600) continue;
    if ((reason === 'byline' || reason === 'dateline') && !result.byline && len < 100) {
      result.byline = squash(el.textContent ?? '').replace(/^by\s+/i, '') || null;
    }
    detach(el);
    result.removed++;
  }

  result.removed += removeTeaserCards(root, detach);
  result.removed += removeToggles(root, detach);

  const blocks = collectBlocks(root);
  const drop = new Set<Block>();

  // Twins: a truncated copy ("... more") next to the full text it abbreviates.
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const stem = b.atomic ? null : (truncatedStem(b.text) ?? (b.text.length >= 30 ? b.text : null));
    if (!stem) continue;
    for (const other of [blocks[i - 1], blocks[i + 1]]) {
      if (other && other !== b && other.text.length > stem.length && other.text.startsWith(stem)) drop.add(b);
    }
  }

  // Standfirst and leading furniture, up to the first paragraph of prose.
  let first = blocks.findIndex(isProse);
  if (first < 0) first = blocks.length;
  const sf = findStandfirst(blocks, first, ctx);
  if (sf >= 0) {
    result.standfirst = blocks[sf]!.text;
    drop.add(blocks[sf]!);
    if (sf === first) {
      const next = blocks.slice(first + 1).findIndex(isProse);
      first = next < 0 ? blocks.length : first + 1 + next;
    }
  }
  for (let i = 0; i < first; i++) {
    const b = blocks[i]!;
    if (isLeadingClutter(b, ctx)) {
      if (!result.byline && META_PREFIX.test(b.text) && /^by\b/i.test(b.text)) result.byline = b.text.replace(/^by\s+/i, '').split(/\s[-|–—]\s|\n/)[0] ?? null;
      drop.add(b);
    }
  }

  // Trailing furniture: walk back from the end while blocks are furniture.
  let pastNote = false;
  let trailStart = blocks.length;
  const teasers = teaserStrips(blocks);
  for (let i = blocks.length - 1; i >= first; i--) {
    const b = blocks[i]!;
    if (b.atomic) {
      // Pictures at the end stay, but for the author's portrait on a card, a strip of thumbnails of other
      // pages that say nothing (a promo gallery's, its title gone), a sign-off banner and a silent banner for
      // another site; keep looking above them.
      const offSiteBanner = teasers.silent(i) && linksOffSiteOnly(b);
      if (isAuthorPortrait(b, ctx) || teasers.inStrip(i) || isSignOffBanner(b) || offSiteBanner) drop.add(b);
      continue;
    }
    // "Originally published on Live Science." stays, and the related links above it go.
    if (b.text.length < MAX_SYNDICATION_CHARS && SYNDICATION_NOTE.test(b.text)) {
      pastNote = true;
      continue;
    }
    // Above the note, the story's own last lines: its video's link (see video-links.ts) among them.
    if (pastNote && standsForVideo(b.el)) break;
    if (!isTrailingClutter(b, ctx) || repeatsStoryLine(blocks, first, i)) break;
    drop.add(b);
    trailStart = i;
  }
  // Under a label of other stories ("You may also like:") that went, pictures that link to other pages are its teasers.
  let underPromo = false;
  for (let i = trailStart; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.atomic) underPromo = drop.has(b) && PROMO_LABEL.test(b.text);
    else if (underPromo && !b.text && isTeaserPicture(b.el)) drop.add(b);
  }

  // In the body: boilerplate, labelled promos and the link lists they head.
  let afterLabel = false;
  for (let i = first; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (drop.has(b)) continue;
    if (isAnywhereClutter(b, ctx)) {
      drop.add(b);
      afterLabel = (PROMO_LABEL.test(b.text) || BOILERPLATE.test(b.text)) && !isLinkDominated(b, 0.4) || /:\s*$/.test(b.text) && PROMO_LABEL.test(b.text);
      continue;
    }
    // One teaser link, or several run together in one paragraph ("China furious… [INSIGHT] | Lakers vs Nets… [VIDEO]").
    if (afterLabel && isLinkDominated(b, 0.8) && (b.text.length < 200 || (b.text.length < 500 && b.el.getElementsByTagName('a').length >= 2))) {
      drop.add(b);
      continue;
    }
    afterLabel = false;
  }

  for (const b of drop) {
    if (root.contains(b.el)) removeBlock(b.el, root, detach);
  }
  result.removed += drop.size;

  stripPresentation(root);
  return result;
}
