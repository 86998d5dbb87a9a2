import { actorOf } from '../data/audit.repository';
import { createCampaign } from '../data/campaign.repository';
import { capabilityExists } from '../data/capability.repository';
import { organisationExists } from '../data/organisation.repository';
import { campaignViolations } from '../domain/campaign-rules';
import { ForbiddenError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import { newId, nowIso } from '../ids';
import type { Campaign, CreateCampaignInput } from '../schemas/campaign.schema';

/**
 * Draft a campaign. Primary course: the owner is the caller's organisation;
 * the rules a recruiter expects are checked (dates, allocations, partners);
 * the capability and every organisation named are checked inside the same
 * transaction that writes the draft and its membership copies.
 */
export async function draftCampaign(identity: Identity, input: CreateCampaignInput): Promise<Campaign> {
  if (input.ownerOrgId !== identity.org) {
    throw new ForbiddenError(`You can draft campaigns only for your own organisation (${identity.org}); add others as partners.`);
  }
  const violations = campaignViolations({ ...input });
  if (violations.length) throw new ValidationError('The campaign is not valid.', violations);
  const now = nowIso();
  const campaign: Campaign = {
    id: newId('cmp'),
    title: input.title,
    capabilityId: input.capabilityId,
    ownerOrgId: input.ownerOrgId,
    partnerOrgIds: input.partnerOrgIds,
    regions: input.regions,
    posts: input.posts,
    allocations: input.allocations,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    maxAppointmentsPerSource: input.maxAppointmentsPerSource,
    sourceCaps: {},
    roleProfile: input.roleProfile,
    status: 'draft',
    consultation: {},
    coordination: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  const unknownOrg = (field: string, orgId: string) => () =>
    new ValidationError(`No organisation "${orgId}".`, [{ field, message: `unknown organisation ${orgId}` }]);
  return createCampaign(campaign, actorOf(identity), [
    capabilityExists(campaign.capabilityId, () =>
      new ValidationError(`No capability "${campaign.capabilityId}".`, [{ field: 'capabilityId', message: 'unknown capability' }]),
    ),
    ...campaign.partnerOrgIds.map((orgId) => organisationExists(orgId, unknownOrg('partnerOrgIds', orgId))),
  ]);
}
