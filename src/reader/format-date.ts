/**
 * The publication date as the reader shows it: a long date in the reader's
 * own locale (the browser UI language). Its own module, free of the
 * extension API, so that it is tested alone.
 */
import { dayShown } from '../core/extract/day-shown';

export function formatDate(iso: string, locale: string | undefined): string | null {
  const shown = dayShown(iso);
  if (!shown) return null;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(shown);
  } catch {
    return shown.toDateString();
  }
}

/**
 * The day shown, as the time element's datetime ("2019-11-19"): the day the
 * reader reads, not an instant that, in a zone far from the site's, falls
 * on another day.
 */
export function dateAttribute(iso: string): string | null {
  return dayShown(iso)?.toISOString().slice(0, 10) ?? null;
}
