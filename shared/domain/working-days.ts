/**
 * Working days for escalation deadlines: Monday to Friday, less the bank
 * holidays of England and Wales (the jurisdiction of every ROCU and the NCA's
 * regional offices), computed by the rules that set them so the calendar never
 * runs out. Dates are YYYY-MM-DD in UTC.
 *
 * The date arithmetic here refuses (400, DateOutOfRangeError) a date outside
 * the service's calendar (domain/date-range.ts), given or computed, so a
 * far-off start can never produce a stored end date nobody can read back.
 */
import { checkedDate, isoDayOf } from './date-range';

/** One-off bank holidays proclaimed outside the usual rules (and usual ones that moved). */
const PROCLAIMED: Record<number, { add?: string[]; remove?: string[] }> = {
  2020: { add: ['2020-05-08'], remove: ['2020-05-04'] }, // VE Day moved the early May holiday
  2022: { add: ['2022-06-02', '2022-06-03', '2022-09-19'], remove: ['2022-05-30'] }, // Platinum Jubilee, State Funeral
  2023: { add: ['2023-05-08'] }, // Coronation
};

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

/** Easter Sunday (Gregorian; the anonymous algorithm in Meeus). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

function firstMonday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function lastMonday(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The bank holidays of England and Wales in one year. */
export function bankHolidays(year: number): Set<string> {
  const days = new Set<string>();
  // New Year's Day, or the Monday after when it falls at a weekend.
  const newYear = new Date(Date.UTC(year, 0, 1));
  const ny = newYear.getUTCDay();
  days.add(iso(year, 1, ny === 6 ? 3 : ny === 0 ? 2 : 1));
  const easter = easterSunday(year);
  const shift = (n: number) => new Date(easter.getTime() + n * 86_400_000).toISOString().slice(0, 10);
  days.add(shift(-2)); // Good Friday
  days.add(shift(1)); // Easter Monday
  days.add(firstMonday(year, 5)); // early May
  days.add(lastMonday(year, 5)); // spring
  days.add(lastMonday(year, 8)); // summer
  // Christmas and Boxing Day, with substitute weekdays when they fall at a weekend.
  const xmas = new Date(Date.UTC(year, 11, 25)).getUTCDay();
  if (xmas === 6) days.add(iso(year, 12, 27)).add(iso(year, 12, 28));
  else if (xmas === 0) days.add(iso(year, 12, 26)).add(iso(year, 12, 27));
  else if (xmas === 5) days.add(iso(year, 12, 25)).add(iso(year, 12, 28));
  else days.add(iso(year, 12, 25)).add(iso(year, 12, 26));
  for (const d of PROCLAIMED[year]?.remove ?? []) days.delete(d);
  for (const d of PROCLAIMED[year]?.add ?? []) days.add(d);
  return days;
}

const cache = new Map<number, Set<string>>();

function isBankHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let days = cache.get(year);
  if (!days) cache.set(year, (days = bankHolidays(year)));
  return days.has(date);
}

export function isWorkingDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6 && !isBankHoliday(date.toISOString().slice(0, 10));
}

/** The instant `days` working days after `from` (same time of day). */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(from.getTime());
  isoDayOf(d, 'The starting day', 'date');
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(d)) left -= 1;
  }
  isoDayOf(d, `${days} working days after ${from.toISOString().slice(0, 10)}`, 'date');
  return d;
}

/**
 * `date` plus `days` (negative: before). `field` names the request field the
 * result comes from, for the 400 when either date is outside the range.
 */
export function addDays(date: string, days: number, field = 'date'): string {
  checkedDate(date, 'The date', field);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDayOf(d, `${date} ${days < 0 ? '−' : '+'} ${Math.abs(days)} days`, field);
}

/**
 * `date` plus `months` calendar months, on the last day of the month when that
 * month is shorter (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number, field = 'date'): string {
  checkedDate(date, 'The date', field);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(year, month, Math.min(d, lastDay)));
  // Date.UTC reads years 0–99 as 1900–1999; the range check below rules those out anyway.
  return isoDayOf(result, `${date} + ${months} months`, field);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
