import * as z from 'zod';
import { DATE_RANGE_TEXT, isDateInRange } from '../domain/date-range';
import { PIP_LEVELS, REGIONS, VETTING_LEVELS } from '../domain/reference';

/**
 * Text a client sends is bounded and clean. Refused everywhere: NUL and the
 * other C0 control characters, DEL and the C1 controls (U+0080–U+009F),
 * lone surrogates (half of a UTF-16 pair: not a character, and not storable
 * as UTF-8) and the noncharacters U+FFFE and U+FFFF. Tab, line feed and carriage return are allowed only in
 * multi-line text (notes, statements, descriptions). With the `u` flag a
 * surrogate pair is one code point above U+FFFF, so emoji and other astral
 * characters pass while half a pair does not.
 */
const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]*$/u;
const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFFFE\uFFFF]*$/u;
const CONTROL_ERROR = 'must not contain control characters (such as NUL) or unpaired surrogates';
const CONTROL_ERROR_MULTI = 'must not contain control characters (such as NUL; tab and new lines are fine) or unpaired surrogates';

/** One line of text (a title, a name, a grade), trimmed; `min` 0 lets it be empty. */
export function singleLineText(max: number, { min = 1 }: { min?: number } = {}) {
  return z.string().trim().min(min).max(max).regex(SINGLE_LINE, { error: CONTROL_ERROR });
}

/** Text that may run over several lines (a note, a statement, a description), trimmed; `min` 0 lets it be empty. */
export function multiLineText(max: number, { min = 1 }: { min?: number } = {}) {
  return z.string().trim().min(min).max(max).regex(MULTI_LINE, { error: CONTROL_ERROR_MULTI });
}

/** A value matched as it is, not trimmed (a user id, a token): bounded and clean all the same. */
export function exactText(max: number, { min = 1 }: { min?: number } = {}) {
  return z.string().min(min).max(max).regex(SINGLE_LINE, { error: CONTROL_ERROR });
}

/** A note for the audit trail: optional text, empty when not given. */
export const note = multiLineText(2000, { min: 0 });

export const email = z.email().max(254);

/** Lower-case slug ids: `titan`, `cyber`, `greater-manchester`. */
export const slugId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a lower-case slug (letters, digits and hyphens)' });

/** Generated ids: `off_lx2k9a7d3m4q…`. */
export const entityId = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z]+_[0-9a-z]+$/, { error: 'is not a valid id' });

/** A calendar day a client sends, `YYYY-MM-DD`, in the service's range (domain/date-range.ts). */
export const isoDate = z.iso
  .date({ error: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isDateInRange, { error: `must be a date ${DATE_RANGE_TEXT}` });
/**
 * A date as the service shows it back: `YYYY-MM-DD`, the format only. Every
 * date written is in range (isoDate and the date arithmetic see to that);
 * a response does not re-check the range, so a record written before the
 * range existed still reads, and no list can be broken by one record's date.
 */
export const storedDate = z.iso.date();
export const timestamp = z.iso.datetime();

export const vettingLevel = z.enum(VETTING_LEVELS);
export const pipLevel = z
  .number()
  .int()
  .refine((n) => (PIP_LEVELS as readonly number[]).includes(n), { error: 'must be a PIP level from 0 (none) to 4' })
  .transform((n) => n as (typeof PIP_LEVELS)[number]);
export const region = z.enum(REGIONS);
export const version = z.number().int().min(0);

/** The opaque cursor of a list: base64url, as the list issued it (its contents are checked when decoded). */
export const cursor = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, { error: 'is not a cursor this service issued' })
  .describe('The `cursor` of the previous page.');

/** `?limit=&cursor=` on every list. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: cursor.optional(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z.string().optional().describe('Pass back as `cursor` for the next page; absent on the last page.'),
  });
}

export const errorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.record(z.string(), z.unknown())),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });
