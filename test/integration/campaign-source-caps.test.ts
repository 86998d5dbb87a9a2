import { beforeAll, describe, expect, it } from 'vitest';
import { as, users } from './support/api';
import { cyberCampaign, seedTitanStory } from './support/campaigns';
import { seedReference } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const rocc = as(users.roccNorthWest);

beforeAll(async () => {
  await seedReference();
  await seedTitanStory();
});

async function published(overrides: Record<string, unknown>): Promise<{ id: string; alertId: string }> {
  const created = await ncaHr.post('/v1/campaigns', cyberCampaign(overrides));
  expect(created.status).toBe(201);
  const res = await ncaHr.post(`/v1/campaigns/${created.json.id}/publish`);
  expect(res.json.campaign.status).toBe('consultation');
  return { id: created.json.id, alertId: res.json.raisedAlertIds[0] };
}

async function patch(id: string, body: Record<string, unknown>) {
  const current = await ncaHr.get(`/v1/campaigns/${id}`);
  return ncaHr.patch(`/v1/campaigns/${id}`, { ...body, version: current.json.version });
}

describe('a cap for the one ROCU that asked (sourceCaps)', () => {
  it('the HR lead caps TITAN alone at the 2 its head asked for; the campaign opens, other ROCUs uncapped', async () => {
    const { id, alertId } = await published({ title: 'Cyber, TITAN capped alone', opensOn: '2027-09-01', closesOn: '2027-09-30', regions: ['wales'] });
    await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'request-cap', cap: 2, note: 'Two can go.' });

    const capped = await patch(id, { sourceCaps: { titan: 2 } });
    expect(capped.status).toBe(200);
    expect(capped.json).toMatchObject({ sourceCaps: { titan: 2 }, maxAppointmentsPerSource: null });
    const impact = await ncaHr.get(`/v1/campaigns/${id}/impact`);
    expect(impact.json.rows.find((r: { orgId: string }) => r.orgId === 'titan')).toMatchObject({ cap: 2, exposure: 2, worstCase: 8 });
    expect(impact.json.rows.find((r: { orgId: string }) => r.orgId === 'ersou')).toMatchObject({ cap: null });

    const opened = await ncaHr.post(`/v1/campaigns/${id}/publish`);
    expect(opened.json.campaign.status).toBe('open');
    expect((await titanHead.get(`/v1/alerts/${alertId}`)).json).toMatchObject({ status: 'resolved', outcome: 'cap-met' });
    const trail = await ncaHr.get(`/v1/audit?entity=campaign:${id}`);
    expect(trail.json.items.find((e: { action: string }) => e.action === 'campaign.edited').changes).toMatchObject({ sourceCaps: { titan: 2 } });
  });

  it('a cap given as null is removed; caps of ROCUs not named stay', async () => {
    const created = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber, caps changed one by one', opensOn: '2027-10-01', closesOn: '2027-10-30' }));
    expect((await patch(created.json.id, { sourceCaps: { titan: 2, ersou: 3 } })).json.sourceCaps).toEqual({ titan: 2, ersou: 3 });
    expect((await patch(created.json.id, { sourceCaps: { ersou: null } })).json.sourceCaps).toEqual({ titan: 2 });
    expect((await patch(created.json.id, { title: 'Cyber, caps kept' })).json.sourceCaps).toEqual({ titan: 2 });
  });

  it('a cap the ROCC imposed may be lowered, not raised or removed (409, nothing written)', async () => {
    const { id, alertId } = await published({ title: 'Cyber, the ROCC’s cap holds', opensOn: '2027-11-01', closesOn: '2027-11-30', regions: ['london'] });
    await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'This would end our cyber capability.' });
    await rocc.post(`/v1/alerts/${alertId}/decide`, { decision: 'uphold', note: 'TITAN keeps its minimum.' });
    expect((await ncaHr.get(`/v1/campaigns/${id}`)).json.sourceCaps).toEqual({ titan: 3 });

    for (const cap of [4, null]) {
      const refused = await patch(id, { sourceCaps: { titan: cap } });
      expect(refused.status, String(cap)).toBe(409);
      expect(refused.json.error.details).toEqual([expect.objectContaining({ field: 'sourceCaps', orgId: 'titan' })]);
      expect(refused.json.error.message).toContain('imposed by the ROCC');
    }
    expect((await ncaHr.get(`/v1/campaigns/${id}`)).json.sourceCaps).toEqual({ titan: 3 });
    expect((await patch(id, { sourceCaps: { titan: 1 } })).json.sourceCaps).toEqual({ titan: 1 });
  });

  it('a cap for an organisation that does not exist, or not a whole number, is 400', async () => {
    const created = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber, bad caps', opensOn: '2027-12-01', closesOn: '2027-12-30' }));
    const unknown = await patch(created.json.id, { sourceCaps: { atlantis: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([expect.objectContaining({ field: 'sourceCaps' })]);
    for (const bad of [{ titan: -1 }, { titan: 1.5 }, { TITAN: 1 }, { titan: '2' }]) {
      expect((await patch(created.json.id, { sourceCaps: bad })).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await ncaHr.get(`/v1/campaigns/${created.json.id}`)).json.sourceCaps).toEqual({});
  });
});
