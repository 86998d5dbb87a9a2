import * as z from 'zod';
import { SECONDMENT_STATUSES } from '../domain/secondment-rules';
import { entityId, isoDate, multiLineText, note, pageQuery, slugId, storedDate } from './common.schema';

export const secondmentHistoryEntry = z.object({
  status: z.enum(SECONDMENT_STATUSES),
  at: z.string(),
  by: z.string().describe('Who made the change (their user id).'),
  org: z.string().describe('Their organisation.'),
  note: z.string().optional(),
});
export type SecondmentHistoryEntry = z.infer<typeof secondmentHistoryEntry>;

export const homeDecisionRecord = z.object({
  decision: z.enum(['approve', 'decline']),
  by: z.string(),
  role: z.enum(['rocu-head', 'hr-lead']),
  at: z.string(),
  note: z.string(),
  release: z.boolean().describe('The ROCU head’s approval: a release decision, which covers a secondment taking the team below its minimum.'),
});
export type HomeDecisionRecord = z.infer<typeof homeDecisionRecord>;

export const hostDecisionRecord = z.object({
  decision: z.enum(['accept', 'decline']),
  by: z.string(),
  at: z.string(),
  note: z.string(),
});
export type HostDecisionRecord = z.infer<typeof hostDecisionRecord>;

export const pendingExtension = z.object({
  endDate: storedDate.describe('The proposed new end date.'),
  previousEndDate: storedDate,
  proposedBy: z.string(),
  side: z.enum(['host', 'home']).describe('Who proposed it; the other side decides.'),
  proposedAt: z.string(),
  note: z.string(),
});
export type PendingExtension = z.infer<typeof pendingExtension>;

export const extensionRecord = pendingExtension.extend({
  decision: z.enum(['approve', 'decline']),
  decidedBy: z.string(),
  decidedAt: z.string(),
  decisionNote: z.string(),
});
export type ExtensionRecord = z.infer<typeof extensionRecord>;

export const secondmentApplication = z
  .object({
    id: entityId,
    applicationType: z.literal('secondment').describe('Shares the applicant’s application list with campaign applications.'),
    placementId: entityId,
    placementTitle: z.string(),
    hostOrgId: slugId,
    capabilityId: slugId,
    startDate: storedDate,
    endDate: storedDate,
    officerId: entityId,
    officerName: z.string(),
    homeOrgId: slugId.describe('The unit the applicant serves in when they applied (their home organisation, or the unit a posting has them in): it approves at home, through its capability gate.'),
    statement: z.string(),
    status: z.enum(SECONDMENT_STATUSES),
    homeDecision: homeDecisionRecord.nullable(),
    hostDecision: hostDecisionRecord.nullable(),
    history: z.array(secondmentHistoryEntry),
    pendingExtension: pendingExtension.nullable().describe('A new end date proposed by one side, awaiting the other’s decision.'),
    extensions: z.array(extensionRecord).describe('Extensions decided so far, oldest first; an approved one set `endDate`.'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SecondmentApplication' });
export type SecondmentApplication = z.infer<typeof secondmentApplication>;

export const secondmentParams = z.strictObject({ id: entityId });

export const applyToPlacementBody = z.strictObject({
  statement: multiLineText(5000).min(1, { error: 'tell the host why you are applying' }),
});

export const homeDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  note: note.default('').describe('Your reasons; kept in the audit trail.'),
});

export const hostDecisionBody = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  note: note.default(''),
});

export const listPlacementApplicationsQuery = pageQuery.extend({
  status: z.enum(SECONDMENT_STATUSES).optional(),
});

export const listMySecondmentApplicationsQuery = pageQuery;

/** Optional on completing: the body may be left out. */
export const completeSecondmentBody = z.strictObject({ note: note.default('') });

export const proposeExtensionBody = z.strictObject({
  endDate: isoDate.describe('The new end date: after the current one, at most 24 months after the start.'),
  note: note.default(''),
});

export const extensionDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  note: note.default(''),
});

export const listHomeSecondmentApplicationsQuery = pageQuery.extend({
  status: z.enum(SECONDMENT_STATUSES).optional().describe('`submitted`: those awaiting your home decision.'),
});

export const homeSecondmentsParams = z.strictObject({ orgId: slugId });
