import { parse } from 'csv-parse/sync';
import * as z from 'zod';
import { OFFICER_STATUSES, REGIONS, VETTING_LEVELS } from './reference';
import { createOfficerBody } from '../schemas/officer.schema';

/** Columns an officer CSV may have; the first four are required. */
export const CSV_COLUMNS = ['staffNumber', 'name', 'vetting', 'region', 'capabilities', 'vettingExpiresOn', 'pipLevel', 'email', 'status', 'homeOrgId', 'servingUntil', 'leavingOn'] as const;
const REQUIRED = new Set(['staffNumber', 'name', 'vetting', 'region']);
export const MAX_IMPORT_ROWS = 5000;

export interface RowError {
  /** Line in the file, the header being row 1, as a spreadsheet shows it. */
  row: number;
  field: string;
  message: string;
}

/**
 * A row is an officer serving in the importing organisation: its own (no
 * `homeOrgId`, or its own id), or one of another organisation posted into it
 * (`homeOrgId` names the force or unit, `servingUntil` the posting's end).
 */
const rowSchema = createOfficerBody
  .omit({ homeOrgId: true, servingOrgId: true })
  .extend({
    staffNumber: createOfficerBody.shape.staffNumber.unwrap(),
    status: z.enum(OFFICER_STATUSES).default('active'),
    homeOrgId: createOfficerBody.shape.homeOrgId.optional(),
  });
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

/** A UK date as a spreadsheet writes it, `31/12/2028` (or `1/2/2028`, `31-12-2028`), as YYYY-MM-DD; anything else as it came. */
export function isoFromUkDate(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!m) return value;
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}

/** Each column's rule in words, for a row whose cell breaks it (zod's own text names types, not what to type). */
const COLUMN_RULES: Record<string, string> = {
  staffNumber: 'Staff number is needed: letters, digits and hyphens, at most 32 characters',
  name: 'Name is needed, on one line, at most 120 characters',
  vetting: `Vetting must be one of ${VETTING_LEVELS.map((v) => v.toUpperCase()).join(', ')}`,
  region: `Region must be one of ${REGIONS.join(', ')}`,
  capabilities: 'Capabilities are capability ids (such as cyber or surveillance) separated by semicolons, each once',
  vettingExpiresOn: 'Vetting expiry must be a real date, written 31/12/2028 or 2028-12-31, between 1900 and 2100',
  pipLevel: 'PIP level must be a whole number from 0 (none) to 4',
  email: 'Email must be an email address, such as name@example.org',
  status: `Status must be ${OFFICER_STATUSES.join(' or ')}`,
};

/** A cell's problem in plain words: the column's rule, with what is wrong when that is more than the rule says. */
function plainMessage(field: string, issue: z.core.$ZodIssue): string {
  const rule = COLUMN_RULES[field];
  if (!rule) return issue.message;
  // Control characters, unpaired surrogates and lengths are said as the API says them: the rule alone would not tell which.
  if (/control characters|surrogate/.test(issue.message)) return `${rule}. It ${issue.message}`;
  if (field === 'capabilities' && /twice/.test(issue.message)) return 'Capabilities list a capability twice';
  return rule;
}

function cellsToInput(cells: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(cells)) {
    const value = raw.trim();
    if (value === '') continue; // an empty cell means "not given"
    if (column === 'capabilities') input.capabilities = value.split(/[;|\s]+/).filter(Boolean).map((c) => c.toLowerCase());
    else if (column === 'pipLevel') input.pipLevel = /^\d+$/.test(value) ? Number(value) : value;
    else if (column === 'vetting' || column === 'region' || column === 'status' || column === 'homeOrgId') input[column] = value.toLowerCase();
    else if (column === 'vettingExpiresOn' || column === 'servingUntil' || column === 'leavingOn') input[column] = isoFromUkDate(value);
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
      for (const issue of parsed.error.issues) {
        // `capabilities.2` is a problem with the capabilities column.
        const field = String(issue.path[0] ?? '');
        errors.push({ row, field, message: plainMessage(field, issue) });
      }
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
