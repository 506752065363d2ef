/** Languages written right to left, by their primary subtag ("ar" of "ar-EG"). */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'khw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Whether a language tag's language is written right to left ("he", "fa-IR", "pt_BR"). */
export function isRightToLeft(lang: string): boolean {
  return RIGHT_TO_LEFT.has(lang.split(/[-_]/)[0]!.toLowerCase());
}
