/**
 * Which calendar day a publication date stands for, as the reader shows it:
 * the site's own day where the date carries the site's offset
 * ("2019-11-18T23:04-05:00" is the 18th, wherever the reader is), and the
 * reader's own day for a date in UTC. Shared by the reader, which prints
 * that day, and the extraction, which checks it against the day the page
 * prints.
 */

/** The day, as noon UTC on it: formatted in UTC, it cannot move to another day. Null for a date that cannot be read. */
export function dayShown(iso: string): Date | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const own = /^(\d{4})-(\d{2})-(\d{2})T[^Z]*[+-]\d{2}:\d{2}$/.exec(iso);
  if (own) return new Date(Date.UTC(Number(own[1]), Number(own[2]) - 1, Number(own[3]), 12));
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), 12));
}
