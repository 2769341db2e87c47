/**
 * Calendar dates as YYYY-MM-DD (review dates, terms): pure arithmetic on the calendar, with no
 * time zone in it. The server and the console both count a review period with
 * `defaultReviewDate`, so they agree on it.
 */
import { DEFAULT_REVIEW_MONTHS } from './constants';

/** The day `months` after `isoDay`, clamped to the month's end: 31 August + 6 is 28/29 February. */
export function addMonths(isoDay: string, months: number): string {
  const [year = 1970, month = 1, day = 1] = isoDay.split('-').map(Number);
  const target = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, target, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** A date's calendar day as YYYY-MM-DD, read in UTC or in the local time zone. */
export function isoDay(date: Date, zone: 'utc' | 'local'): string {
  const [y, m, d] =
    zone === 'utc'
      ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
      : [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * C9: the review date an adoption gets when none is given, `months` after `now` (the circle's
 * review period, six months outside a circle), counted from the UTC calendar day. The server
 * records it and the facilitator's console proposes it with this one function, so both give the
 * same day: the console used to count from the browser's local day, and around midnight it could
 * show one date while the server recorded another.
 */
export function defaultReviewDate(now: number, months = DEFAULT_REVIEW_MONTHS): string {
  return addMonths(isoDay(new Date(now), 'utc'), months);
}
