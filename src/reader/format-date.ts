/**
 * The publication date as the reader shows it: a long date in the reader's
 * own locale (the browser UI language). Its own module, free of the
 * extension API, so that it is tested alone.
 */
export function formatDate(iso: string, locale: string | undefined): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Dated in the site's own offset: the day the site gave it ("2019-11-18T23:04-05:00" is the 18th), wherever the
  // reader is. Dated in UTC: the reader's own day.
  const own = /^(\d{4})-(\d{2})-(\d{2})T[^Z]*[+-]\d{2}:\d{2}$/.exec(iso);
  const shown = own ? new Date(Date.UTC(Number(own[1]), Number(own[2]) - 1, Number(own[3]), 12)) : date;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...(own ? { timeZone: 'UTC' } : {}) }).format(shown);
  } catch {
    return shown.toDateString();
  }
}
