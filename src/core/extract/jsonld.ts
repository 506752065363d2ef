/**
 * Reads the schema.org article that a page describes in JSON-LD. Sites ship
 * broken, partial or several descriptions; we keep the first article-typed
 * node and never trust it beyond what it can claim (metadata, and a copy of
 * the body used only as a completeness check).
 */

export interface JsonLdArticle {
  headline: string | null;
  /** Author names, joined with commas. */
  author: string | null;
  /** As written by the site (normalised to ISO later). */
  datePublished: string | null;
  publisher: string | null;
  description: string | null;
  articleBody: string | null;
  inLanguage: string | null;
  /** false when the site marks the content as paid (schema.org isAccessibleForFree). */
  accessibleForFree: boolean | null;
}

const ARTICLE_TYPE = /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

/** Scripts larger than this are data dumps, not article descriptions. */
const MAX_JSON_LD_CHARS = 1_000_000;

function typeNames(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : [value];
  return raw.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

function isArticle(obj: Record<string, unknown>): boolean {
  return typeNames(obj['@type']).some((t) => ARTICLE_TYPE.test(t));
}

/** Decodes the few entities sites double-encode into JSON-LD strings. */
function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}

function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = decodeEntities(value).replace(/\s+/g, ' ').trim();
    return s || null;
  }
  if (Array.isArray(value)) return str(value[0]);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return str(o.name ?? o['@value']);
  }
  return null;
}

/** The body keeps its paragraph breaks; only runs of spaces are folded. */
function body(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = decodeEntities(value).replace(/[ \t\u00a0]+/g, ' ').trim();
  return s || null;
}

function names(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const name = str(item);
    // Some sites give an author as a profile URL only; that is no name.
    if (name && !/^https?:\/\//.test(name) && !out.includes(name)) out.push(name);
  }
  return out.length ? out.join(', ') : null;
}

function findArticle(node: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 5 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findArticle(item, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  const obj = node as Record<string, unknown>;
  if (isArticle(obj)) return obj;
  return findArticle(obj['@graph'], depth + 1) ?? findArticle(obj.mainEntity, depth + 1) ?? findArticle(obj.mainEntityOfPage, depth + 1);
}

function freeFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'false' || v.endsWith('/false')) return false;
    if (v === 'true' || v.endsWith('/true')) return true;
  }
  return null;
}

/** The first article described in the page's JSON-LD, or null. */
export function readJsonLd(doc: Document): JsonLdArticle | null {
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    // CDATA wrappers and HTML comments are common around JSON-LD.
    text = text.replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // Broken JSON-LD is common; it is only a hint.
    }
    const obj = findArticle(data, 0);
    if (!obj) continue;
    const publisher = obj.publisher;
    return {
      headline: str(obj.headline) ?? str(obj.name),
      author: names(obj.author) ?? names(obj.creator),
      datePublished: str(obj.datePublished) ?? str(obj.dateCreated),
      publisher: publisher ? str(publisher) : null,
      description: str(obj.description),
      articleBody: body(obj.articleBody) ?? body(obj.text),
      inLanguage: str(obj.inLanguage),
      accessibleForFree: freeFlag(obj.isAccessibleForFree),
    };
  }
  return null;
}
