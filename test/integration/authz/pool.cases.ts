import { SYSTEM_ACTOR } from '../../../shared/data/audit.repository';
import { createCampaign } from '../../../shared/data/campaign.repository';
import { newId, nowIso } from '../../../shared/ids';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import { as, users, type Claims } from '../support/api';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';
import { applyingNow } from '../support/campaigns';

/**
 * An open TITAN-only campaign with one application from a TITAN officer. The
 * officer holds no cyber accreditation, so TITAN's cyber counters (which the
 * campaign cases rely on) are untouched. ERSOU's HR lead and an ERSOU officer
 * try to reach it through each pool route.
 */
export const buildCases: CaseBuilder = async () => {
  const now = nowIso();
  const campaign: Campaign = await createCampaign(
    {
      id: newId('cmp'),
      title: 'TITAN pool campaign',
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
      status: 'open',
      consultation: {},
      coordination: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    },
    SYSTEM_ACTOR,
  );
  const titanOfficer = await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
  const ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [] });
  const applied = await as({ sub: 'titan-pool-applicant', org: 'titan', roles: ['officer'], officerId: titanOfficer.id }).post(
    `/v1/campaigns/${campaign.id}/applications`,
    { statement: 'Applying internally.' },
  );
  if (applied.status !== 201) throw new Error(`authz fixture: application failed with ${applied.status}`);
  const app: string = applied.json.id;
  const ersouApplicant: Claims = { sub: 'ersou-pool-applicant', org: 'ersou', roles: ['officer'], officerId: ersouOfficer.id };

  return {
    markAppointable: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/applications/${app}/appointable`, body: { appointable: true } }),
      expect: 404,
    },
    setPoolConsent: {
      as: ersouApplicant,
      request: () => ({ method: 'POST', url: `/v1/applications/${app}/pool-consent`, body: { consent: true } }),
      expect: 404,
    },
    listCandidatePool: { as: users.ersouHr, request: () => ({ url: `/v1/campaigns/${campaign.id}/candidate-pool` }), expect: 404 },
    inviteCandidate: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/campaigns/${campaign.id}/candidate-pool/invitations`, body: { entryId: app } }),
      expect: 404,
    },
    listMyInvitations: { notScoped: 'lists only the caller’s own invitations, by the officerId in the token' },
  };
};
