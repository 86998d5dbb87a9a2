import { as, users } from '../support/api';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

export const buildCases: CaseBuilder = async () => {
  const titanOfficer = await makeOfficer({ homeOrgId: 'titan' });
  // A Greater Manchester officer posted into TITAN: ERSOU's head may not extend the posting (nor see the record).
  const postedOfficer = await makeOfficer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: '2099-01-01' });
  // A TITAN officer TITAN proposes to move to VIPER: ERSOU (neither side) may neither decide nor cancel it.
  const movingOfficer = await makeOfficer({ homeOrgId: 'titan' });
  const proposed = await as(users.titanHr).post(`/v1/officers/${movingOfficer.id}/transfer`, { toOrgId: 'viper', version: movingOfficer.version });
  if (proposed.status !== 200) throw new Error(`fixture transfer: ${proposed.status} ${proposed.body}`);
  return {
    getHealth: { notScoped: 'public health check' },
    getOpenApi: { notScoped: 'public API description' },
    getMe: { notScoped: 'returns only the caller’s own claims and record' },
    listOrganisations: { notScoped: 'reference data every signed-in user reads' },
    listCapabilities: { notScoped: 'reference data every signed-in user reads' },
    createCapability: { notScoped: 'catalogue is global; admin only' },
    listContacts: { notScoped: 'the contacts directory is the service’s own; admin only (every other role gets 403)' },
    putContact: { notScoped: 'the contacts directory is the service’s own; admin only (every other role gets 403)' },
    listOrgCapabilities: { notScoped: 'baselines are visible to every partner (campaign planning needs them)' },
    putOrgCapability: {
      as: users.ersouHead,
      request: () => ({ method: 'PUT', url: '/v1/organisations/titan/capabilities/cyber', body: { minimum: 0, version: 1 } }),
      expect: 403,
    },
    createOfficer: {
      as: users.ersouHr,
      request: () => ({
        method: 'POST',
        url: '/v1/officers',
        body: { name: 'X', homeOrgId: 'titan', capabilities: [], vetting: 'sc', pipLevel: 1, region: 'north-west' },
      }),
      expect: 403,
    },
    listOfficers: { as: users.ersouHr, request: () => ({ url: '/v1/officers?orgId=titan' }), expect: 403 },
    getTeamRoster: { as: users.ersouHead, request: () => ({ url: '/v1/organisations/titan/roster' }), expect: 403 },
    importOfficers: { notScoped: 'always imports into the caller’s own organisation (from the token)' },
    getOfficer: { as: users.ersouHead, request: () => ({ url: `/v1/officers/${titanOfficer.id}` }), expect: 404 },
    patchOfficer: {
      as: users.ersouHr,
      request: () => ({ method: 'PATCH', url: `/v1/officers/${titanOfficer.id}`, body: { status: 'left', version: 1 } }),
      expect: 404,
    },
    extendOfficerPosting: {
      as: users.ersouHead,
      request: () => ({ method: 'POST', url: `/v1/officers/${postedOfficer.id}/posting/extend`, body: { servingUntil: '2099-06-01', version: 1 } }),
      expect: 404,
    },
    proposeOfficerTransfer: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/officers/${titanOfficer.id}/transfer`, body: { toOrgId: 'ersou', version: 1 } }),
      expect: 404,
    },
    decideOfficerTransfer: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/officers/${movingOfficer.id}/transfer/decision`, body: { decision: 'accept' } }),
      expect: 404,
    },
    cancelOfficerTransfer: {
      as: users.ersouHr,
      request: () => ({ method: 'POST', url: `/v1/officers/${movingOfficer.id}/transfer/cancel` }),
      expect: 404,
    },
    listIncomingTransfers: { as: users.ersouHr, request: () => ({ url: '/v1/organisations/titan/incoming-transfers' }), expect: 403 },
  };
};
