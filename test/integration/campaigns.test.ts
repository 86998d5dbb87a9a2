import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { sentEvents } from '../../shared/notify/publish-events';
import { as, users } from './support/api';
import { cyberCampaign, seedTitanStory } from './support/campaigns';
import { seedReference } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const ersouHead = as(users.ersouHead);
const rocc = as(users.roccNorthWest);

beforeAll(async () => {
  await seedReference();
  await seedTitanStory();
});

async function draft(overrides: Record<string, unknown> = {}) {
  const res = await ncaHr.post('/v1/campaigns', cyberCampaign(overrides));
  expect(res.status).toBe(201);
  return res.json;
}

describe('the TITAN story: a campaign that would strip TITAN’s cyber team', () => {
  let campaign: any;
  let alertId: string;

  it('1. the NCA HR lead drafts it; the impact shows TITAN critical and ERSOU ok', async () => {
    campaign = await draft();
    expect(campaign).toMatchObject({ status: 'draft', version: 1, maxAppointmentsPerSource: null });
    const impact = await ncaHr.get(`/v1/campaigns/${campaign.id}/impact`);
    expect(impact.status).toBe(200);
    const titan = impact.json.rows.find((r: any) => r.orgId === 'titan');
    const ersou = impact.json.rows.find((r: any) => r.orgId === 'ersou');
    expect(titan).toMatchObject({ strength: 10, minimum: 7, committedOut: 0, eligibleHolders: 9, exposure: 6, worstCase: 4, level: 'critical' });
    expect(ersou).toMatchObject({ strength: 12, minimum: 4, exposure: 6, worstCase: 6, level: 'ok' });
    expect(impact.json.worstLevel).toBe('critical');
  });

  it('a draft is invisible outside the NCA’s HR', async () => {
    expect((await titanHead.get(`/v1/campaigns/${campaign.id}`)).status).toBe(404);
    expect((await titanHead.get(`/v1/campaigns/${campaign.id}/impact`)).status).toBe(404);
  });

  it('2. publishing puts it in consultation and raises one alert, to TITAN’s head only', async () => {
    const res = await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.json.campaign.status).toBe('consultation');
    expect(res.json.raisedAlertIds).toHaveLength(1);
    alertId = res.json.raisedAlertIds[0];
    const inbox = await titanHead.get('/v1/alerts?status=open');
    expect(inbox.json.items).toEqual([expect.objectContaining({ id: alertId, kind: 'campaign-impact', orgId: 'titan', level: 'critical', minimum: 7, projected: 10, projectedAfter: 4 })]);
    expect((await ersouHead.get('/v1/alerts')).json.items).toEqual([]);
    expect((await ersouHead.get(`/v1/alerts/${alertId}`)).status).toBe(404);
    expect(sentEvents().some((e) => e.type === 'alert.raised' && e.audiences.includes('rocu-head:titan'))).toBe(true);
  });

  it('publishing again gets 409 naming the outstanding alert', async () => {
    const res = await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`);
    expect(res.status).toBe(409);
    expect(res.json.error.details).toEqual([expect.objectContaining({ orgId: 'titan', alertId, status: 'open' })]);
  });

  it('ERSOU’s head cannot answer TITAN’s alert', async () => {
    const res = await ersouHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'accept', note: 'not mine' });
    expect(res.status).toBe(404);
  });

  it('3. the TITAN head asks for a cap of 2; the campaign stays held until the HR lead sets it', async () => {
    const res = await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'request-cap', cap: 2, note: 'We can release two without losing the team.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'cap-requested', requestedCap: 2 });
    const held = await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`);
    expect(held.status).toBe(409);
    expect(held.json.error.details[0]).toMatchObject({ orgId: 'titan', status: 'cap-requested' });

    const current = await ncaHr.get(`/v1/campaigns/${campaign.id}`);
    const patched = await ncaHr.patch(`/v1/campaigns/${campaign.id}`, { maxAppointmentsPerSource: 2, version: current.json.version });
    expect(patched.status).toBe(200);
    const impact = await ncaHr.get(`/v1/campaigns/${campaign.id}/impact`);
    expect(impact.json.rows.find((r: any) => r.orgId === 'titan')).toMatchObject({ exposure: 2, worstCase: 8, level: 'warning' });

    const opened = await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`);
    expect(opened.status).toBe(200);
    expect(opened.json.campaign.status).toBe('open');
    const alert = await titanHead.get(`/v1/alerts/${alertId}`);
    expect(alert.json).toMatchObject({ status: 'resolved', outcome: 'cap-met' });
    expect(alert.json.history.map((h: any) => h.action)).toEqual(['alert.raised', 'alert.request-cap', 'alert.resolved']);
    expect(alert.json.history[1]).toMatchObject({ actor: { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] }, note: 'We can release two without losing the team.' });
  });

  it('the campaign’s audit trail has every step, readable by TITAN and the NCA', async () => {
    const trail = await ncaHr.get(`/v1/audit?entity=campaign:${campaign.id}`);
    expect(trail.status).toBe(200);
    expect(trail.json.items.map((e: any) => e.action)).toEqual(['campaign.created', 'campaign.consultation', 'alert.request-cap', 'campaign.edited', 'campaign.opened']);
    const titanView = await titanHead.get(`/v1/audit?entity=campaign:${campaign.id}`);
    expect(titanView.status).toBe(200);
    expect((await ersouHead.get(`/v1/audit?entity=campaign:${campaign.id}`)).status).toBe(404);
  });

  it('an open campaign can no longer be edited, and officers now see it', async () => {
    const current = await ncaHr.get(`/v1/campaigns/${campaign.id}`);
    expect((await ncaHr.patch(`/v1/campaigns/${campaign.id}`, { posts: 3, version: current.json.version })).status).toBe(409);
    const officer = as({ sub: 'o', org: 'titan', roles: ['officer'], officerId: 'off_x' });
    const list = await officer.get('/v1/campaigns');
    expect(list.json.items.map((c: any) => c.id)).toContain(campaign.id);
  });
});

describe('objections go to the ROCC', () => {
  it('the TITAN head objects; the North West ROCC upholds and a cap that keeps TITAN at 7 is imposed', async () => {
    const c = await draft({ title: 'Cyber objection test', opensOn: '2027-06-01', closesOn: '2027-06-30', regions: ['wales'] });
    const pub = await ncaHr.post(`/v1/campaigns/${c.id}/publish`);
    const id = pub.json.raisedAlertIds[0];
    expect((await rocc.get(`/v1/alerts/${id}`)).status).toBe(404); // not escalated yet
    const objected = await titanHead.post(`/v1/alerts/${id}/respond`, { decision: 'object', note: 'This would end our cyber capability.' });
    expect(objected.json).toMatchObject({ status: 'escalated', escalationReason: 'objected' });
    expect((await rocc.get('/v1/alerts?status=escalated')).json.items.map((a: any) => a.id)).toContain(id);
    expect((await ncaHr.post(`/v1/campaigns/${c.id}/publish`)).status).toBe(409);
    const noNote = await rocc.post(`/v1/alerts/${id}/decide`, { decision: 'uphold', note: '' });
    expect(noNote.status).toBe(400);
    const upheld = await rocc.post(`/v1/alerts/${id}/decide`, { decision: 'uphold', note: 'TITAN keeps its minimum.' });
    expect(upheld.status).toBe(200);
    expect(upheld.json).toMatchObject({ status: 'resolved', outcome: 'cap-imposed', imposedCap: 3 });
    const campaign = await ncaHr.get(`/v1/campaigns/${c.id}`);
    expect(campaign.json.sourceCaps).toEqual({ titan: 3 });
    const opened = await ncaHr.post(`/v1/campaigns/${c.id}/publish`);
    expect(opened.json.campaign.status).toBe('open');
  });

  it('a ROCC of another region cannot decide; a decided alert cannot be decided twice', async () => {
    const c = await draft({ title: 'Cyber overrule test', opensOn: '2027-08-01', closesOn: '2027-08-30', regions: ['london'] });
    const id = (await ncaHr.post(`/v1/campaigns/${c.id}/publish`)).json.raisedAlertIds[0];
    await titanHead.post(`/v1/alerts/${id}/respond`, { decision: 'object', note: 'no' });
    const wales = as({ sub: 'rocc-wales', org: 'nca', roles: ['rocc'], regions: ['wales'] });
    expect((await wales.post(`/v1/alerts/${id}/decide`, { decision: 'overrule', note: 'x' })).status).toBe(404);
    expect((await rocc.post(`/v1/alerts/${id}/decide`, { decision: 'overrule', note: 'National priority.' })).json.outcome).toBe('overruled');
    expect((await rocc.post(`/v1/alerts/${id}/decide`, { decision: 'uphold', note: 'again' })).status).toBe(409);
    expect((await ncaHr.post(`/v1/campaigns/${c.id}/publish`)).json.campaign.status).toBe('open');
  });

  it('the HR lead can refer a cap request to the ROCC instead of meeting it', async () => {
    const c = await draft({ title: 'Cyber referral test', opensOn: '2027-09-01', closesOn: '2027-09-30', regions: ['south-east'] });
    const id = (await ncaHr.post(`/v1/campaigns/${c.id}/publish`)).json.raisedAlertIds[0];
    await titanHead.post(`/v1/alerts/${id}/respond`, { decision: 'request-cap', cap: 1, note: 'one at most' });
    const referred = await ncaHr.post(`/v1/alerts/${id}/refer`, { note: 'We need three.' });
    expect(referred.json).toMatchObject({ status: 'escalated', escalationReason: 'referred' });
    const upheld = await rocc.post(`/v1/alerts/${id}/decide`, { decision: 'uphold', note: 'The request stands.' });
    expect(upheld.json).toMatchObject({ outcome: 'cap-imposed', imposedCap: 1 });
  });
});

describe('campaign validation and lifecycle', () => {
  it('refuses what a recruiter would expect to be refused', async () => {
    const bad = async (overrides: Record<string, unknown>) => (await ncaHr.post('/v1/campaigns', cyberCampaign(overrides))).json.error;
    expect((await bad({ closesOn: addDays(todayIso(), -30) })).details[0].field).toBe('closesOn');
    expect((await bad({ posts: 0 })).code).toBe('validation_failed');
    expect((await bad({ partnerOrgIds: ['titan'], allocations: [{ orgId: 'nca', posts: 3 }, { orgId: 'titan', posts: 2 }] })).details[0].message).toMatch(/add up/);
    expect((await bad({ capabilityId: 'astrology' })).details[0].field).toBe('capabilityId');
    expect((await bad({ partnerOrgIds: ['atlantis'] })).message).toMatch(/atlantis/);
    expect((await ncaHr.post('/v1/campaigns', cyberCampaign({ ownerOrgId: 'titan' }))).status).toBe(403);
  });

  it('a joint campaign is co-managed by the partner’s HR lead', async () => {
    const c = await draft({ title: 'Joint NCA–TITAN', partnerOrgIds: ['titan'], allocations: [{ orgId: 'nca', posts: 4 }, { orgId: 'titan', posts: 2 }], opensOn: '2028-01-03', closesOn: '2028-01-31' });
    const titanHr = as(users.titanHr);
    expect((await titanHr.get(`/v1/campaigns/${c.id}`)).status).toBe(200);
    const edit = await titanHr.patch(`/v1/campaigns/${c.id}`, { title: 'Joint NCA–TITAN cyber', version: c.version });
    expect(edit.status).toBe(200);
    expect((await titanHr.post(`/v1/campaigns/${c.id}/publish`)).status).toBe(404); // publishing is the owner's
    const listed = await titanHr.get('/v1/campaigns');
    expect(listed.json.items.map((x: any) => x.id)).toContain(c.id);
  });

  it('cancelling withdraws the alerts nobody needs to decide any more', async () => {
    const c = await draft({ title: 'Cancelled', opensOn: '2028-03-01', closesOn: '2028-03-31', regions: ['wales'] });
    const id = (await ncaHr.post(`/v1/campaigns/${c.id}/publish`)).json.raisedAlertIds[0];
    const cancelled = await ncaHr.post(`/v1/campaigns/${c.id}/cancel`, { note: 'Budget withdrawn.' });
    expect(cancelled.json.status).toBe('cancelled');
    expect((await titanHead.get(`/v1/alerts/${id}`)).json).toMatchObject({ status: 'withdrawn', outcome: 'campaign-cancelled' });
    // Cancelling again is a safe retry: it only finishes ending the applications.
    expect((await ncaHr.post(`/v1/campaigns/${c.id}/cancel`)).json.status).toBe('cancelled');
  });

  it('the impact preview answers for a campaign not yet saved', async () => {
    const res = await ncaHr.post('/v1/campaigns/impact-preview', { capabilityId: 'cyber', posts: 6, maxAppointmentsPerSource: 2, roleProfile: { vetting: 'sc', minPipLevel: 2 } });
    expect(res.status).toBe(200);
    expect(res.json.rows.find((r: any) => r.orgId === 'titan').level).toBe('warning');
  });

  it('overlapping campaigns for the same capability and region raise a coordination notice to both HR leads', async () => {
    const ersouHr = as(users.ersouHr);
    await as(users.ersouHead).put('/v1/organisations/ersou/capabilities/cyber', { minimum: 4, version: 1 });
    const theirs = await ersouHr.post('/v1/campaigns', cyberCampaign({ ownerOrgId: 'ersou', title: 'ERSOU cyber', regions: ['north-west'], posts: 1, opensOn: '2029-01-01', closesOn: '2029-02-01' }));
    expect(theirs.status).toBe(201);
    const p1 = await ersouHr.post(`/v1/campaigns/${theirs.json.id}/publish`);
    expect(p1.status).toBe(200);
    const ours = await draft({ title: 'NCA cyber overlapping', posts: 1, opensOn: '2029-01-15', closesOn: '2029-03-01' });
    const p2 = await ncaHr.post(`/v1/campaigns/${ours.id}/publish`);
    expect(p2.json.campaign.coordination).toEqual([expect.objectContaining({ campaignId: theirs.json.id })]);
    const theirsNow = await ersouHr.get(`/v1/campaigns/${theirs.json.id}`);
    expect(theirsNow.json.coordination).toEqual([expect.objectContaining({ campaignId: ours.id })]);
    const notices = (await ersouHr.get('/v1/alerts?kind=coordination')).json.items;
    expect(notices).toEqual([expect.objectContaining({ kind: 'coordination', campaignId: ours.id })]);
    expect((await ncaHr.get('/v1/alerts?kind=coordination')).json.items.map((a: any) => a.id)).toContain(notices[0].id);
  });
});
