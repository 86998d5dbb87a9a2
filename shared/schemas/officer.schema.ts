import * as z from 'zod';
import { OFFICER_STATUSES } from '../domain/reference';
import { email, entityId, isoDate, note, pageQuery, pipLevel, region, singleLineText, slugId, storedDate, version, vettingLevel } from './common.schema';

const name = singleLineText(120);
const staffNumber = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9-]+$/, { error: 'letters, digits and hyphens only' });
// The officer change that writes most swaps every capability for others: 30 baselines left, 30 joined and 30
// capabilities checked, with the officer, PIP pipeline shards and audit entry, is 94 writes of one transaction's 100.
const capabilities = z
  .array(slugId)
  .max(30)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'lists a capability twice' });

export const officerCommitment = z
  .object({
    kind: z.enum(['move', 'secondment']),
    applicationId: entityId,
    title: z.string(),
    fromOrgId: slugId.describe('The unit the officer leaves: every team of it they count in has them in `committedOut`.'),
    toOrgId: slugId,
    startDate: storedDate,
    endDate: storedDate.nullable().describe('The day a secondment ends; null for a permanent move.'),
  })
  .meta({ id: 'OfficerCommitment' });
/** A move to another organisation, proposed by the home's HR lead and waiting for the receiving HR lead. */
export const pendingTransfer = z
  .object({
    fromOrgId: slugId.describe('The home organisation that proposed it.'),
    toOrgId: slugId.describe('The organisation receiving the officer; its HR lead accepts or declines.'),
    proposedBy: z.string().describe('Who proposed it (their user id).'),
    proposedAt: z.string(),
    note: z.string(),
  })
  .meta({ id: 'PendingTransfer' });
export type PendingTransfer = z.infer<typeof pendingTransfer>;

export const officer = z
  .object({
    id: entityId,
    name: z.string(),
    staffNumber: z.string().nullable().describe('The home organisation’s own reference; unique within it.'),
    email: z.string().nullable(),
    homeOrgId: slugId.describe('The employer: a force, a ROCU or the NCA.'),
    servingOrgId: slugId
      .nullable()
      .default(null)
      .optional()
      .describe('The unit a fixed-term posting has the officer serve in; they count in its teams (strength, committedOut) until `servingUntil`. Null: they serve at home. That unit’s HR lead keeps the record.'),
    servingUntil: storedDate
      .nullable()
      .default(null)
      .optional()
      .describe('The day the posting ends: from that day the officer serves at home again (the officer job moves them, counters and all).'),
    leavingOn: storedDate
      .nullable()
      .default(null)
      .optional()
      .describe('A known leaving date (retirement, resignation, end of contract): on that day the officer job marks them `left`.'),
    capabilities: z.array(slugId).describe('Capabilities held as active accreditations.'),
    vetting: vettingLevel,
    vettingExpiresOn: storedDate.nullable(),
    pipLevel: z.number().int(),
    region,
    status: z.enum(OFFICER_STATUSES),
    commitments: z
      .array(officerCommitment)
      .optional()
      .describe('Live commitments elsewhere (an accepted move, a confirmed outbound secondment). One person leaving is one commitment: overlapping ones are refused.'),
    // Optional in the type, so code building an officer need not name it; the default still puts it in every response.
    pendingTransfer: pendingTransfer
      .nullable()
      .default(null)
      .optional()
      .describe('A transfer to another organisation awaiting that organisation’s HR lead; null when none.'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Officer' });
export type Officer = z.infer<typeof officer>;

export const createOfficerBody = z.strictObject({
  name,
  homeOrgId: slugId.describe('The employer. Your own organisation, or (with `servingOrgId` your own) the force or unit an officer posted into yours comes from.'),
  servingOrgId: slugId
    .optional()
    .describe('Your own organisation, for an officer of another organisation posted into yours (you keep their record); leave out for one serving at home. A home organisation cannot post its officers into another unit (403).'),
  servingUntil: isoDate.optional().describe('The posting’s end date, after today; required with `servingOrgId`.'),
  leavingOn: isoDate.optional().describe('A known leaving date, today or later.'),
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
    homeOrgId: slugId
      .optional()
      .describe('The home organisation as it is (another one is refused with 403: a move between organisations is a transfer, `POST /v1/officers/{officerId}/transfer`, which the receiving HR lead accepts).'),
    capabilities: capabilities.optional(),
    vetting: vettingLevel.optional(),
    vettingExpiresOn: isoDate.nullable().optional(),
    pipLevel: pipLevel.optional(),
    region: region.optional(),
    servingOrgId: slugId
      .nullable()
      .optional()
      .describe('null ends the posting now (the officer returns to their home’s teams and record keeper); another unit is refused (403: a posting is recorded by the unit the officer serves in).'),
    servingUntil: isoDate.optional().describe('Move the posting’s end date (after today; `POST /v1/officers/{officerId}/posting/extend` records an extension with a note).'),
    leavingOn: isoDate.nullable().optional().describe('A known leaving date (today or later), or null to clear it; refused (409) before a live commitment has run its course.'),
    status: z.enum(OFFICER_STATUSES).optional().describe('`left`: the officer has left the service and stops counting.'),
    email: email.nullable().optional(),
    version: version.optional().describe('The version you read (or send it as If-Match).'),
  });

export const officerParams = z.strictObject({ officerId: entityId });

export const extendPostingBody = z.strictObject({
  servingUntil: isoDate.describe('The posting’s new end date: later than the current one.'),
  note: note.default('').describe('Why, for the audit trail.'),
  version: version.optional().describe('The officer record version you read (or send it as If-Match).'),
});

export const listOfficersQuery = pageQuery.extend({
  orgId: slugId.optional().describe('The organisation whose officers to list: those serving in it (its own at home and those posted into it); defaults to your own.'),
  capabilityId: slugId.optional().describe('Officers holding this capability.'),
  status: z.enum(OFFICER_STATUSES).optional(),
  name: singleLineText(120).optional().describe('Part of the name, in any case: `smith` finds Jo Smith and Sam Smithson.'),
  staffNumber: staffNumber.optional().describe('Exactly this staff number (any case); the list then holds that officer or nobody.'),
  vettingExpiresBefore: isoDate.optional().describe('Officers whose vetting runs out before this day (officers with no expiry recorded are left out).'),
});

export const proposeTransferBody = z.strictObject({
  toOrgId: slugId.describe('The organisation the officer moves to; its HR lead accepts or declines.'),
  note: note.default('').describe('Why, for the receiving HR lead and the audit trail.'),
  version: version.optional().describe('The officer record version you read (or send it as If-Match).'),
});

export const transferDecisionBody = z.strictObject({
  decision: z.enum(['accept', 'decline']).describe('`accept`: the officer moves to your organisation now, counters and all. `decline`: the transfer is dropped.'),
  note: note.default(''),
  version: version
    .optional()
    .describe('Optional: the officer record version you read (or send it as If-Match), so you accept exactly the record you saw.'),
});

export const cancelTransferBody = z.strictObject({ note: note.default('') });

export const incomingTransfersParams = z.strictObject({ orgId: slugId });
export const listIncomingTransfersQuery = pageQuery;

export const importResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
    officers: z
      .array(
        z.object({
          row: z.number().int(),
          id: entityId,
          name: z.string(),
          staffNumber: z.string(),
          outcome: z.enum(['created', 'updated']),
        }),
      )
      .describe('The officers this import created or changed, in row order, to open their records (unchanged rows are not listed).'),
  })
  .meta({ id: 'ImportResult' });
