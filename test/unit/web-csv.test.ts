import { describe, expect, it } from 'vitest';
import { csvDate, monthName, toCsv } from '../../web/src/csv';

describe('the CSV files the web UI builds', () => {
  it('writes UK dates and month names', () => {
    expect(csvDate('2027-03-31')).toBe('31/03/2027');
    expect(csvDate('2028-02-29')).toBe('29/02/2028');
    expect(csvDate(null)).toBe('');
    expect(monthName('2027-03')).toBe('March 2027');
  });

  it('starts with a byte order mark, ends each row with CRLF, and quotes commas, quotes and line breaks', () => {
    const csv = toCsv(['Officer', 'Note'], [['Smith, Jo', 'said "yes"'], ['Line\nbreak', 3]]);
    expect(csv).toBe('\ufeffOfficer,Note\r\n"Smith, Jo","said ""yes"""\r\n"Line\nbreak",3\r\n');
  });

  it('keeps text a spreadsheet would run as a formula as text, and negative numbers as numbers', () => {
    const csv = toCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("x")', '+1', '@SUM(A1)', -2]]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",'+1,'@SUM(A1),-2`);
  });
});
