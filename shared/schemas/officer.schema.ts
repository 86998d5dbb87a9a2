import * as z from 'zod';
import { OFFICER_STATUSES } from '../domain/reference';
import { email, entityId, isoDate, pageQuery, pipLevel, region, singleLineText, slugId, vettingLevel, version } from './common.schema';

const name = singleLineText(120);
const staffNumber = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, { error: 'letters, digits and hyphens only' });
const capabilities = z
  .array(slugId)
  .max(30)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'lists a capability twice' });

export const officer = z
  .object({
    id: entityId,
    name: z.string(),
    staffNumber: z.string().nullable().describe('The home organisation’s own reference; unique within it.'),
    email: z.string().nullable(),
    homeOrgId: slugId,
    capabilities: z.array(slugId).describe('Capabilities held as active accreditations.'),
    vetting: vettingLevel,
    vettingExpiresOn: isoDate.nullable(),
    pipLevel: z.number().int(),
    region,
    status: z.enum(OFFICER_STATUSES),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Officer' });
export type Officer = z.infer<typeof officer>;

export const createOfficerBody = z.strictObject({
  name,
  homeOrgId: slugId,
  capabilities: capabilities.default([]),
  vetting: vettingLevel,
  vettingExpiresOn: isoDate.optional(),
  pipLevel: pipLevel.default(0),
  region,
  staffNumber: staffNumber.optional(),
  email: email.optional(),
});
export type CreateOfficerInput = z.infer<typeof createOfficerBody>;

export const patchOfficerBody = z
  .strictObject({
    name: name.optional(),
    homeOrgId: slugId.optional().describe('Moving home: the officer stops counting in the old unit and counts in the new.'),
    capabilities: capabilities.optional(),
    vetting: vettingLevel.optional(),
    vettingExpiresOn: isoDate.nullable().optional(),
    pipLevel: pipLevel.optional(),
    region: region.optional(),
    status: z.enum(OFFICER_STATUSES).optional().describe('`left`: the officer has left the service and stops counting.'),
    email: email.nullable().optional(),
    version: version.optional().describe('The version you read (or send it as If-Match).'),
  });
export type PatchOfficerInput = z.infer<typeof patchOfficerBody>;

export const officerParams = z.strictObject({ officerId: entityId });

export const listOfficersQuery = pageQuery.extend({
  orgId: slugId.optional().describe('Home organisation; defaults to your own.'),
  capabilityId: slugId.optional(),
  status: z.enum(OFFICER_STATUSES).optional(),
});

export const importResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'ImportResult' });
