import * as z from 'zod';
import { DATE_RANGE_TEXT, isDateInRange } from '../domain/date-range';
import { PIP_LEVELS, REGIONS, VETTING_LEVELS } from '../domain/reference';

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

/** A calendar day, `YYYY-MM-DD`, in the service's range (domain/date-range.ts), requests and responses alike. */
export const isoDate = z.iso
  .date({ error: 'must be a date as YYYY-MM-DD', abort: true })
  .refine(isDateInRange, { error: `must be a date ${DATE_RANGE_TEXT}` });
export const timestamp = z.iso.datetime();

export const vettingLevel = z.enum(VETTING_LEVELS);
export const pipLevel = z
  .number()
  .int()
  .refine((n) => (PIP_LEVELS as readonly number[]).includes(n), { error: 'must be a PIP level from 0 (none) to 4' })
  .transform((n) => n as (typeof PIP_LEVELS)[number]);
export const region = z.enum(REGIONS);
export const version = z.number().int().min(0);

/** `?limit=&cursor=` on every list. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
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
