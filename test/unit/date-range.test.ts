import { describe, expect, it } from 'vitest';
import { decide, type AlertState } from '../../shared/domain/alert-rules';
import { bookingClosesOnFor, releaseOnFor } from '../../shared/domain/course-rules';
import { checkedDate, EARLIEST_DATE, isDateInRange, LATEST_DATE } from '../../shared/domain/date-range';
import { latestReleaseDate } from '../../shared/domain/offer-gate';
import { extensionDateViolations, placementEndDate } from '../../shared/domain/secondment-rules';
import { addDays, addMonths, addWorkingDays } from '../../shared/domain/working-days';
import { DateOutOfRangeError, ValidationError } from '../../shared/errors';
import { isoDate } from '../../shared/schemas/common.schema';

/** The 400 a computed date outside the calendar raises, with the field it names. */
function refusal(fn: () => unknown): { field: unknown; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DateOutOfRangeError);
    expect(err).toBeInstanceOf(ValidationError);
    const e = err as DateOutOfRangeError;
    expect(e.status).toBe(400);
    return { field: e.details[0]?.field, message: e.message };
  }
  throw new Error('expected a DateOutOfRangeError');
}

describe('one calendar: every date the service accepts or computes is 1900-01-01 to 2100-12-31', () => {
  it.each([
    [EARLIEST_DATE, true],
    [LATEST_DATE, true],
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['1899-12-31', false],
    ['2101-01-01', false],
    ['9999-12-31', false],
    ['0000-01-01', false],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['+010000-01-01', false],
    ['2026-1-1', false],
    ['', false],
  ])('%s in range: %s', (date, ok) => {
    expect(isDateInRange(date)).toBe(ok);
    expect(isoDate.safeParse(date).success).toBe(ok);
  });

  it('the date schema says what is wrong: the format, or the range', () => {
    expect(isoDate.safeParse('9999-12-31').error?.issues.map((i) => i.message)).toEqual(['must be a date between 1900-01-01 and 2100-12-31']);
    expect(isoDate.safeParse('tomorrow').error?.issues.map((i) => i.message)).toEqual(['must be a date as YYYY-MM-DD']);
  });

  it('checkedDate names the field', () => {
    expect(checkedDate('2026-05-01', 'The start', 'startDate')).toBe('2026-05-01');
    expect(refusal(() => checkedDate('2101-01-01', 'The start', 'startDate')).field).toBe('startDate');
  });
});

describe('date arithmetic refuses to leave the calendar instead of producing +010000-01', () => {
  it('addDays works inside the range and refuses past either end', () => {
    expect(addDays('2100-12-30', 1)).toBe(LATEST_DATE);
    expect(addDays('1900-01-02', -1)).toBe(EARLIEST_DATE);
    expect(refusal(() => addDays(LATEST_DATE, 1, 'startDate')).field).toBe('startDate');
    expect(refusal(() => addDays(EARLIEST_DATE, -1)).message).toMatch(/year 1899/);
    expect(refusal(() => addDays('9999-12-31', 90)).message).toMatch(/9999-12-31/);
    expect(refusal(() => addDays('2026-01-01', 1e9)).field).toBe('date');
    expect(refusal(() => addDays('garbage', 1)).field).toBe('date');
  });

  it('addMonths keeps month ends and refuses a result past 2100', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2100-08-31', 4)).toBe(LATEST_DATE);
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(refusal(() => addMonths('2100-10-01', 3, 'durationMonths')).field).toBe('durationMonths');
  });

  it('a placement starting on the last day of the calendar has no end date: 400 on durationMonths', () => {
    expect(placementEndDate('2100-06-30', 6)).toBe('2100-12-30');
    expect(refusal(() => placementEndDate('2100-12-31', 1)).field).toBe('durationMonths');
  });

  it('the latest release date of an offer starting in late 2100 is refused, on the field the caller names', () => {
    expect(latestReleaseDate('2100-10-02')).toBe(LATEST_DATE);
    expect(refusal(() => latestReleaseDate('2100-10-03')).field).toBe('releaseDate');
    expect(refusal(() => latestReleaseDate('2100-12-31', 'startDate')).field).toBe('startDate');
  });

  it('a ROCC upholding an offer whose latest release date is past the calendar gets a 400, not a stored +010000 date', () => {
    const state = {
      kind: 'offer-release',
      status: 'escalated',
      requestedStart: '2100-12-31',
      releaseDate: null,
      requestedCap: null,
      imposedCap: null,
      outcome: null,
      escalationReason: 'objected',
      projected: 7,
      minimum: 7,
    } as unknown as AlertState;
    expect(refusal(() => decide(state, 'uphold')).field).toBe('releaseDate');
    expect(decide(state, 'overrule')).toMatchObject({ ok: true, next: { releaseDate: '2100-12-31' } });
  });

  it('a course starting on the first day of the calendar cannot release seats or close bookings before it', () => {
    expect(releaseOnFor('2026-06-10', 14)).toBe('2026-05-27');
    expect(refusal(() => releaseOnFor(EARLIEST_DATE, 14)).field).toBe('releaseDaysBefore');
    expect(refusal(() => bookingClosesOnFor(EARLIEST_DATE, undefined)).field).toBe('startDate');
  });

  it('an extension cap past the calendar is a 400 on endDate', () => {
    expect(refusal(() => extensionDateViolations({ startDate: '2099-06-01', endDate: '2100-06-01' }, '2100-07-01', '2026-01-01')).field).toBe('endDate');
  });

  it('working-day deadlines stay in the calendar', () => {
    expect(addWorkingDays(new Date('2026-03-04T09:30:00Z'), 10).toISOString()).toBe('2026-03-18T09:30:00.000Z');
    expect(refusal(() => addWorkingDays(new Date('2100-12-30T09:00:00Z'), 10)).field).toBe('date');
  });
});
