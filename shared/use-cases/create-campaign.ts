import { actorOf } from '../data/audit.repository';
import { createCampaign } from '../data/campaign.repository';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import { newId, nowIso } from '../ids';
import type { Campaign, CreateCampaignInput } from '../schemas/campaign.schema';
import { campaignChecks } from './campaign-checks';

/**
 * Draft a campaign. Primary course: the owner is the caller's organisation;
 * only the title and capability are needed (the rest may follow by edits, and
 * publishing asks for it);
 * the rules a recruiter expects are checked (dates, allocations, partners);
 * the capability and every organisation named are checked inside the same
 * transaction that writes the draft and its membership copies (campaignChecks,
 * which an edit runs too).
 */
export async function draftCampaign(identity: Identity, input: CreateCampaignInput): Promise<Campaign> {
  if (input.ownerOrgId !== identity.org) {
    throw new ForbiddenError(`You can draft campaigns only for your own organisation (${identity.org}); add others as partners.`);
  }
  const now = nowIso();
  const campaign: Campaign = {
    id: newId('cmp'),
    title: input.title,
    capabilityId: input.capabilityId,
    ownerOrgId: input.ownerOrgId,
    partnerOrgIds: input.partnerOrgIds,
    regions: input.regions ?? [],
    posts: input.posts ?? null,
    allocations: input.allocations,
    opensOn: input.opensOn ?? null,
    closesOn: input.closesOn ?? null,
    maxAppointmentsPerSource: input.maxAppointmentsPerSource,
    sourceCaps: {},
    roleProfile: {
      jobDescription: input.roleProfile?.jobDescription ?? null,
      terms: input.roleProfile?.terms ?? null,
      grade: input.roleProfile?.grade ?? null,
      salaryBand: input.roleProfile?.salaryBand ?? null,
      vetting: input.roleProfile?.vetting ?? null,
      minPipLevel: input.roleProfile?.minPipLevel ?? 0,
      locations: input.roleProfile?.locations ?? [],
    },
    status: 'draft',
    consultation: {},
    coordination: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
  return createCampaign(campaign, actorOf(identity), campaignChecks(campaign));
}
