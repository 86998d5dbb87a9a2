/**
 * Spreadsheet files built in the browser from an API answer: the forecast and
 * the roster people take to a funding meeting. The page already holds every
 * figure the file carries, so the file is exactly what is on the screen, and
 * the API keeps one JSON answer per route with one authorisation check.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-03-31` → `31/03/2027`: the UK date a spreadsheet set to English (UK) reads as a date. */
export function csvDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** `2027-03` → `March 2027`. */
export function monthName(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  if (!m) return month;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export type CsvCell = string | number | null | undefined;

/**
 * One cell. Text that a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@`, a tab or carriage return first: a name typed into a record is not to
 * be trusted) is kept as text with a leading apostrophe; numbers go as they are.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file: a header row then the rows, CRLF line ends (RFC 4180), with a
 * byte order mark so a spreadsheet reads names with accents as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\ufeff${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
