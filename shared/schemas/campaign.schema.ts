import * as z from 'zod';
import { LEVELS } from '../domain/capability-level';
import type { Ready } from '../domain/campaign-readiness';
import { CAMPAIGN_STATUSES, MAX_PARTNER_ORGS, MAX_SOURCE_CAPS } from '../domain/campaign-rules';
import { entityId, isoDate, multiLineText, note, pageQuery, pipLevel, region, singleLineText, slugId, vettingLevel, version } from './common.schema';

/**
 * The role profile as a client sets it. Any field may be left out, or cleared
 * with null (a list with []), while the campaign is a draft; publishing needs
 * them all, and a campaign past its draft keeps them all.
 */
export const roleProfileInput = z
  .strictObject({
    jobDescription: multiLineText(10_000).nullable(),
    terms: multiLineText(5_000).nullable().describe('Terms and conditions'),
    grade: singleLineText(60).nullable(),
    salaryBand: singleLineText(60).nullable(),
    vetting: vettingLevel.nullable().describe('Minimum vetting level'),
    minPipLevel: pipLevel,
    locations: z.array(singleLineText(120)).max(20),
  })
  .partial();

const allocation = z.strictObject({ orgId: slugId, posts: z.number().int().min(0).max(1000) });

/**
 * The fields of a campaign as a client sets them, once: creating takes them
 * all (with defaults), editing any of them (the capability and the owner stay
 * as created). The rules between fields (dates in order, allocations adding
 * up, partners that exist) are checked for both by the same function
 * (use-cases/campaign-checks.ts).
 */
const campaignFields = {
  title: singleLineText(200),
  capabilityId: slugId,
  ownerOrgId: slugId,
  partnerOrgIds: z
    .array(slugId)
    .max(MAX_PARTNER_ORGS)
    .describe(`Up to ${MAX_PARTNER_ORGS} partner organisations co-manage a joint campaign.`),
  regions: z.array(region).max(10).describe('Empty, like every field but the title and capability, only while the campaign is a draft.'),
  posts: z.number().int().min(1).max(1000).nullable().describe('Null (or left out) only while the campaign is a draft; so for the dates and the role profile.'),
  allocations: z.array(allocation).max(MAX_PARTNER_ORGS + 1).describe('Posts per organisation of a joint campaign; must add up to posts.'),
  opensOn: isoDate.nullable(),
  closesOn: isoDate.nullable(),
  maxAppointmentsPerSource: z.number().int().min(0).max(1000).nullable().describe('No more offers than this to officers from any one ROCU.'),
  roleProfile: roleProfileInput,
};

/**
 * A new campaign is a draft, and a draft needs only its title and capability:
 * the rest can be added by editing it, and publishing refuses it until all is
 * there (`missingForPublish` on the campaign says what is left).
 */
export const createCampaignBody = z
  .strictObject({
    ...campaignFields,
    partnerOrgIds: campaignFields.partnerOrgIds.default([]),
    regions: campaignFields.regions.optional(),
    posts: campaignFields.posts.optional(),
    allocations: campaignFields.allocations.default([]),
    opensOn: campaignFields.opensOn.optional(),
    closesOn: campaignFields.closesOn.optional(),
    maxAppointmentsPerSource: campaignFields.maxAppointmentsPerSource.default(null),
    roleProfile: roleProfileInput.optional(),
  })
  .describe('A draft needs only a title and a capability; every other field can be added later, and must be there before the campaign is published.');
export type CreateCampaignInput = z.infer<typeof createCampaignBody>;

export const patchCampaignBody = z.strictObject({
  title: campaignFields.title.optional(),
  partnerOrgIds: campaignFields.partnerOrgIds.optional().describe('Only while the campaign is a draft.'),
  regions: campaignFields.regions.optional(),
  posts: campaignFields.posts.optional(),
  allocations: campaignFields.allocations.optional(),
  opensOn: campaignFields.opensOn.optional(),
  closesOn: campaignFields.closesOn.optional(),
  maxAppointmentsPerSource: campaignFields.maxAppointmentsPerSource.optional(),
  sourceCaps: z
    .record(slugId, z.number().int().min(0).max(1000).nullable())
    .refine((caps) => Object.keys(caps).length <= MAX_SOURCE_CAPS, { error: `At most ${MAX_SOURCE_CAPS} organisations' caps in one edit.` })
    .optional()
    .describe(
      'Caps on offers to officers from single ROCUs, each tighter than maxAppointmentsPerSource for that ROCU alone (the cap a ROCU head asked for, say): each organisation named gets the cap given, or loses its cap with null; others keep theirs. A cap a ROCC imposed may be lowered, not raised or removed (409).',
    ),
  roleProfile: roleProfileInput.optional(),
  version: version.optional().describe('The version you read (or send it as If-Match).'),
});
export type PatchCampaignInput = z.infer<typeof patchCampaignBody>;

export const consultationEntry = z.object({
  alertId: z.string(),
  level: z.enum(LEVELS),
  status: z.string(),
  requestedCap: z.number().int().nullable(),
  outcome: z.string().nullable(),
  teams: z
    .array(z.object({ capabilityId: z.string(), worstCase: z.number().int(), level: z.enum(LEVELS) }))
    .optional()
    .describe('The risk the alert asked about, per team: an answer covers only that. An edit that makes any of them worse, or a new blocking team, reopens consultation.'),
});

export const campaign = z
  .object({
    id: entityId,
    title: z.string(),
    capabilityId: slugId,
    ownerOrgId: slugId,
    partnerOrgIds: z.array(slugId),
    regions: z.array(z.string()).describe('Empty only in a draft not yet complete.'),
    posts: z.number().int().nullable().describe('Null only in a draft not yet complete; so for opensOn, closesOn and the role profile’s fields.'),
    allocations: z.array(z.object({ orgId: z.string(), posts: z.number().int() })),
    opensOn: z.string().nullable(),
    closesOn: z.string().nullable(),
    maxAppointmentsPerSource: z.number().int().nullable(),
    sourceCaps: z.record(z.string(), z.number().int()).describe('Caps on offers to officers from single ROCUs: set by the HR lead (the cap a ROCU head asked for) or imposed by a ROCC upholding an objection.'),
    roleProfile: z.object({
      jobDescription: z.string().nullable(),
      terms: z.string().nullable(),
      grade: z.string().nullable(),
      salaryBand: z.string().nullable(),
      vetting: vettingLevel.nullable(),
      minPipLevel: z.number().int(),
      locations: z.array(z.string()),
    }),
    status: z.enum(CAMPAIGN_STATUSES),
    consultation: z.record(z.string(), consultationEntry).describe('Per affected ROCU: its campaign-impact alert and where it stands.'),
    coordination: z.array(z.object({ campaignId: z.string(), title: z.string(), ownerOrgId: z.string() })).describe('Overlapping campaigns for the same capability and region.'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    publishedAt: z.string().nullable(),
  });
/** A campaign as stored and as the use cases pass it around; the API shows `campaignView`. */
export type Campaign = z.infer<typeof campaign>;
/** A campaign with every field there: any campaign past its draft (`ready()` in domain/campaign-readiness.ts). */
export type ReadyCampaign = Ready<Campaign>;

/** What the API adds to a campaign on the way out, from the date it is read on. */
const applicationWindow = {
  takingApplications: z
    .boolean()
    .describe(
      'Officers can apply today: the campaign is open and today is between opensOn and closesOn (both included). An open campaign whose opensOn is still ahead is published but not yet taking applications; after closesOn it is closed to them even before the closing job marks it closed.',
    ),
};

export const campaignView = campaign
  .extend({
    ...applicationWindow,
    missingForPublish: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .describe('What the campaign still needs before it can be published, in the order of the form; empty once it is complete.'),
  })
  .meta({ id: 'Campaign' });
export type CampaignView = z.infer<typeof campaignView>;

export const campaignParams = z.strictObject({ id: entityId });

export const listCampaignsQuery = pageQuery.extend({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  capabilityId: slugId.optional(),
  orgId: slugId.optional().describe('Campaigns this organisation owns or is a partner in.'),
});

export const impactRow = z.object({
  orgId: z.string(),
  capabilityId: z
    .string()
    .describe('The team: the campaign’s capability, or another one its eligible holders in this ROCU also hold (the campaign puts that team at risk too).'),
  strength: z.number().int(),
  minimum: z.number().int(),
  committedOut: z.number().int(),
  projected: z.number().int(),
  eligibleHolders: z.number().int(),
  cap: z.number().int().nullable(),
  posts: z.number().int().describe('Posts that could take this ROCU’s officers: all but its own allocation.'),
  exposure: z.number().int(),
  worstCase: z.number().int(),
  level: z.enum(LEVELS),
});

export const impactAssessment = z
  .object({ campaignId: z.string(), capabilityId: z.string(), rows: z.array(impactRow), worstLevel: z.enum(LEVELS) })
  .meta({ id: 'ImpactAssessment' });

export const campaignSummary = campaign.pick({ id: true, title: true, capabilityId: true, ownerOrgId: true, status: true, opensOn: true, closesOn: true, posts: true, regions: true });
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignSummaryView = campaignSummary.extend(applicationWindow).meta({ id: 'CampaignSummary' });
export type CampaignSummaryView = z.infer<typeof campaignSummaryView>;

export const publishResult = z
  .object({
    campaign: campaignView,
    raisedAlertIds: z.array(z.string()).describe('Alerts this publication raised.'),
    outstanding: z.array(z.object({ orgId: z.string(), alertId: z.string(), status: z.string() })).describe('Alerts still holding the campaign in consultation.'),
  })
  .meta({ id: 'PublishResult' });

export const impactPreviewBody = z.strictObject({
  capabilityId: slugId,
  ownerOrgId: slugId.optional().describe('Defaults to your organisation.'),
  posts: z.number().int().min(1).max(1000),
  allocations: z.array(allocation).max(MAX_PARTNER_ORGS + 1).default([]).describe('Posts per organisation of a joint campaign.'),
  maxAppointmentsPerSource: z.number().int().min(0).max(1000).nullable().default(null),
  roleProfile: z.strictObject({ vetting: vettingLevel, minPipLevel: pipLevel.default(0) }),
});

export const endCampaignBody = z.strictObject({ note: note.default('') });
