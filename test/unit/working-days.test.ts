import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, daysBetween, isWorkingDay, bankHolidays } from '../../shared/domain/working-days';

const at = (iso: string) => new Date(iso);

describe('escalation deadlines count working days', () => {
  it.each([
    ['2026-03-04T09:30:00Z', 1, '2026-03-05T09:30:00.000Z', 'a Wednesday plus 1 is the Thursday'],
    ['2026-03-06T09:30:00Z', 1, '2026-03-09T09:30:00.000Z', 'a Friday plus 1 is the Monday'],
    ['2026-03-06T16:45:00Z', 5, '2026-03-13T16:45:00.000Z', 'a Friday plus 5 is the next Friday'],
    ['2026-03-04T09:30:00Z', 10, '2026-03-18T09:30:00.000Z', 'ten working days span two weekends'],
    ['2026-03-07T11:00:00Z', 1, '2026-03-09T11:00:00.000Z', 'an alert raised on a Saturday counts from the Monday'],
    ['2026-03-06T23:30:00Z', 1, '2026-03-09T23:30:00.000Z', 'the time of day is kept, even late in the evening'],
    ['2026-03-04T09:30:00Z', 0, '2026-03-04T09:30:00.000Z', 'zero working days is now'],
  ])('from %s, %i working day(s) ahead is %s (%s)', (from, days, due) => {
    expect(addWorkingDays(at(from), days).toISOString()).toBe(due);
  });

  it('Christmas 2026: from Thursday 24 December one working day ahead is Tuesday 29 (25 and 28 are bank holidays)', () => {
    expect(addWorkingDays(at('2026-12-24T10:00:00Z'), 1).toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it('Christmas 2026: ten working days from Christmas Eve skip 25 and 28 December and 1 January: 12 January 2027', () => {
    expect(addWorkingDays(at('2026-12-24T10:00:00Z'), 10).toISOString()).toBe('2027-01-12T10:00:00.000Z');
  });

  it('Easter 2026: from Thursday 2 April one working day ahead is Tuesday 7 (Good Friday and Easter Monday)', () => {
    expect(addWorkingDays(at('2026-04-02T10:00:00Z'), 1).toISOString()).toBe('2026-04-07T10:00:00.000Z');
  });

  it('Christmas 2027 falls on a weekend: the substitute days 27 and 28 December are skipped', () => {
    expect(addWorkingDays(at('2027-12-24T10:00:00Z'), 1).toISOString()).toBe('2027-12-29T10:00:00.000Z');
  });

  it('an alert raised on a bank holiday counts from the next working day', () => {
    expect(addWorkingDays(at('2026-12-25T10:00:00Z'), 1).toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it.each([
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', false, 'substitute Boxing Day'],
    ['2026-08-31', false, 'summer bank holiday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-12-24', true, 'Christmas Eve, a Thursday'],
    ['2026-12-29', true, 'a Tuesday between the holidays'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(isWorkingDay(at(`${date}T12:00:00Z`))).toBe(working);
  });

  it('Christmas Day 2029 is not a working day', () => {
    expect(isWorkingDay(at('2029-12-25T12:00:00Z'))).toBe(false);
  });
});

describe('calendar dates (release dates, windows)', () => {
  it.each([
    ['2026-09-01', 60, '2026-10-31'],
    ['2026-02-27', 2, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-09-01', '2026-11-30', 90],
    ['2026-09-01', '2026-12-01', 91],
    ['2026-09-01', '2026-08-31', -1],
    ['2026-09-01', '2026-09-01', 0],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
  ])('from %s to %s is %i days, whatever the clocks do', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('bank holidays of England and Wales, by rule', () => {
  it.each([
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
    [2027, ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']],
    [2028, ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']],
    [2022, ['2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27']],
  ])('%i matches the published calendar', (year, expected) => {
    expect([...bankHolidays(year)].sort()).toEqual(expected);
  });
});
