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
