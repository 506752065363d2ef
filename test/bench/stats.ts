/** Percentiles and the landing check shared by the benchmark's reports. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** A word as Python's \w+ sees it (the corpus scorer's tokens). */
const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * Where the first sentence of `articleBody` starts in `text`, in characters,
 * or -1. Matches on its first words, so quotes and spacing do not matter.
 */
export function firstSentenceOffset(articleBody: string, text: string): number {
  const words = (articleBody.trim().match(WORD) ?? []).slice(0, 6);
  if (words.length === 0) return -1;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('[^\\p{L}\\p{N}_]+'), 'u');
  const hit = pattern.exec(text);
  return hit ? hit.index : -1;
}

/** The skip link "lands" when the story's first sentence starts this early. */
export const LANDING_WINDOW_CHARS = 400;

// The metric of ../shared/tools/score_extraction.py, ported: per page, the
// multisets of 4-token shingles (Python's \w+ tokens), TP/FP/FN normalised
// per page; precision and recall are means over pages, F1 comes from them.
function shingles(text: string): Map<string, number> {
  const toks = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, toks.length - 3); i++) {
    const key = toks.slice(i, i + 4).join('\u0001');
    if (key) out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface ExtractionScore {
  f1: number;
  precision: number;
  recall: number;
  pages: number;
}

export function extractionScore(gt: Record<string, { articleBody?: string }>, pred: Record<string, { articleBody?: string }>, ids: string[]): ExtractionScore {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const id of ids) {
    const t = shingles(gt[id]?.articleBody ?? '');
    const p = shingles(pred[id]?.articleBody ?? '');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const k of new Set([...t.keys(), ...p.keys()])) {
      const a = t.get(k) ?? 0;
      const b = p.get(k) ?? 0;
      tp += Math.min(a, b);
      fp += Math.max(0, b - a);
      fn += Math.max(0, a - b);
    }
    const sum = tp + fp + fn;
    if (!sum) continue;
    [tp, fp, fn] = [tp / sum, fp / sum, fn / sum];
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn));
  }
  const P = ps.reduce((a, b) => a + b, 0) / (ps.length || 1);
  const R = rs.reduce((a, b) => a + b, 0) / (rs.length || 1);
  const F = P + R ? (2 * P * R) / (P + R) : 0;
  return { f1: F, precision: P, recall: R, pages: ids.length };
}

export function scoreExtraction(gt: Record<string, { articleBody?: string }>, pred: Record<string, { articleBody?: string }>, ids: string[]): string {
  const { f1, precision, recall, pages } = extractionScore(gt, pred, ids);
  return `F1 ${f1.toFixed(3)} P ${precision.toFixed(3)} R ${recall.toFixed(3)} n ${pages}`;
}
