/**
 * How visible captions look: at least the size of the article's body text
 * (times the reader's caption size), and in colours with at least 4.5:1
 * contrast, taken from the article's own text when that is readable.
 */

export interface Look {
  /** Font size in px for captions Lectern shows. */
  fontPx: number;
  color: string;
  background: string;
}

const FALLBACK = { color: '#111111', background: '#ffffff' };

function rgb(value: string): [number, number, number, number] | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?/.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: string, b: string): number {
  const ca = rgb(a);
  const cb = rgb(b);
  if (!ca || !cb) return 0;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The first opaque background behind `el`, white when the page paints none. */
export function backgroundBehind(el: Element, view: Window): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const c = rgb(view.getComputedStyle(node).backgroundColor);
    if (c && c[3] >= 0.95) return view.getComputedStyle(node).backgroundColor;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * Paragraphs looked at to find the body text's size: enough that a
 * standfirst and a pull quote are outvoted, few enough to cost little on a
 * long story.
 */
const SAMPLE_PARAGRAPHS = 12;
/** Paragraphs of captions are not body text. */
const NOT_BODY = 'figure, figcaption, [class*="caption" i]';

/**
 * A paragraph set in the story's body text: of the first paragraphs of
 * prose, one at the size that carries most of their words. The first alone
 * may be a standfirst, set larger.
 */
function bodyText(article: Element, view: Window): Element {
  const prose: { p: Element; chars: number }[] = [];
  for (const p of Array.from(article.getElementsByTagName('p'))) {
    const chars = (p.textContent ?? '').trim().length;
    if (chars > 80 && !p.closest(NOT_BODY)) prose.push({ p, chars });
    if (prose.length === SAMPLE_PARAGRAPHS) break;
  }
  const bySize = new Map<string, { p: Element; chars: number }>();
  for (const { p, chars } of prose) {
    const size = view.getComputedStyle(p).fontSize;
    const known = bySize.get(size);
    bySize.set(size, { p: known?.p ?? p, chars: (known?.chars ?? 0) + chars });
  }
  let best: { p: Element; chars: number } | undefined;
  for (const candidate of bySize.values()) if (!best || candidate.chars > best.chars) best = candidate;
  return best?.p ?? article;
}

export function articleLook(article: Element, view: Window | null, sizePercent: number): Look {
  const scale = Math.min(200, Math.max(100, sizePercent || 100)) / 100;
  if (!view) return { fontPx: 16 * scale, ...FALLBACK };
  const p = bodyText(article, view);
  const s = view.getComputedStyle(p);
  const bodyPx = Math.max(16, Number.parseFloat(s.fontSize) || 16);
  const background = backgroundBehind(p, view);
  const readable = contrast(s.color, background) >= 4.5;
  return { fontPx: Math.round(bodyPx * scale * 10) / 10, ...(readable ? { color: s.color, background } : FALLBACK) };
}
