import { describe, expect, it } from 'vitest';
import { dateAttribute, formatDate } from '../../../src/reader/format-date';

describe('formatDate', () => {
  it("shows the day the site dated the story in its own offset, wherever the reader's clock is", () => {
    // 23:04 in New York is already the 19th in UTC (and on this machine's clock in CI).
    expect(formatDate('2019-11-18T23:04:24.000-05:00', 'en-US')).toBe('November 18, 2019');
    expect(formatDate('2019-11-20T00:30:00.000+08:00', 'de')).toBe('20. November 2019');
  });

  it("shows a date given in UTC on the reader's own day, and nothing for a date it cannot read", () => {
    const utc = '2019-11-19T12:00:00.000Z';
    expect(formatDate(utc, 'en-US')).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(new Date(utc)));
    expect(formatDate('not a date', 'en-US')).toBeNull();
  });

  it("gives the time element the day shown as its datetime, in every zone the reader's clock may be in", () => {
    expect(dateAttribute('2019-11-18T23:04:24.000-05:00')).toBe('2019-11-18');
    const local = new Date(2019, 10, 19).toISOString();
    expect(dateAttribute(local)).toBe('2019-11-19');
    expect(dateAttribute('not a date')).toBeNull();
  });
});
