import { as, users } from '../support/api';
import { cyberCampaign } from '../support/campaigns';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

/** A TITAN draft, and an NCA campaign whose publication raised an alert for TITAN's head. */
export const buildCases: CaseBuilder = async () => {
  // One TITAN cyber holder against a minimum of 7: any cyber campaign is a loss for TITAN and raises an alert.
  await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'] });
  const titanDraft = (await as(users.titanHr).post('/v1/campaigns', cyberCampaign({ ownerOrgId: 'titan', title: 'TITAN internal' }))).json;
  const nca = (await as(users.ncaHr).post('/v1/campaigns', cyberCampaign({ title: 'NCA authz', opensOn: '2030-01-01', closesOn: '2030-02-01' }))).json;
  const published = (await as(users.ncaHr).post(`/v1/campaigns/${nca.id}/publish`)).json;
  const titanAlert: string = published.raisedAlertIds[0];
  const roccWales = { sub: 'rocc-wales', org: 'nca', roles: ['rocc' as const], regions: ['wales'] };
  return {
    createCampaign: { as: users.ersouHr, request: () => ({ method: 'POST', url: '/v1/campaigns', body: cyberCampaign({ ownerOrgId: 'titan' }) }), expect: 403 },
    listCampaigns: { notScoped: 'lists non-draft campaigns, which every signed-in user may see; another organisation’s drafts are never listed (campaigns.test)' },
    previewCampaignImpact: { notScoped: 'computes a preview from the request; reads only baselines every partner may see' },
    getCampaign: { as: users.ersouHr, request: () => ({ url: `/v1/campaigns/${titanDraft.id}` }), expect: 404 },
    patchCampaign: { as: users.ersouHr, request: () => ({ method: 'PATCH', url: `/v1/campaigns/${titanDraft.id}`, body: { title: 'Hijacked', version: 1 } }), expect: 404 },
    getCampaignImpact: { as: users.ersouHead, request: () => ({ url: `/v1/campaigns/${titanDraft.id}/impact` }), expect: 404 },
    publishCampaign: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/campaigns/${titanDraft.id}/publish` }), expect: 404 },
    closeCampaign: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/campaigns/${nca.id}/close` }), expect: 404 },
    cancelCampaign: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/campaigns/${titanDraft.id}/cancel` }), expect: 404 },
    completeCampaign: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/campaigns/${nca.id}/complete` }), expect: 404 },
    listAlerts: { notScoped: 'reads only the inboxes of the caller’s own roles, organisation and regions' },
    getAlert: { as: users.ersouHead, request: () => ({ url: `/v1/alerts/${titanAlert}` }), expect: 404 },
    getAlertContext: { as: users.ersouHead, request: () => ({ url: `/v1/alerts/${titanAlert}/context` }), expect: 404 },
    respondToAlert: { as: users.ersouHead, request: () => ({ method: 'POST', url: `/v1/alerts/${titanAlert}/respond`, body: { decision: 'accept', note: '' } }), expect: 404 },
    referAlert: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/alerts/${titanAlert}/refer` }), expect: 404 },
    decideAlert: { as: roccWales, request: () => ({ method: 'POST', url: `/v1/alerts/${titanAlert}/decide`, body: { decision: 'overrule', note: 'not my region' } }), expect: 404 },
    getAudit: { as: users.ersouHead, request: () => ({ url: `/v1/audit?entity=campaign:${titanDraft.id}` }), expect: 404 },
  };
};
