/**
 * Extraction for the reader view: the article of a page as data.
 *
 * Readability does the heavy lifting on a clone of the page; Lectern adds
 * pre-processing (collapsed captions, lazy images, furniture that
 * Readability keeps), post-processing (promos, repeated bylines and dates,
 * the standfirst) and metadata from JSON-LD. The live page is never changed.
 *
 * Pure DOM in, data out: no extension APIs, so it runs the same in a content
 * script and in jsdom. The returned HTML is NOT sanitized; pass it through
 * `sanitizeArticleHtml` (./sanitize) before rendering it anywhere.
 */

import { Readability } from '@mozilla/readability';
import { articleShape, cleanArticle, stripPresentation } from './clean';
import { jsonLdBlocks, readClaimants, readJsonLd, readJsonLdPageAuthor, type JsonLdArticle } from './jsonld';
import {
  agreeingWithPrinted, authorNames, bylineAbove, chooseSiteName, chooseTitle, cleanByline, detectDir, normalizeLang, publisherName, readPageMeta, sameNameCore, toIsoDate, withPageZone, withoutTrailingSiteName, type PageMeta,
} from './metadata';
import { prepareDocument } from './prepare';
import { languageOfText, undeclaredLanguage } from './text-language';
import { visibleTextWalker } from '../detect/text';
import { originalFileNameOf } from '../image-files';
import { figureFor, findLeadFigure, restoreLeadFigure, sharedPictureBefore } from './lead-figure';
import { standfirstPrinted } from './standfirst';
import { copyRegion, elementAtPath, pathFrom } from './region';
import { blockText, countWords, readingMinutes, wordCoverage } from './text';

export interface ExtractedArticle {
  /** The headline. */
  title: string;
  /** Who wrote it, as the site says ("Jane Doe, John Roe"), without "By". */
  byline: string | null;
  siteName: string | null;
  /** Publication date as an ISO 8601 string, in the offset the site gave (else UTC), or null when unknown. */
  published: string | null;
  /** BCP 47 language tag of the article, or null when unknown. */
  lang: string | null;
  dir: 'ltr' | 'rtl';
  /** A one-paragraph summary: the standfirst, else the page's description, else the first paragraph. */
  excerpt: string | null;
  /**
   * The summary the site printed under its headline, taken out of
   * `contentHtml` so the reader can show it in the header; null if none.
   */
  standfirst: string | null;
  /** The article body as HTML, links and images absolute. NOT sanitized. */
  contentHtml: string;
  /** The visible text of the body, one line per block. */
  textContent: string;
  wordCount: number;
  readingMinutes: number;
  /**
   * The site marks the story as for subscribers (JSON-LD isAccessibleForFree
   * false) and the page holds a teaser's length of it: the page may hold
   * only its opening, and the reader says so. A metered site marks its
   * stories so too, and serves them whole.
   */
  forSubscribers: boolean;
}

/** Longer than this, a story marked for subscribers is there whole: teasers are a few paragraphs. */
const MAX_TEASER_WORDS = 600;

export interface ExtractOptions {
  /** Below this many words of body text there is no article (a login page, a video page). */
  minWords?: number;
  /** The block that holds the story, when the caller has found it (see ./region). */
  region?: Element | null;
  /**
   * Elements of `doc` hidden on screen for screen readers alone (a
   * caption's "Image caption" or "Credit" label), found from the live
   * page's styles, which a clone does not have. The reader leaves them
   * out: its own figures say what they are, and without the site's CSS
   * they would show as stray words.
   */
  screenReaderLabels?: Element[];
}

const DEFAULT_MIN_WORDS = 50;

/** Longer than this, a printed byline has more than names in it. */
const MAX_BYLINE_CHARS = 120;
/** Words of a role or an outlet, not of a person's name. */
const ROLE_WORDS = /\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|news|press|wire|agency|desk|team|service|post|times|journal|daily|herald|tribune|magazine|business)\b/i;

/** Two to four capitalised words, none a role's: "Kathryn Watson". */
function isPersonName(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-ZÀ-Þ]/.test(w)) && !ROLE_WORDS.test(text);
}

/**
 * The byline to show: the data's, unless the page prints a fuller list of
 * the same story's authors ("Stefan Becket, Kathryn Watson, Grace Segers"
 * where the data names the first alone); else the printed one.
 */
function fullerByline(data: string | null, printed: string | null): string | null {
  if (!data || !printed) return data ?? printed;
  const names = printed.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/).filter(Boolean);
  const listed = names.length > 1 && names.some((name) => name.toLowerCase() === data.toLowerCase());
  // Only names beside it: "Eric Song, IGN Staff" adds a role, and the data's name is the better byline.
  return listed && printed.length <= MAX_BYLINE_CHARS && names.every(isPersonName) ? printed : data;
}

/**
 * The article on `doc`, or null when the page has none. `doc` is not
 * modified: the work happens on a deep clone.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  // The page's metadata is the same whichever part of the body is read.
  const jsonLd = jsonLdBlocks(doc);
  const meta: PageData = { ld: readJsonLd(jsonLd), ldPageAuthor: readJsonLdPageAuthor(jsonLd), claimants: readClaimants(jsonLd), page: readPageMeta(doc) };
  // Where the story's block gives no article (a detector that was wrong), the whole page may still hold one.
  const narrowed = options.region ? extractFrom(doc, options.region, meta, options) : null;
  return narrowed ?? extractFrom(doc, null, meta, options);
}

/** The labels' copies under `copy`, a deep copy of `original`, found before anything in the copy moves. */
function labelsIn(original: Element, copy: Element, labels: Element[]): Element[] {
  return labels.flatMap((label) => {
    const path = pathFrom(original, label);
    const found = path ? elementAtPath(copy, path) : null;
    return found && found.tagName === label.tagName ? [found] : [];
  });
}

/** What the page says of itself, outside its body text: JSON-LD and <meta>/<title>. */
interface PageData {
  ld: JsonLdArticle | null;
  /** The author the JSON-LD gives a page it describes as no article. */
  ldPageAuthor: string | null;
  /** Who made the claims the page's fact-checks review: never its byline. */
  claimants: string[];
  page: PageMeta;
}

/** The page's host name ("www.reuters.com"), or '' for a page without one. */
function hostOf(doc: Document): string {
  try {
    return new URL(doc.URL).hostname;
  } catch {
    return '';
  }
}

/** One word in capitals and digits ("KWCHCIK"): a station's or a publishing system's code, where the page never prints it. */
const CODE_NAME = /^[A-Z0-9]{4,}$/;
/** The page's text a reader can see, in lower case: read once per extraction, and only for a name that needs it. */
function seenText(doc: Document): string {
  if (!doc.body) return '';
  const parts: string[] = [];
  const walker = visibleTextWalker(doc.body);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join(' ').toLowerCase();
}

/** Whether an author named in the page's data is a code the page shows nowhere: it names nobody a reader knows. */
function unprintedCodes(doc: Document): (name: string) => boolean {
  let seen: string | null = null;
  return (name) => CODE_NAME.test(name) && !(seen ??= seenText(doc)).includes(name.toLowerCase());
}

/** Whether the story already shows the picture, in this copy or another size of it. */
function showsPictureFile(content: Element, img: Element): boolean {
  const file = originalFileNameOf(img.getAttribute('src') ?? '');
  return Array.from(content.getElementsByTagName('img')).some((other) => originalFileNameOf(other.getAttribute('src') ?? '') === file);
}

function extractFrom(doc: Document, region: Element | null, { ld, ldPageAuthor, claimants, page }: PageData, options: ExtractOptions): ExtractedArticle | null {
  const minWords = options.minWords ?? DEFAULT_MIN_WORDS;

  // Read from the page: the copy below holds only the story's block, which leaves a byline above it out.
  const heroByline = region ? bylineAbove(doc, region) : null;
  const isUnprintedCode = unprintedCodes(doc);
  const cut = region ? copyRegion(region) : null;
  const clone = cut?.doc ?? (doc.cloneNode(true) as Document);
  const [original, copied] = cut ? [region as Element, cut.region] : [doc.documentElement, clone.documentElement];
  const labels = labelsIn(original, copied, options.screenReaderLabels ?? []);
  // A space where each was: it kept the words beside it apart ("the end of the caption.Credit...Doug Mills").
  for (const label of labels) if (clone.contains(label)) label.replaceWith(clone.createTextNode(' '));
  const prepared = prepareDocument(clone, page.image);
  // Copied now: Readability takes apart the document it reads.
  const leadInBlock = findLeadFigure(clone, page.image)?.cloneNode(true) as Element | undefined;
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    parsed = new Readability<Element>(clone, { keepClasses: true, serializer: (el) => el as Element }).parse();
  } catch {
    parsed = null; // Readability throws on documents it cannot walk; JSON-LD may still hold the story.
  }
  // Or the page's shared picture above the block, which the cut left out (the page itself is read: only the clone
  // was changed), unless the story shows it in another size.
  const pictureAbove = !leadInBlock && region && parsed?.content ? sharedPictureBefore(region, page.image) : null;
  const leadAbove = pictureAbove && parsed?.content && !showsPictureFile(parsed.content, pictureAbove) ? figureFor(clone, pictureAbove) : undefined;
  const lead = leadInBlock ?? leadAbove;
  if (parsed?.content && lead) restoreLeadFigure(parsed.content, lead, doc.baseURI);

  // Readability takes its site name from the same JSON-LD publisher.
  const siteName = chooseSiteName([publisherName(ld?.publisher), page.siteName, publisherName(parsed?.siteName?.trim())], doc.title, hostOf(doc));
  const title = chooseTitle(ld?.headline, parsed?.title ?? doc.title, page, siteName);
  // A fact-check prints the claim's author with the claim, where Readability reads it as the byline.
  const claimedBy = (name: string): boolean => claimants.some((claimant) => sameNameCore(claimant, name));
  // The site's own name given as the author ("AppleInsider" over a story by two people) names nobody: the byline
  // printed on the page, if any, says who wrote it.
  const byline0 =
    [ld?.author, parsed?.byline, page.author, ldPageAuthor]
      .map((raw) => {
        const name = cleanByline(raw);
        return name && withoutTrailingSiteName(name, siteName);
      })
      .find((name) => name && !(siteName && sameNameCore(name, siteName)) && !isUnprintedCode(name) && !claimedBy(name)) ?? null;
  const descriptions = [...page.descriptions];
  if (ld?.description && !descriptions.includes(ld.description)) descriptions.push(ld.description);

  let body: Element | null = parsed?.content ?? null;
  let standfirst: string | null = null;
  let bodyByline: string | null = null;
  let textContent = '';
  let wordCount = 0;
  if (body) {
    const before = countWords(body.textContent ?? '');
    // The site's name is no author: lines and pictures that name the site are not a byline or a portrait.
    const authors = authorNames(byline0, parsed?.byline, page.author, prepared.byline).filter((name) => (!siteName || !sameNameCore(name, siteName)) && !isUnprintedCode(name));
    const cleaned = cleanArticle(body, { title, authors, descriptions });
    textContent = blockText(body);
    wordCount = countWords(textContent);
    standfirst = cleaned.standfirst;
    bodyByline = cleaned.byline;
    if (wordCount < before * 0.4) {
      // Cleaning gutted the article: the reader shows Readability's version.
      cleaned.restore();
      stripPresentation(body);
      standfirst = null;
      textContent = blockText(body);
      wordCount = countWords(textContent);
    }
  }

  // Completeness check against the body the site declares in JSON-LD: when
  // the page holds far less than that (a page that renders its text late,
  // a broken layout), the declared body is the better article. Never for
  // content the site marks as paid (isAccessibleForFree: false).
  if (ld?.articleBody && ld.accessibleForFree !== false) {
    const declared = countWords(ld.articleBody);
    if (declared >= Math.max(minWords, 100) && declared > wordCount * 1.5 && wordCoverage(ld.articleBody, textContent) < 0.5) {
      body = bodyFromText(clone, ld.articleBody);
      standfirst = null;
      textContent = blockText(body);
      wordCount = countWords(textContent);
    }
  }

  // The summary printed under the headline that Readability left out, unless the story's first lines already say it.
  if (!standfirst && body) {
    const printed = standfirstPrinted(page.headline, descriptions, title);
    const opening = textContent.split('\n', STORY_OPENING_BLOCKS);
    // Either way round: a line that says the summary with a few words more or a few less is the summary.
    const says = (a: string, b: string): boolean => wordCoverage(a, b) >= 0.9 && wordCoverage(b, a) >= 0.6;
    if (printed && !opening.some((line) => says(printed, line) || says(line, printed))) standfirst = printed;
  }

  if (!body || wordCount < minWords) return null;
  // A page with (almost) no running text is a list, an app or a player, not a
  // story, unless it says it is an article (a results table, a photo story).
  const shape = articleShape(body);
  if (!ld && shape.prose < 2 && shape.proseChars < 300) return null;

  const declared = [ld?.inLanguage, parsed?.lang, page.lang, ...page.langs].map(normalizeLang).filter((tag): tag is string => !!tag);
  // Where the page's declarations disagree, the one its text is written in; where there are none, the one it clearly is.
  const lang = (declared.length > 1 ? languageOfText(declared, textContent) : null) ?? declared[0] ?? undeclaredLanguage(textContent);
  return {
    title,
    byline: fullerByline(byline0, [cleanByline(prepared.byline), cleanByline(bodyByline), heroByline].find((name) => name && !claimedBy(name)) ?? null),
    siteName,
    published: agreeingWithPrinted(
      toIsoDate(withPageZone(ld?.datePublished, doc)) ?? toIsoDate(withPageZone(parsed?.publishedTime, doc)) ?? toIsoDate(withPageZone(page.published, doc)),
      page.printedDate,
    ),
    lang,
    dir: detectDir(parsed?.dir ?? page.dir, lang, textContent),
    excerpt: standfirst ?? descriptions[0] ?? parsed?.excerpt?.replace(/\s+/g, ' ').trim() ?? null,
    standfirst,
    contentHtml: body.innerHTML,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    forSubscribers: ld?.accessibleForFree === false && wordCount < MAX_TEASER_WORDS,
  };
}

/**
 * The story's first blocks, where a summary printed above it may be one of them; further in, a paragraph
 * that sums the story up in the summary's words is the story's own (6540), and the summary stays.
 */
const STORY_OPENING_BLOCKS = 6;

/** Paragraphs built from plain text (blank lines, else line breaks, separate them). */
function bodyFromText(doc: Document, text: string): Element {
  const root = doc.createElement('div');
  const parts = /\n\s*\n/.test(text) ? text.split(/\n\s*\n/) : text.split(/\n/);
  for (const part of parts) {
    const line = part.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const p = doc.createElement('p');
    p.textContent = line;
    root.append(p);
  }
  return root;
}

export { blockText, countWords } from './text';
