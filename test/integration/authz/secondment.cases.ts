import { addDays, todayIso } from '../../../shared/domain/working-days';
import { as, users, type Claims } from '../support/api';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

function placement(hostOrgId: string, homeOrgTypes: string[]) {
  const today = todayIso();
  return {
    title: `${hostOrgId} authz placement`,
    hostOrgId,
    capabilityId: 'surveillance',
    places: 2,
    startDate: addDays(today, 60),
    durationMonths: 6,
    region: 'north-west',
    eligibility: { homeOrgTypes, vetting: 'sc', minPipLevel: 0 },
    closesOn: addDays(today, 30),
  };
}

async function apply(officer: Claims, placementId: string): Promise<string> {
  const res = await as(officer).post(`/v1/placements/${placementId}/applications`, { statement: 'Authz fixture.' });
  if (res.status !== 201) throw new Error(`authz fixture: secondment application failed with ${res.status}: ${JSON.stringify(res.json)}`);
  return res.json.id;
}

/**
 * A TITAN officer's application to an NCA placement (TITAN is the home), and
 * a Greater Manchester officer's application to a TITAN placement (TITAN is
 * the host). The placements are in surveillance and the officers hold no
 * accreditation, so TITAN's cyber counters (which other cases rely on) are
 * untouched. ERSOU's people try to reach both.
 */
export const buildCases: CaseBuilder = async () => {
  const [ncaPlacement, titanPlacement] = await Promise.all([
    as(users.ncaHr).post('/v1/placements', placement('nca', ['rocu'])),
    as(users.titanHr).post('/v1/placements', placement('titan', ['force'])),
  ]);
  if (ncaPlacement.status !== 201 || titanPlacement.status !== 201) throw new Error('authz fixture: placements not created');
  const titanOfficer = await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
  const gmpOfficer = await makeOfficer({ homeOrgId: 'greater-manchester', capabilities: [] });
  const ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [] });
  const titanHome = await apply({ sub: 'titan-secondee', org: 'titan', roles: ['officer'], officerId: titanOfficer.id }, ncaPlacement.json.id);
  const titanHosted = await apply({ sub: 'gmp-secondee', org: 'greater-manchester', roles: ['officer'], officerId: gmpOfficer.id }, titanPlacement.json.id);
  const ersouApplicant: Claims = { sub: 'ersou-secondee', org: 'ersou', roles: ['officer'], officerId: ersouOfficer.id };

  return {
    createPlacement: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: '/v1/placements', body: placement('titan', ['rocu']) }),
      expect: 403,
    },
    listPlacements: { notScoped: 'open placements are advertised to every signed-in user; eligibility is per officer' },
    getPlacement: { notScoped: 'a placement is an advertisement every signed-in user may read' },
    applyToPlacement: { notScoped: 'any officer may apply for any placement; eligibility (403 with reasons) decides (secondments.test)' },
    listPlacementApplications: { as: users.ersouHr, request: () => ({ url: `/v1/placements/${titanPlacement.json.id}/applications` }), expect: 404 },
    listMySecondmentApplications: { notScoped: 'lists only the caller’s own applications, by the officerId in the token' },
    getSecondmentApplication: { as: users.ersouHead, request: () => ({ url: `/v1/secondment-applications/${titanHome}` }), expect: 404 },
    getHomeDecisionContext: { as: users.ersouHead, request: () => ({ url: `/v1/secondment-applications/${titanHome}/home-context` }), expect: 404 },
    decideSecondmentAtHome: {
      as: users.ersouHead,
      request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHome}/home-decision`, body: { decision: 'approve', note: 'Not mine.' } }),
      expect: 404,
    },
    decideSecondmentAsHost: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHosted}/host-decision`, body: { decision: 'decline' } }),
      expect: 404,
    },
    withdrawSecondment: { as: ersouApplicant, request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHome}/withdraw` }), expect: 404 },
    completeSecondment: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHosted}/complete` }), expect: 404 },
    proposeSecondmentExtension: {
      as: users.ersouHead,
      request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHome}/extension`, body: { endDate: addDays(todayIso(), 400) } }),
      expect: 404,
    },
    decideSecondmentExtension: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/secondment-applications/${titanHosted}/extension/decision`, body: { decision: 'approve' } }),
      expect: 404,
    },
    listHostPlacements: { as: users.ersouHr, request: () => ({ url: '/v1/organisations/titan/placements' }), expect: 404 },
    listHomeSecondmentApplications: { as: users.ersouHead, request: () => ({ url: '/v1/organisations/titan/secondment-applications' }), expect: 404 },
  };
};
