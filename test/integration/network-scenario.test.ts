import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import { as, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * Two NCA cyber campaigns, each acceptable alone for TITAN, together take
 * TITAN's cyber team below its minimum, and its digital forensics team
 * through the officers who hold both.
 */
const ncaHr = as(users.ncaHr);
let first: Campaign;
let second: Campaign;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('titan', 'digital-forensics', 2, 4);
  await setBaseline('ersou', 'cyber', 2, 10);
  for (let i = 0; i < 7; i++) await makeOfficer({ homeOrgId: 'titan', name: `Cyber ${i}` });
  for (let i = 0; i < 3; i++) await makeOfficer({ homeOrgId: 'titan', name: `Cyber and forensics ${i}`, capabilities: ['cyber', 'digital-forensics'] });
  await makeOfficer({ homeOrgId: 'titan', name: 'Forensics only', capabilities: ['digital-forensics'] });
  for (let i = 0; i < 12; i++) await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', name: `ERSOU cyber ${i}` });
  first = await openCampaign({ title: `Cyber A (${newId('t')})`, posts: 2 });
  second = await openCampaign({ title: `Cyber B (${newId('t')})`, posts: 2 });
});

describe('the network scenario', () => {
  it('each campaign alone looks acceptable for TITAN: no critical row in either assessment', async () => {
    for (const c of [first, second]) {
      const impact = (await ncaHr.get(`/v1/campaigns/${c.id}/impact`)).json;
      const titan = impact.rows.filter((r: { orgId: string }) => r.orgId === 'titan');
      expect(titan.map((r: { capabilityId: string; level: string }) => [r.capabilityId, r.level]).sort()).toEqual([
        ['cyber', 'warning'],
        ['digital-forensics', 'warning'],
      ]);
    }
  });

  it('together they take TITAN cyber and digital forensics below their minimums, naming both campaigns', async () => {
    const res = await ncaHr.get('/v1/reports/network-scenario');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.campaigns).toBe(2);
    const byTeam = Object.fromEntries(res.json.items.map((t: { orgId: string; capabilityId: string }) => [`${t.orgId}:${t.capabilityId}`, t]));
    expect(Object.keys(byTeam).sort()).toEqual(['titan:cyber', 'titan:digital-forensics']);
    expect(byTeam['titan:cyber']).toMatchObject({ projected: 10, totalExposure: 4, worstCase: 6, minimum: 7, level: 'critical', onlyTogether: true });
    expect(byTeam['titan:digital-forensics']).toMatchObject({ projected: 4, totalExposure: 4, worstCase: 0, minimum: 2, level: 'loss', onlyTogether: true });
    expect(byTeam['titan:cyber'].campaigns.map((c: { campaignId: string }) => c.campaignId).sort()).toEqual([first.id, second.id].sort());
    expect(byTeam['titan:cyber'].campaigns[0]).toMatchObject({ exposure: 2, worstCaseAlone: 8, levelAlone: 'warning' });
  });

  it('a ROCC sees their own regions; another HR lead may not ask', async () => {
    const northWest = (await as(users.roccNorthWest).get('/v1/reports/network-scenario')).json;
    expect(northWest.regions).toEqual(['north-west']);
    expect(northWest.items.length).toBe(2);
    const east = (await as({ sub: 'rocc-e', org: 'nca', roles: ['rocc'], regions: ['east-of-england'] }).get('/v1/reports/network-scenario')).json;
    expect(east.items).toEqual([]);
    expect((await as(users.roccNorthWest).get('/v1/reports/network-scenario?region=east-of-england')).status).toBe(403);
    expect((await as(users.titanHr).get('/v1/reports/network-scenario')).status).toBe(403);
    expect((await as(users.titanHead).get('/v1/reports/network-scenario')).status).toBe(403);
  });
});
