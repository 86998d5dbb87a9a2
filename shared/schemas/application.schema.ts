import * as z from 'zod';
import { APPLICATION_STATUSES } from '../domain/application-rules';
import { entityId, isoDate, multiLineText, pageQuery, slugId, storedDate } from './common.schema';

export const historyEntry = z.object({
  status: z.enum(APPLICATION_STATUSES),
  at: z.string(),
  by: z.string().describe('Who made the change (their user id).'),
  org: z.string().describe('Their organisation.'),
  note: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const application = z
  .object({
    id: entityId,
    applicationType: z.literal('campaign').describe('Campaign applications and (later) secondment applications share the applicant’s list.'),
    campaignId: entityId,
    campaignTitle: z.string(),
    capabilityId: slugId,
    ownerOrgId: slugId,
    officerId: entityId,
    officerName: z.string(),
    homeOrgId: slugId.describe('The unit the applicant serves in when they applied (their home organisation, or the unit a posting has them in): the unit their leaving depletes, whose gate and ROCU head decide.'),
    statement: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    requestedStartDate: storedDate.nullable().describe('The start date the offer asked for.'),
    startDate: storedDate.nullable().describe('The start date in force: the requested one, or the release date a ROCU head deferred it to.'),
    releaseDate: storedDate.nullable().describe('When the home ROCU releases the officer (a gated offer, once decided).'),
    releaseDecision: z.enum(['released', 'deferred']).nullable(),
    alertId: z.string().nullable().describe('The offer-release alert of a gated offer.'),
    allocationOrgId: slugId
      .nullable()
      .optional()
      .describe('The organisation whose allocation of posts the offer fills (the owner or a partner of a joint campaign); the appointee moves there, or stays if it is their own.'),
    latestReleaseDate: isoDate
      .nullable()
      .default(null)
      .optional()
      .describe(
        'While awaiting-release: the latest date the offer is released on, whatever the ROCU head and the ROCC decide or leave undecided (the requested start plus 90 days). Null otherwise.',
      ),
    // Optional in the type, so code building a new application need not name them; the default
    // still puts them in every response (false for an application written before the pool existed).
    appointable: z.boolean().default(false).optional().describe('The campaign’s HR lead found the candidate appointable (candidate pool).'),
    poolConsent: z.boolean().default(false).optional().describe('The applicant agreed to be shared into the candidate pool.'),
    history: z.array(historyEntry),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Application' });
export type Application = z.infer<typeof application>;

export const campaignApplicationsParams = z.strictObject({ id: entityId });
export const applicationParams = z.strictObject({ id: entityId });

export const applyBody = z.strictObject({
  statement: multiLineText(5000).min(1, { error: 'tell the panel why you are applying' }),
});

export const offerBody = z.strictObject({
  startDate: isoDate.describe('The start date offered (not in the past). A ROCU head may defer it by up to 90 days.'),
  allocationOrgId: slugId
    .optional()
    .describe('The allocation the offer fills: the owner (the default) or a partner with posts in a joint campaign. Offers per allocation never exceed its posts.'),
});

export const listCampaignApplicationsQuery = pageQuery.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
});

export const listMyApplicationsQuery = pageQuery.extend({
  type: z.enum(['campaign', 'secondment']).optional().describe('Only campaign or only secondment applications.'),
});
