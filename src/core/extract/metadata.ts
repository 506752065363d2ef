/**
 * The article's metadata, merged from what the page says about itself
 * (JSON-LD first: it is the most deliberate), what Readability found, and
 * plain meta tags. Values are normalised: trimmed names without "By", ISO
 * dates, BCP 47 language tags, a text direction.
 */

import { squash } from '../captions/text';
import { isRightToLeft } from '../rtl-languages';
import { precedes } from '../detect/text';
import type { JsonLdArticle } from './jsonld';
import { dayShown } from './day-shown';
import { findPrintedDate, type PrintedDate } from './printed-date';
import { storyHeadline } from './story-headline';
import { wordCoverage } from './text';

/** All <meta> name/property/itemprop/http-equiv values, lower-cased keys, first one wins. */
function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  // getElementsByTagName is far cheaper than attribute selectors on big pages.
  for (const el of doc.getElementsByTagName('meta')) {
    const content = el.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (!content) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key) for (const k of key.split(/\s+/)) if (!map.has(k)) map.set(k, content);
    }
  }
  return map;
}

/** What may follow a printed date at the end of a byline: a time of day and its zone (", 9:02 AM EST"), and the time elsewhere ("(07:05 pm ET)"). */
const TIME_OF_DAY_TAIL =
  /^[\s,]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2})?\s*(?:\(\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*[A-Z]{0,4}\s*\))?)?\s*$/i;
/**
 * The day of the week a printed date starts with: in English after a name
 * ("Owen Monday, November 18, 2019"), in other languages only after a comma
 * ("Jane Doe, Montag, 18. November 2019"), where Domingo and Freitag are
 * surnames too.
 */
const WEEKDAY_END =
  /(?:[\s,]+(?:mon|tues|wednes|thurs|fri|satur|sun)day|,\s*(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo))[\s,]*$/i;
/** Where a date starts in a byline that runs on into it (a lookahead, not \b, which ends no word at "é"). */
const BYLINE_DATE_WORD = /\s(?:first published|last updated|published|updated|posted|publiziert|veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato)(?=[\s:]|$)/i;

/** "By", in the languages printed dates are read in: where a byline starts. */
const BYLINE_PREFIX = /^\s*(?:by|von|par|por|di|door|av)\s*[:\s]\s*/i;

/** A label before the writer's name, with its colon: "Text: Anna Berg", "Текст: Венера Ерофеева", "Words: …". */
const BYLINE_LABEL = /^\s*(?:text|texte|texto|testo|tekst|текст|words|story|autor|autorin|auteur|author|автор)\s*:\s*/i;

/** A blogging platform's name, which its templates put in the data as every blog's publisher. */
const PLATFORM_NAME = /^(?:blogger|blogspot|wordpress(?:\.com)?|tumblr|medium|wix|squarespace|ghost|substack)$/i;

/** The publisher the page's data names, unless it is the platform the blog runs on. */
export function publisherName(raw: string | null | undefined): string | null {
  return raw && !PLATFORM_NAME.test(raw.trim()) ? raw : null;
}

/** A publishing system's account, not a person: WordPress's "admin" signs the posts nobody put a name to. */
const ACCOUNT_NAME = /^(?:admin|administrator|site admin|webmaster|root|user|guest|superuser|default)$/i;

/** "By Jane Doe and John Roe | Staff" -> "Jane Doe and John Roe | Staff"; URLs, empties and accounts -> null. */
export function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(BYLINE_PREFIX, '').replace(BYLINE_LABEL, '').trim();
  // "Jane Doe - 11/18/19 11:04 PM EST", "Jane Doe | Updated March 5": keep the names.
  const [names, ...rest] = s.split(/\s+[-|–—·•]\s+/);
  if (rest.length && /\d/.test(rest.join(' '))) s = names!.trim();
  // "Wire services Published 11:11 PM EST Nov 19, 2019": the names, without the date run on after them.
  const dated = s.search(BYLINE_DATE_WORD);
  if (dated > 0 && /\d/.test(s.slice(dated))) s = s.slice(0, dated).replace(/[\s,;:]+$/, '');
  // "Associated Press November 19, 2019, 9:02 AM": the names, without the date and time that close the line.
  const printed = findPrintedDate(s);
  if (printed && printed.index > 0 && TIME_OF_DAY_TAIL.test(s.slice(printed.index + printed.length))) {
    s = s.slice(0, printed.index).replace(/[\s,;:|·•–—-]+$/, '');
    // "Nora Sunday, November 18" is Nora Sunday: a weekday goes only where a whole name is left before it.
    const beforeDay = s.replace(WEEKDAY_END, '');
    const lastName = beforeDay.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*/).pop() ?? '';
    if (beforeDay !== s && lastName.trim().includes(' ')) s = beforeDay.replace(/[\s,;:|·•–—-]+$/, '');
  }
  if (!s || /^https?:\/\//i.test(s) || s.length > 200 || ACCOUNT_NAME.test(s)) return null;
  return s;
}

/** "Finian Cunningham. Sputnik International" -> "Finian Cunningham", on that site: the reader shows its name above the title. */
export function withoutTrailingSiteName(byline: string, siteName: string | null): string {
  if (!siteName) return byline;
  // A full stop parts them only before a space: "Cleveland.com" is one name.
  const parts = /^(.+?)\s*(?:[,|·•–—-]|\.(?=\s))\s*([^,|·•–—-]+)$/.exec(byline);
  return parts && sameNameCore(parts[2]!, siteName) ? parts[1]! : byline;
}

/** An ISO 8601 string for a date the site wrote in any common form, in the site's own offset where it gave one; or null. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  // "2019-11-20 13:42:06+08:00", "+0000" offsets and a zone named "UTC" are not parsed everywhere.
  s = s.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2').replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(/(T[\d:.]+)\s*(?:UTC|GMT)$/i, '$1Z');
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  // Placeholders ("0001-01-01") and dates before the web are not publication dates.
  if (d.getUTCFullYear() < 1990 || t > Date.now() + 2 * 86_400_000) return null;
  // The site's own offset is kept: the reader shows the day the site dated the story, not the day it was in UTC.
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(s);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  if (!offset || minutes === 0) return d.toISOString();
  return `${new Date(t + minutes * 60_000).toISOString().slice(0, -1)}${offset[1]}${offset[2]}:${offset[3]}`;
}

/**
 * The publication date, or the day the page prints under its headline
 * where the date's day is one off from it: a time-zone slip (a UTC time
 * late in the site's evening, or an offset the site got wrong), since the
 * page, which its readers see, says the day. Further apart, the printed
 * date is another (an update's), and the data stands.
 */
export function agreeingWithPrinted(iso: string | null, printed: string | null): string | null {
  const printedIso = toIsoDate(printed);
  const shown = iso ? dayShown(iso) : null;
  const printedDay = printedIso ? dayShown(printedIso) : null;
  if (!shown || !printedDay) return iso;
  return Math.abs(shown.getTime() - printedDay.getTime()) / 86_400_000 === 1 ? printedIso : iso;
}

/** A date and time with no zone: "2019-11-19 02:24:00", "2019-11-19T02:24". */
const ZONELESS_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A date and time given with no zone, which the reader could only read as
 * its own local time, is read with the zone of the page's own <time> of the
 * same moment where it has one ("2019-11-19 02:24:00" in a meta tag and
 * "2019-11-19 02:24:00 UTC" printed): otherwise the day shown can differ
 * from the page's own.
 */
export function withPageZone(raw: string | null | undefined, doc: Document): string | null | undefined {
  const m = raw ? ZONELESS_DATE_TIME.exec(raw.trim()) : null;
  if (!m) return raw;
  for (const time of Array.from(doc.querySelectorAll('time[datetime]'))) {
    const value = time.getAttribute('datetime')!.trim();
    if (!value.startsWith(m[1]!) || value.slice(11, 16) !== m[2] || ZONELESS_DATE_TIME.test(value)) continue;
    if (/(?:Z|[+-]\d{2}:?\d{2}|\s(?:UTC|GMT))$/i.test(value)) return value;
  }
  return raw;
}

/** "en_US" -> "en-US"; anything that is not a language tag -> null. */
export function normalizeLang(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(s)) return null;
  const [primary, ...rest] = s.split('-');
  return [primary!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

const RTL_LETTERS = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu;
const LETTERS = /\p{L}/gu;

/** The direction of the article: its own dir, else its language, else its letters. */
export function detectDir(explicit: string | null | undefined, lang: string | null, sample: string): 'ltr' | 'rtl' {
  const d = explicit?.trim().toLowerCase();
  if (d === 'rtl' || d === 'ltr') return d;
  const primary = lang?.split('-')[0]?.toLowerCase();
  if (primary && isRightToLeft(primary)) return 'rtl';
  if (primary) return 'ltr';
  const text = sample.slice(0, 2000);
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = (text.match(LETTERS)?.length ?? 0) - rtl;
  return rtl > ltr ? 'rtl' : 'ltr';
}

export interface PageMeta {
  descriptions: string[];
  author: string | null;
  published: string | null;
  /** The date printed in words under the headline ("Nov 19, 2019"), in the form toIsoDate reads. */
  printedDate: string | null;
  /** The story's own headline on the page (storyHeadline), which the printed date and summary are read under. */
  headline: Element | null;
  siteName: string | null;
  /** The picture the page shares to social media (og:image), as written. */
  image: string | null;
  /** og:title / twitter:title, and the text of the first few h1 elements. */
  titles: string[];
  /** The page's <title>, site name and all. */
  documentTitle: string;
  /** The page's h1, when it has exactly one. */
  h1: string | null;
  /** Whether that h1 is marked as the story's headline in the page's microdata (itemprop="headline"). */
  h1IsHeadline: boolean;
  lang: string | null;
  /** Every language the page declares (its root's lang, content-language, og:locale): they may disagree. */
  langs: string[];
  dir: string | null;
}

/** A heading that is a link to another page: a teaser's title (an aggregator's), not this page's headline. */
function linksElsewhere(heading: Element): boolean {
  const here = heading.ownerDocument.URL.split(/[?#]/)[0];
  return Array.from(heading.querySelectorAll('a[href]')).some((a) => {
    try {
      return new URL(a.getAttribute('href')!, heading.ownerDocument.baseURI).href.split(/[?#]/)[0] !== here;
    } catch {
      return false;
    }
  });
}

/** Boxes that may print the story's date, looked at after the headline. */
const DATE_BOX = '[itemprop~="datePublished" i], time[datetime], [class*="publish" i], [class*="date" i]';
/** The date must be close under the headline: further down, dates belong to other stories. */
const MAX_DATE_BOXES = 4;
/** A line above the headline this little longer than its date is the date alone ("Nov. 18, 2019 |"). */
const MAX_DATE_LINE_EXTRA_CHARS = 12;
/** Longer than this, a box's words are more than a date line ("By Jane Doe, published 25 September 2018"). */
const MAX_DATE_LINE_CHARS = 80;

/** A date printed in a short line of text, in the form toIsoDate reads. */
function printedIn(el: Element): string | null {
  const words = squash(el.textContent ?? '');
  return words.length <= MAX_DATE_LINE_CHARS ? (findPrintedDate(words)?.parseable ?? null) : null;
}

/** Lines of words under the headline looked at for a date alone: the byline block's, not the story's. */
const MAX_LINES_UNDER = 8;
/** A line this long is the story's own: the header above it is over. */
const MIN_STORY_LINE_CHARS = 200;

/** The time of day printed right after a date ("2018-08-25 15:24", "Nov 18, 2019, 9:02 AM"): the date's, not other words. */
const TIME_AFTER_DATE = /^,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?/i;

/** The date a line says with little else ("18 NOV 2019", "Nov. 18, 2019 |", "Posted :[ 2018-08-25 15:24 ]"), or null. */
function dateAlone(line: string): PrintedDate | null {
  const date = line.length <= MAX_DATE_LINE_CHARS ? findPrintedDate(line) : null;
  if (!date) return null;
  const time = TIME_AFTER_DATE.exec(line.slice(date.index + date.length))?.[0].length ?? 0;
  return date.length + time >= line.length - MAX_DATE_LINE_EXTRA_CHARS ? date : null;
}

/**
 * A line under the headline, in its byline block, that is a date alone, in
 * a box no class names as a date ("<div class=author-name-name><span>18 NOV
 * 2019</span>"): the date the page prints, for toIsoDate.
 */
function dateLineUnder(headline: Element): string | null {
  const doc = headline.ownerDocument;
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, 0x4 /* TEXT */);
  let last: Node = headline;
  while (last.lastChild) last = last.lastChild;
  walker.currentNode = last;
  let lines = 0;
  for (let node = walker.nextNode(); node && lines < MAX_LINES_UNDER; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE)$/i.test(parent.tagName)) continue;
    const line = squash(node.nodeValue ?? '');
    if (!line) continue;
    if (line.length >= MIN_STORY_LINE_CHARS) break;
    lines++;
    const date = dateAlone(line);
    if (date) return date.parseable;
  }
  return null;
}

/**
 * The date a page prints by its headline, where neither its data nor its
 * meta tags give one: a machine-readable datetime, or a date in the words
 * of a box under the headline, or of the line right above it (the byline
 * and date some sites set over the headline). For toIsoDate. `inWords`:
 * only a date in words, the day a reader sees on the page.
 */
function datePrinted(headline: Element | null, inWords = false): string | null {
  if (!headline) return null;
  let looked = 0;
  for (const box of Array.from(headline.ownerDocument.querySelectorAll(DATE_BOX))) {
    if (!precedes(headline, box)) continue;
    const machine = box.getAttribute('datetime') ?? box.getAttribute('content');
    if (machine && !inWords) return machine;
    const printed = printedIn(box);
    if (printed) return printed;
    if (++looked >= MAX_DATE_BOXES) break;
  }
  const under = dateLineUnder(headline);
  if (under) return under;
  // Above the headline, only a line that says it is the byline or the date: a kicker can name a day too
  // ("UK general election, 12 December 2019").
  const above = headline.previousElementSibling;
  const said = above ? ` ${squash(above.textContent ?? '')}` : '';
  return above && (BYLINE_DATE_WORD.test(said) || BYLINE_PREFIX.test(said) || dateAlone(said.trim()) !== null) ? printedIn(above) : null;
}

/** Meta tags and root attributes, read once from the original page. */
export function readPageMeta(doc: Document): PageMeta {
  const m = metaMap(doc);
  const headline = storyHeadline(doc);
  const descriptions: string[] = [];
  for (const key of ['description', 'og:description', 'twitter:description']) {
    const v = m.get(key);
    if (v && !descriptions.includes(v)) descriptions.push(v);
  }
  const html = doc.documentElement;
  const h1Elements = Array.from(doc.getElementsByTagName('h1')).filter((h) => (h.textContent ?? '').trim());
  const h1s = h1Elements.map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    descriptions,
    author: m.get('author') ?? m.get('article:author') ?? null,
    // The keys Readability reads too: a page may give only the Open Graph one ("og:article:published_time").
    published: m.get('article:published_time') ?? m.get('og:article:published_time') ?? m.get('og:published_time') ?? m.get('parsely-pub-date') ?? m.get('pubdate') ?? m.get('datepublished') ?? m.get('date') ?? datePrinted(headline),
    printedDate: datePrinted(headline, true),
    headline,
    siteName: m.get('og:site_name') ?? m.get('application-name') ?? null,
    image: m.get('og:image') ?? null,
    titles: [...h1s.slice(0, 3), m.get('og:title') ?? '', m.get('twitter:title') ?? ''].filter(Boolean),
    documentTitle: doc.title,
    h1: h1s.length === 1 ? h1s[0]! : null,
    h1IsHeadline: h1Elements.length === 1 && /(?:^|\s)headline(?:\s|$)/i.test(h1Elements[0]!.getAttribute('itemprop') ?? '') && !linksElsewhere(h1Elements[0]!),
    // XHTML written as HTML says it with xml:lang alone.
    lang: html?.getAttribute('lang') || html?.getAttribute('xml:lang') || m.get('content-language') || m.get('og:locale') || null,
    langs: [html?.getAttribute('lang'), html?.getAttribute('xml:lang'), m.get('content-language'), m.get('og:locale')].filter((v): v is string => !!v),
    dir: html?.getAttribute('dir') || doc.body?.getAttribute('dir') || null,
  };
}

/** Where a page marks the story's author by name (microdata, rel, or a box named so). */
export const AUTHOR_MARK = '[itemprop~="author" i], [rel~="author" i], [class*="author" i]';
/** Where a page names the story's author: marked so, or in its byline box. */
export const AUTHOR_BOX = `${AUTHOR_MARK}, [class*="byline" i]`;
/** An author's name with its "By" and a date at most: longer is a bio or a list. */
const MAX_BYLINE_CHARS = 120;

/**
 * The byline set with the headline in a block above the story's (a hero),
 * which the extraction cuts away with the rest of the page outside the
 * story's block: the first box there that names an author.
 */
export function bylineAbove(doc: Document, region: Element): string | null {
  const headline = Array.from(doc.getElementsByTagName('h1')).find((h) => precedes(h, region) && !region.contains(h));
  if (!headline) return null;
  // The headline's block above the story (a hero): the byline may be set over the headline or under it.
  let hero: Element = headline;
  while (hero.parentElement && !hero.parentElement.contains(region)) hero = hero.parentElement;
  for (const box of Array.from(hero.querySelectorAll(AUTHOR_BOX))) {
    const text = (box.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length >= 3 && text.length <= MAX_BYLINE_CHARS) return cleanByline(text);
  }
  return null;
}

/** A site's name as it may be spelled in a title: "The Hill", "TheHill", "the-hill". */
const nameKey = (name: string): string => name.toLowerCase().replace(/[\s.'’_-]+/g, '');

/** Longer than this, what follows a title's last separator is the headline's own end, not a site's name. */
const MAX_SITE_NAME_CHARS = 40;

/** The page's title cut at its last separator: "Smith - Jones debate - The Hill" -> ["Smith - Jones debate", "The Hill"]. */
function splitAtLastSeparator(title: string): [head: string, tail: string] | null {
  // Greedy: the head runs to the last separator.
  const m = /^(.+)\s[|\-–—:·»/]\s(.+)$/.exec(title.replace(/\s+/g, ' ').trim());
  return m ? [m[1]!.trim(), m[2]!.trim()] : null;
}

/** What follows the last separator of a page's title: the site's name, where the site puts it there. */
function titleTail(title: string): string | null {
  const tail = splitAtLastSeparator(title)?.[1];
  return tail && tail.length <= MAX_SITE_NAME_CHARS ? tail : null;
}

/** A name's letters without a leading "The", "www." or a domain's ending: "The Detroit News" and "www.detroitnews.com" are one. */
const nameCore = (name: string): string =>
  nameKey(name.replace(/^www\./i, '').replace(/\.[a-z]{2,3}(?:\.[a-z]{2})?$/i, '')).replace(/^the(?=.{4})/, '');

/** One name, with or without "The", spaces or a domain's ending ("The Detroit News", "detroitnews.com"). */
export function sameNameCore(a: string, b: string): boolean {
  return nameCore(a) === nameCore(b);
}

/** An abbreviation as sites write their names: capitals, two or more ("WSJ", "NPR"). */
const ABBREVIATION = /^[A-Z]{2,}$/;

/** `short` is the initials of `long`: "WSJ" of "The Wall Street Journal". */
function initialsOf(short: string, long: string): boolean {
  const words = long.split(/\s+/).filter((w) => !/^the$/i.test(w));
  return ABBREVIATION.test(short) && words.length >= 2 && words.map((w) => w[0] ?? '').join('').toLowerCase() === short.toLowerCase();
}

/**
 * What follows the title's last separator names the site `name`: the same
 * name, or its initials ("WSJ" for "Wall Street Journal"). Not the other way
 * round: words after a title that happen to have a site's initials ("New
 * Poll Results" under "NPR") are the headline's own.
 */
function tailNames(tail: string, name: string): boolean {
  return sameNameCore(tail, name) || initialsOf(tail, name);
}

/**
 * The address is a short form of the name: its first word and more
 * ("Sputnik International" on sputniknews.com), or its first words'
 * initials and its last word ("The New York Times" on nytimes.com, "Los
 * Angeles Times" on latimes.com).
 */
function addressShortens(name: string, hostCore: string): boolean {
  const words = name.split(/\s+/).map(nameKey).filter(Boolean);
  if (words[0] === 'the' && words.length > 2) words.shift();
  const [first, last] = [words[0] ?? '', words.at(-1) ?? ''];
  if (words.length >= 2 && first.length >= 5 && hostCore.startsWith(first)) return true;
  return words.length >= 3 && hostCore === words.slice(0, -1).map((w) => w[0]).join('') + last;
}

/**
 * The site's name to show above the title. The candidates (the data's
 * publisher, og:site_name, Readability's) can name a wire service that
 * wrote the story ("Associated Press" on a local paper's page), a section
 * ("U.S."), or carry a tagline ("LINKNAIJA | NIGERIA'S POPULAR NEWS
 * PLATFORM"). The one the page's title ends with is the site's; else the
 * title's end when the address confirms it ("Reuters" on reuters.com); else
 * a candidate the address confirms; else the first.
 */
export function chooseSiteName(candidates: (string | null | undefined)[], title: string, host: string): string | null {
  const names = candidates.map((c) => (c ?? '').replace(/\s+/g, ' ').split(' | ')[0]!.trim()).filter(Boolean);
  const tail = titleTail(title);
  const hostKey = nameKey(host.replace(/^www\./i, ''));
  const inHost = (name: string): boolean => nameCore(name).length >= 4 && hostKey.includes(nameCore(name));
  if (tail) {
    // Two spellings of one name: the fuller is shown ("The Detroit News" for "detroitnews", "cleveland.com" for "cleveland").
    const same = names.find((n) => tailNames(tail, n));
    if (same) return same.length >= tail.length ? same : tail;
    if (inHost(tail) || addressShortens(tail, nameCore(host))) return tail;
  }
  return names.find(inHost) ?? names[0] ?? null;
}

/**
 * "Governor doubles down | TheHill" -> "Governor doubles down", when what
 * follows the last separator is the site's name: the reader shows that
 * name above the title already.
 */
export function withoutSiteName(title: string, siteName: string | null | undefined): string {
  const tail = titleTail(title);
  return siteName && tail && tailNames(tail, siteName) ? splitAtLastSeparator(title)![0] : title;
}

/**
 * The headline: JSON-LD's if any; else Readability's pick from <title>,
 * shortened to the page's own h1 or og:title when that is the same title
 * with the site's name around it ("Winter market moves indoors | Town Crier").
 * `siteName` is the name the reader shows above it.
 */
export function chooseTitle(
  ldHeadline: string | null | undefined,
  readabilityTitle: string | null | undefined,
  page: PageMeta,
  siteName: string | null = page.siteName,
): string {
  return withoutSiteName(pickTitle(ldHeadline, readabilityTitle, page), siteName);
}

function pickTitle(ldHeadline: string | null | undefined, readabilityTitle: string | null | undefined, page: PageMeta): string {
  const clean = (t: string | null | undefined): string => (t ?? '').replace(/\s+/g, ' ').trim();
  const ld = clean(ldHeadline);
  // The page's only h1, when it tells the same story, is the headline the reader just saw; the data's is often an
  // SEO copy ("Michael Webb: Dramatic video shows rescue…" for "Video shows dramatic rescue…: 'We got her!'").
  if (ld && page.h1 && page.h1.length <= 300 && wordCoverage(page.h1, ld) >= 0.6) return page.h1;
  // So is one that the page's other titles (og:title, <title>) say again, where the data's tells it differently (a
  // page with two JSON-LD headlines, one of them the h1's, "Taylor Swift is allowed to play her music at the AMAs").
  const h1 = page.h1;
  // With one h1, the titles after it are og:title and twitter:title.
  const otherTitles = [page.documentTitle, ...page.titles.slice(1)].map(clean).filter(Boolean);
  // Both ways: an h1 that is the site's name is all words of "Bridge reopens | River Post" too.
  if (ld && h1 && h1.length <= 300 && otherTitles.some((t) => wordCoverage(h1, t) >= 0.8 && wordCoverage(t, h1) >= 0.6)) return h1;
  if (ld) return ld;
  // The page's only h1, marked in its microdata as the headline: the page says so itself, where <title> and
  // og:title are often written for search engines ("… по версии Wday.ru: список" for "Мастера вкуса: …").
  if (page.h1 && page.h1IsHeadline && page.h1.length <= 300) return page.h1;
  const t = clean(readabilityTitle);
  for (const candidate of page.titles) {
    if (candidate.length >= 10 && candidate.length < t.length && t.includes(candidate)) {
      const rest = t.replace(candidate, '').trim();
      // What is left must look like a separator and a site name, and be the shorter part: an h1 that is
      // the site's name ("River Post" in "Bridge reopens after repairs | River Post") is not the headline.
      const shorter = rest.split(' ').length <= candidate.split(' ').length;
      if (/^[|\-–—:·»/]|[|\-–—:·«/]$/.test(rest) && shorter) return candidate;
    }
  }
  // "Winter market moves indoors | Town Crier" with an h1 "Winter market
  // moves indoors to the old tram depot": the h1 is the full headline.
  const head = t.split(/\s[|\-–—:·»/]\s/)[0]!;
  if (head !== t && head.split(' ').length >= 3) {
    const h1 = page.titles.find((c) => c.length > head.length && c.toLowerCase().startsWith(head.toLowerCase()));
    if (h1) return h1;
  }
  // A page's only h1 that shares most of its words with the title is the
  // headline as the reader saw it; the title is often a shortened SEO copy.
  if (page.h1 && page.h1.length <= 300 && wordCoverage(t, page.h1) >= 0.6) return page.h1;
  return t || clean(page.titles[0]);
}

export function authorNames(...bylines: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const b of bylines) {
    const clean = cleanByline(b);
    if (!clean) continue;
    out.add(clean);
    for (const part of clean.split(/\s*(?:,|\band\b|&|\|| - )\s*/)) if (part.length > 3) out.add(part);
  }
  return [...out];
}

export type { JsonLdArticle };
