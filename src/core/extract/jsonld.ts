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

/**
 * Nodes of the description by their @id. Yoast and other generators write
 * the author and the publisher once in the @graph and refer to them from
 * the article by id alone: `"author": {"@id": "…#/schema/person/14fb"}`.
 */
function nodesById(node: unknown, ids: Map<string, Record<string, unknown>>, depth: number): Map<string, Record<string, unknown>> {
  if (depth > 5 || node === null || typeof node !== 'object') return ids;
  if (Array.isArray(node)) {
    for (const item of node) nodesById(item, ids, depth + 1);
    return ids;
  }
  const obj = node as Record<string, unknown>;
  const id = obj['@id'];
  if (typeof id === 'string' && !ids.has(id) && Object.keys(obj).length > 1) ids.set(id, obj);
  nodesById(obj['@graph'], ids, depth + 1);
  return ids;
}

/** A reference by id alone replaced by the node it names, in a value or a list of them. */
function dereference(value: unknown, ids: Map<string, Record<string, unknown>>): unknown {
  if (Array.isArray(value)) return value.map((item) => dereference(item, ids));
  if (!value || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const id = obj['@id'];
  return typeof id === 'string' && obj.name === undefined ? (ids.get(id) ?? value) : value;
}

/**
 * JSON-LD as the page wrote it, or with the raw control characters that
 * JSON forbids inside a string (a line break, a tab) escaped there: a line
 * break stays one (an articleBody keeps its paragraphs), any other is a space.
 */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const escaped = text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) =>
      // eslint-disable-next-line no-control-regex -- the characters JSON forbids unescaped are the ones looked for
      literal.replace(/\r?\n/g, '\\n').replace(/[\u0000-\u001f]/g, ' '),
    );
    return JSON.parse(escaped);
  }
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

/** Each JSON-LD block of the page that parses, in page order: parsed once, read by the functions below. */
export function jsonLdBlocks(doc: Document): unknown[] {
  const blocks: unknown[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    let text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    // CDATA wrappers and HTML comments are common around JSON-LD.
    text = text.replace(/^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$/g, '');
    try {
      blocks.push(parseJson(text));
    } catch {
      // Broken JSON-LD is common; it is only a hint.
    }
  }
  return blocks;
}

/** The first article described in the page's JSON-LD blocks, or null. */
export function readJsonLd(blocks: readonly unknown[]): JsonLdArticle | null {
  for (const data of blocks) {
    const obj = findArticle(data, 0);
    if (!obj) continue;
    // A node the article names by its @id alone ("publisher": {"@id": "https://site/"}) may be described in
    // another block of the page: its own block's nodes first, then the others'.
    const ids = nodesById(data, new Map(), 0);
    for (const other of blocks) if (other !== data) nodesById(other, ids, 0);
    const publisher = dereference(obj.publisher, ids);
    return {
      headline: str(obj.headline) ?? str(obj.name),
      author: names(dereference(obj.author, ids)) ?? names(dereference(obj.creator, ids)),
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

const PAGE_TYPE = /^(?:WebPage|ItemPage)$/;

/** The things a JSON-LD block describes: itself, the items of a list, the nodes of a @graph. */
function describedNodes(data: unknown): Record<string, unknown>[] {
  const isNode = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
  const top = (Array.isArray(data) ? data : [data]).filter(isNode);
  return top.flatMap((node) => [node, ...(Array.isArray(node['@graph']) ? node['@graph'].filter(isNode) : [])]);
}

/**
 * The author a page's JSON-LD gives the page itself, where it describes no
 * article: WordPress's Yoast puts the author on the WebPage node of its
 * @graph on posts it does not type as articles.
 */
export function readJsonLdPageAuthor(blocks: readonly unknown[]): string | null {
  for (const data of blocks) {
    const ids = nodesById(data, new Map(), 0);
    for (const node of describedNodes(data)) {
      if (!typeNames(node['@type']).some((t) => PAGE_TYPE.test(t))) continue;
      const author = names(dereference(node.author, ids));
      if (author) return author;
    }
  }
  return null;
}

/**
 * Who made the claims the page's fact-checks review (a ClaimReview's
 * itemReviewed author): the page prints that name with the claim, where it
 * reads as a byline, but it is the claimant's, not the page's author's.
 */
export function readClaimants(blocks: readonly unknown[]): string[] {
  const claimants: string[] = [];
  for (const data of blocks) {
    const ids = nodesById(data, new Map(), 0);
    for (const node of describedNodes(data)) {
      const reviewed = node.itemReviewed;
      if (!typeNames(node['@type']).includes('ClaimReview') || !reviewed || typeof reviewed !== 'object') continue;
      const author = names(dereference((reviewed as Record<string, unknown>).author, ids));
      if (author) claimants.push(author);
    }
  }
  return claimants;
}
