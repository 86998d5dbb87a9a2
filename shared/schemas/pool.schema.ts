import * as z from 'zod';
import { cursor, entityId, multiLineText, pageQuery, slugId, storedDate, vettingLevel } from './common.schema';

/** Requests and responses of the candidate pool (BRIEF.md "Recruitment campaigns"). */

export const markAppointableBody = z.strictObject({
  appointable: z
    .boolean()
    .describe('`true`: the panel found the candidate appointable. `false` takes the mark back, and the candidate out of the pool.'),
  note: multiLineText(1000).optional().describe('Why, for the audit trail.'),
});

export const poolConsentBody = z.strictObject({
  consent: z
    .boolean()
    .describe('`true`: share me with the organisations that ran this campaign, for their other campaigns for the same capability. `false`: take me out.'),
});

export const candidatePoolParams = z.strictObject({ id: entityId.describe('The campaign you are recruiting for.') });

export const candidatePoolQuery = z.strictObject({
  // Smaller than other lists: each page costs a BatchGetItem of two keys per officer on it.
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: cursor.optional(),
});

/** What a recruiter sees of a pooled candidate: a summary taken when they consented, nothing else of the officer record. */
export const poolEntry = z
  .object({
    entryId: entityId.describe('Names the entry when inviting (the source application’s id).'),
    officerId: entityId,
    officerName: z.string(),
    homeOrgId: slugId,
    vetting: vettingLevel,
    pipLevel: z.number().int(),
    capabilityId: slugId,
    sourceCampaignId: entityId,
    sourceCampaignTitle: z.string(),
    sourceOrgIds: z.array(slugId).describe('The source campaign’s owner and partners: who the candidate agreed to be shared with.'),
    pooledAt: z.string(),
    invitedAt: z.string().nullable().describe('When this campaign invited the candidate, if it has.'),
  })
  .meta({ id: 'PoolEntry' });
export type PoolEntryView = z.infer<typeof poolEntry>;

export const inviteCandidateBody = z.strictObject({
  entryId: entityId.describe('A candidate of this campaign’s pool.'),
  message: multiLineText(2000).optional().describe('A few words to the officer.'),
});

/** The invitation as the inviting HR lead sees it. */
export const poolInvitation = z
  .object({
    campaignId: entityId,
    campaignTitle: z.string(),
    capabilityId: slugId,
    closesOn: storedDate,
    officerId: entityId,
    officerName: z.string(),
    entryId: entityId,
    invitingOrgId: slugId,
    invitedBy: z.string(),
    invitedAt: z.string(),
    message: z.string().nullable(),
  })
  .meta({ id: 'PoolInvitation' });
export type PoolInvitation = z.infer<typeof poolInvitation>;

/** The invitation as the officer sees it: which campaign, who invites, when. */
export const myInvitation = z
  .object({
    campaignId: entityId,
    campaignTitle: z.string(),
    capabilityId: slugId,
    closesOn: storedDate,
    invitingOrgId: slugId,
    invitedAt: z.string(),
    message: z.string().nullable(),
  })
  .meta({ id: 'MyInvitation' });

export const listMyInvitationsQuery = pageQuery;
