import * as z from 'zod';
import { REGIONS } from '../domain/reference';
import { email, version } from './common.schema';

const KINDS = ['rocu-head', 'hr-lead', 'rocc'] as const;

export const contact = z
  .object({
    audience: z.string().describe('The inbox it serves: `rocu-head:<rocu>`, `hr-lead:<organisation>` or `rocc:<region>`.'),
    kind: z.enum(KINDS),
    orgId: z.string().nullable().describe('The organisation, for a ROCU head or an HR lead; null for a ROCC.'),
    region: z.enum(REGIONS).nullable().describe('The region, for a ROCC; null otherwise.'),
    emails: z.array(z.string()).describe('Who is emailed; empty: nobody is.'),
    version: z.number().int().describe('0 while nobody has set it.'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contact>;

export const contactParams = z.strictObject({
  audience: z
    .string()
    .max(80)
    .regex(/^(?:rocu-head|hr-lead|rocc):[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'is rocu-head:<rocu>, hr-lead:<organisation> or rocc:<region>' }),
});

export const putContactBody = z.strictObject({
  emails: z
    .array(email.trim().toLowerCase())
    .max(20, { error: 'at most 20 addresses' })
    .refine((list) => new Set(list).size === list.length, { error: 'lists an address twice' })
    .describe('The addresses to email for this inbox (replacing those there); an empty list emails nobody.'),
  version: version.optional().describe('The version you read (0 for one nobody has set), or send it as If-Match.'),
});
