/** Percentiles and the landing check shared by the benchmark's reports. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

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
