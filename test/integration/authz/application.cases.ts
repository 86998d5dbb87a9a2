import { SYSTEM_ACTOR } from '../../../shared/data/audit.repository';
import { createCampaign } from '../../../shared/data/campaign.repository';
import { newId, nowIso } from '../../../shared/ids';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import { as, users, type Claims } from '../support/api';
import { applyingNow } from '../support/campaigns';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

function titanCampaign(status: Campaign['status']): Campaign {
  const now = nowIso();
  return {
    id: newId('cmp'),
    title: `TITAN ${status} campaign`,
    capabilityId: 'cyber',
    ownerOrgId: 'titan',
    partnerOrgIds: [],
    regions: ['north-west'],
    posts: 2,
    allocations: [],
    ...applyingNow(),
    maxAppointmentsPerSource: null,
    sourceCaps: {},
    roleProfile: { jobDescription: 'x', terms: 'x', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 2, locations: ['Manchester'] },
    status,
    consultation: {},
    coordination: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: status === 'draft' ? null : now,
  };
}

/**
 * A TITAN draft and a TITAN open campaign with one application from a TITAN
 * officer. The officers hold no cyber accreditation, so TITAN's cyber counters
 * (which the campaign cases rely on) are untouched.
 */
export const buildCases: CaseBuilder = async () => {
  const [draft, open] = await Promise.all([createCampaign(titanCampaign('draft'), SYSTEM_ACTOR), createCampaign(titanCampaign('open'), SYSTEM_ACTOR)]);
  const titanOfficer = await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
  const ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [] });
  const applied = await as({ sub: 'titan-applicant', org: 'titan', roles: ['officer'], officerId: titanOfficer.id }).post(
    `/v1/campaigns/${open.id}/applications`,
    { statement: 'Applying internally.' },
  );
  if (applied.status !== 201) throw new Error(`authz fixture: application failed with ${applied.status}`);
  const app: string = applied.json.id;
  const ersouApplicant: Claims = { sub: 'ersou-applicant', org: 'ersou', roles: ['officer'], officerId: ersouOfficer.id };

  return {
    applyToCampaign: {
      as: ersouApplicant,
      request: () => ({ method: 'POST', url: `/v1/campaigns/${draft.id}/applications`, body: { statement: 'Let me in.' } }),
      expect: 404,
    },
    listCampaignApplications: { as: users.ersouHr, request: () => ({ url: `/v1/campaigns/${open.id}/applications` }), expect: 404 },
    listMyApplications: { notScoped: 'lists only the caller’s own applications, by the officerId in the token' },
    getApplication: { as: users.ersouHr, request: () => ({ url: `/v1/applications/${app}` }), expect: 404 },
    getOfferContext: { as: users.ersouHr, request: () => ({ url: `/v1/applications/${app}/offer-context` }), expect: 404 },
    shortlistApplication: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/applications/${app}/shortlist` }), expect: 404 },
    rejectApplication: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/applications/${app}/reject` }), expect: 404 },
    makeOffer: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/applications/${app}/offer`, body: { startDate: '2030-03-01' } }),
      expect: 404,
    },
    acceptOffer: { as: ersouApplicant, request: () => ({ method: 'POST', url: `/v1/applications/${app}/accept` }), expect: 404 },
    withdrawApplication: { as: ersouApplicant, request: () => ({ method: 'POST', url: `/v1/applications/${app}/withdraw` }), expect: 404 },
  };
};
