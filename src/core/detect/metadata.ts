/**
 * Reads what a page says about itself: schema.org JSON-LD and microdata,
 * Open Graph. Cheap, and never trusted alone: a page can claim to be an
 * article and hold none.
 */

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle',
  'opinionnewsarticle', 'reviewnewsarticle', 'backgroundnewsarticle',
  'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'socialmediaposting',
  'report', 'scholarlyarticle', 'techarticle', 'medicalscholarlyarticle', 'review',
]);

/** Types that describe a page that is a list or a player, not a story. */
const NON_ARTICLE_TYPES = new Set([
  'videoobject', 'searchresultspage', 'collectionpage', 'itemlist', 'profilepage',
]);

export interface PageMetadata {
  /** JSON-LD declares an article type. */
  jsonLdArticle: boolean;
  /** JSON-LD declares the page to be a video, a list or a search result. */
  jsonLdNonArticle: boolean;
  /** The element that microdata marks as an article, if any. */
  microdataArticle: Element | null;
  /** The value of og:type, lower-cased ('' when absent). */
  ogType: string;
  /** Titles the page gives for its story, for matching the headline. */
  titles: string[];
}

const MAX_JSON_LD_CHARS = 200_000;

function typeNames(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : [value];
  return raw
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

/** "@type": "NewsArticle" or "@type": ["Thing", "NewsArticle"], as JSON text. */
const TYPE_PATTERN = /"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g;
const HEADLINE_PATTERN = /"headline"\s*:\s*"((?:[^"\\]|\\.){1,400})"/;

/**
 * Reads the types and headline from JSON-LD text with patterns instead of
 * JSON.parse: on every page load, parsing a site's 100 kB graph would cost
 * more than the rest of detection, and only these two facts are needed.
 */
function readJsonLd(text: string, result: PageMetadata): void {
  if (text.length > MAX_JSON_LD_CHARS) return;
  for (const match of text.matchAll(TYPE_PATTERN)) {
    const names = typeNames((match[1] ?? '').match(/"[^"]*"/g)?.map((quoted) => quoted.slice(1, -1)) ?? []);
    if (names.some((t) => ARTICLE_TYPES.has(t))) result.jsonLdArticle = true;
    else if (names.some((t) => NON_ARTICLE_TYPES.has(t))) result.jsonLdNonArticle = true;
  }
  const headline = HEADLINE_PATTERN.exec(text)?.[1];
  if (headline && result.jsonLdArticle) {
    try {
      result.titles.push(JSON.parse(`"${headline}"`) as string);
    } catch {
      result.titles.push(headline);
    }
  }
}

/** Everything metadata lives in, gathered by one query: each query has a fixed cost. */
const METADATA_SELECTOR =
  'script[type="application/ld+json"],meta[property="og:type"],meta[property="og:title"],meta[name="twitter:title"],[itemscope][itemtype]';

export function readMetadata(doc: Document): PageMetadata {
  const result: PageMetadata = {
    jsonLdArticle: false,
    jsonLdNonArticle: false,
    microdataArticle: null,
    ogType: '',
    titles: [],
  };
  let ogTitle = '';
  let twitterTitle = '';
  for (const el of doc.querySelectorAll(METADATA_SELECTOR)) {
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT') {
      readJsonLd(el.textContent ?? '', result);
    } else if (tag === 'META' && !el.hasAttribute('itemtype')) {
      const content = (el.getAttribute('content') ?? '').trim();
      const property = el.getAttribute('property');
      if (property === 'og:type') result.ogType ||= content.toLowerCase();
      else if (property === 'og:title') ogTitle ||= content;
      else twitterTitle ||= content;
    } else if (!result.microdataArticle) {
      const types = typeNames((el.getAttribute('itemtype') ?? '').split(/\s+/));
      if (types.some((t) => ARTICLE_TYPES.has(t))) result.microdataArticle = el;
    }
  }
  if (ogTitle) result.titles.push(ogTitle);
  if (twitterTitle) result.titles.push(twitterTitle);
  if (doc.title) result.titles.push(doc.title);
  return result;
}
