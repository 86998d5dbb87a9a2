import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { OFFICER_STATUSES } from './reference';
import { createOfficerBody } from '../schemas/officer.schema';

/** Columns an officer CSV may have; the first four are required. */
export const CSV_COLUMNS = ['staffNumber', 'name', 'vetting', 'region', 'capabilities', 'vettingExpiresOn', 'pipLevel', 'email', 'status'] as const;
const REQUIRED = new Set(['staffNumber', 'name', 'vetting', 'region']);
export const MAX_IMPORT_ROWS = 5000;

export interface RowError {
  /** Line in the file, the header being row 1, as a spreadsheet shows it. */
  row: number;
  field: string;
  message: string;
}

const rowSchema = createOfficerBody
  .omit({ homeOrgId: true })
  .extend({ staffNumber: createOfficerBody.shape.staffNumber.unwrap(), status: z.enum(OFFICER_STATUSES).default('active') });
export type OfficerRow = z.infer<typeof rowSchema>;

export interface ParsedCsv {
  rows: { row: number; officer: OfficerRow }[];
  errors: RowError[];
}

/** A header cell as an error message shows it: control characters and lone surrogates escaped, never echoed raw. */
function shown(cell: string): string {
  const escaped = cell.replace(/[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped;
}

function cellsToInput(cells: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(cells)) {
    const value = raw.trim();
    if (value === '') continue; // an empty cell means "not given"
    if (column === 'capabilities') input.capabilities = value.split(/[;|\s]+/).filter(Boolean).map((c) => c.toLowerCase());
    else if (column === 'pipLevel') input.pipLevel = /^\d+$/.test(value) ? Number(value) : value;
    else if (column === 'vetting' || column === 'region' || column === 'status') input[column] = value.toLowerCase();
    else input[column] = value;
  }
  return input;
}

/**
 * Parse and validate an officer CSV export (pure). A file whose header is
 * wrong fails as a whole; otherwise each row is valid or carries its errors,
 * and a staff number given twice is an error on its second row.
 */
export function parseOfficerCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    // The parser reads through UTF-8, which would turn a lone surrogate into U+FFFD unseen; as U+FFFF (a
    // noncharacter, which survives and which text fields refuse too) it reaches the row check and is named there.
    const marked = text.replace(/^\uFEFF/, '').replace(/[\uD800-\uDFFF]/gu, '\uFFFF');
    records = parse(marked, { skip_empty_lines: true, relax_column_count: true, trim: false }) as string[][];
  } catch (err) {
    return { rows: [], errors: [{ row: Number((err as { lines?: number }).lines ?? 1), field: '', message: `Not readable as CSV: ${(err as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, field: '', message: 'The file is empty: it needs a header row.' }] };

  const known = new Map(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns = header.map((h) => known.get(h.trim().toLowerCase()));
  const errors: RowError[] = [];
  header.forEach((h, i) => {
    if (!columns[i]) errors.push({ row: 1, field: shown(h), message: `Unknown column "${shown(h)}". Columns: ${CSV_COLUMNS.join(', ')}.` });
  });
  for (const required of REQUIRED) {
    if (!columns.includes(required as (typeof CSV_COLUMNS)[number])) errors.push({ row: 1, field: required, message: `The column ${required} is required.` });
  }
  if (data.length > MAX_IMPORT_ROWS) errors.push({ row: 1, field: '', message: `At most ${MAX_IMPORT_ROWS} rows per file; this one has ${data.length}.` });
  if (errors.length) return { rows: [], errors };

  const rows: ParsedCsv['rows'] = [];
  const seen = new Map<string, number>();
  data.forEach((record, i) => {
    const row = i + 2;
    const cells: Record<string, string> = {};
    columns.forEach((c, j) => {
      if (c) cells[c] = record[j] ?? '';
    });
    if (record.length > header.length) {
      errors.push({ row, field: '', message: `This row has ${record.length} cells; the header has ${header.length}.` });
      return;
    }
    const parsed = rowSchema.safeParse(cellsToInput(cells));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: issue.path.map(String).join('.') || '', message: issue.message });
      return;
    }
    const key = parsed.data.staffNumber.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, field: 'staffNumber', message: `Staff number ${parsed.data.staffNumber} is also on row ${first}.` });
      return;
    }
    seen.set(key, row);
    rows.push({ row, officer: parsed.data });
  });
  return { rows, errors };
}
