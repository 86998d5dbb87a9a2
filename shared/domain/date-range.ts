import { DateOutOfRangeError } from '../errors';

/**
 * The calendar the service works in: every date it accepts (request bodies,
 * query strings, CSV cells) or computes (end dates, release dates, deadlines)
 * lies between these two days. Workforce planning needs nothing wider, and a
 * bound keeps every computed date a plain `YYYY-MM-DD` (a year past 9999 would
 * become `+010000-…`, which no reader of the API accepts).
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';
export const DATE_RANGE_TEXT = `between ${EARLIEST_DATE} and ${LATEST_DATE}`;

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day, `YYYY-MM-DD`, inside the service's range. */
export function isDateInRange(date: string): boolean {
  if (!SHAPE.test(date) || date < EARLIEST_DATE || date > LATEST_DATE) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** `date` if it is in range; otherwise a 400 naming `field` and saying what the date was. */
export function checkedDate(date: string, what: string, field: string): string {
  if (!isDateInRange(date)) {
    throw new DateOutOfRangeError(`${what} (${date}) is not a date the service handles: dates are ${DATE_RANGE_TEXT}.`, field);
  }
  return date;
}

/** A Date (midnight UTC or any time) → `YYYY-MM-DD`, or a 400 when it falls outside the range (or is no date at all). */
export function isoDayOf(d: Date, what: string, field: string): string {
  const time = d.getTime();
  const year = Number.isNaN(time) ? Number.NaN : d.getUTCFullYear();
  if (!(year >= Number(EARLIEST_DATE.slice(0, 4)) && year <= Number(LATEST_DATE.slice(0, 4)))) {
    const shown = Number.isNaN(year) ? 'no date' : `year ${year}`;
    throw new DateOutOfRangeError(`${what} would fall in ${shown}: dates are ${DATE_RANGE_TEXT}.`, field);
  }
  return d.toISOString().slice(0, 10);
}
