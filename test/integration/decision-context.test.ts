import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, users } from './support/api';
import { cyberCampaign, seedTitanStory } from './support/campaigns';
import { seedReference } from './support/fixtures';
import { placementBody } from './support/placements';

/**
 * The facts beside each decision, read through the API as they stand: the
 * TITAN cyber team (10 officers, minimum 7) through a campaign alert, a
 * ROCC's cap, offers and their acceptance, an offer held for release and a
 * secondment the home decides.
 */
const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const rocc = as(users.roccNorthWest);
const start = addDays(todayIso(), 30);

let titanCyber: string[];
const officer = (id: string) => as({ sub: `officer-${id}`, org: 'titan', roles: ['officer'], officerId: id });

async function applyAndShortlist(campaignId: string, officerId: string): Promise<string> {
  const applied = await officer(officerId).post(`/v1/campaigns/${campaignId}/applications`, { statement: 'I lead our ransomware response.' });
  expect(applied.status, JSON.stringify(applied.json)).toBe(201);
  expect((await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`)).status).toBe(200);
  return applied.json.id as string;
}

beforeAll(async () => {
  await seedReference();
  ({ titanCyber } = await seedTitanStory());
});

describe('the facts beside a decision', () => {
  let campaign: { id: string };
  let impactAlertId: string;
  const apps: string[] = [];

  it('a campaign alert shows the team, what the campaign could do to it and the largest safe cap', async () => {
    campaign = (await ncaHr.post('/v1/campaigns', cyberCampaign())).json;
    impactAlertId = (await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`)).json.raisedAlertIds[0];
    const res = await titanHead.get(`/v1/alerts/${impactAlertId}/context`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      officer: null,
      campaign: { id: campaign.id, posts: 6, postsFromUnit: 6, cap: null, startDate: null },
      effect: 'would',
      suggestedCap: 3,
    });
    expect(res.json.teams[0]).toMatchObject({ orgId: 'titan', capabilityId: 'cyber', strength: 10, minimum: 7, committedOut: 0, projected: 10, after: 4, level: 'critical', committed: [] });
    // The campaign's HR lead and the ROCC read the same facts.
    expect((await ncaHr.get(`/v1/alerts/${impactAlertId}/context`)).status).toBe(200);
  });

  it('once the ROCC upholds an objection, the resolved alert shows the outcome as it stands: the cap keeps the team at 7', async () => {
    expect((await titanHead.post(`/v1/alerts/${impactAlertId}/respond`, { decision: 'object', note: 'We would fall to 4.' })).status).toBe(200);
    const decided = await rocc.post(`/v1/alerts/${impactAlertId}/decide`, { decision: 'uphold', note: 'Keep TITAN at its minimum.' });
    expect(decided.json).toMatchObject({ status: 'resolved', outcome: 'cap-imposed', imposedCap: 3 });
    const context = (await rocc.get(`/v1/alerts/${impactAlertId}/context`)).json;
    expect(context).toMatchObject({ campaign: { cap: 3 }, effect: 'would', suggestedCap: null });
    expect(context.teams[0]).toMatchObject({ projected: 10, after: 7, level: 'warning' });
  });

  it('an applicant’s offer context gives the HR lead their vetting, PIP level, capabilities, home team and the cap used', async () => {
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`)).json.campaign.status).toBe('open');
    for (const id of titanCyber.slice(0, 4)) apps.push(await applyAndShortlist(campaign.id, id));
    for (const app of apps.slice(0, 3)) expect((await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: start })).json.status).toBe('offered');
    for (const [i, app] of apps.slice(0, 2).entries()) expect((await officer(titanCyber[i]!).post(`/v1/applications/${app}/accept`)).status).toBe(200);

    const res = await ncaHr.get(`/v1/applications/${apps[3]}/offer-context`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      officer: { id: titanCyber[3], homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 },
      homeOrgType: 'rocu',
      needsRelease: false,
      sourceCap: { cap: 3, offers: 3, remaining: 0 },
    });
    expect(res.json.homeTeams).toHaveLength(1);
    expect(res.json.homeTeams[0]).toMatchObject({ capabilityId: 'cyber', strength: 10, minimum: 7, committedOut: 2, projected: 8, after: 7 });
    expect(res.json.homeTeams[0].committed.map((c: { officerId: string }) => c.officerId).sort()).toEqual(titanCyber.slice(0, 2).sort());
    expect(res.json.homeTeams[0].committed[0]).toMatchObject({ kind: 'move', toOrgId: 'nca', startDate: start, endDate: null });
    // Only the campaign's HR leads: the officer's own HR lead is not one of them.
    expect((await titanHr.get(`/v1/applications/${apps[3]}/offer-context`)).status).toBe(404);
  });

  let heldApp: string;
  let releaseAlertId: string;

  it('an offer held for release names the officer, the start date and the team before → after; once accepted it shows as it stands', async () => {
    expect((await officer(titanCyber[2]!).post(`/v1/applications/${apps[2]}/accept`)).status).toBe(200);
    const second = (await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Cyber, second round', posts: 1 }))).json;
    const published = (await ncaHr.post(`/v1/campaigns/${second.id}/publish`)).json;
    await titanHead.post(`/v1/alerts/${published.raisedAlertIds[0]}/respond`, { decision: 'accept', note: 'One more is fine.' });
    expect((await ncaHr.post(`/v1/campaigns/${second.id}/publish`)).json.campaign.status).toBe('open');
    heldApp = await applyAndShortlist(second.id, titanCyber[4]!);
    const before = (await ncaHr.get(`/v1/applications/${heldApp}/offer-context`)).json;
    expect(before).toMatchObject({ needsRelease: true, sourceCap: { cap: null, remaining: null } });
    expect(before.homeTeams[0]).toMatchObject({ projected: 7, after: 6 });

    const offer = (await ncaHr.post(`/v1/applications/${heldApp}/offer`, { startDate: start })).json;
    expect(offer.status).toBe('awaiting-release');
    releaseAlertId = offer.alertId;
    const context = (await titanHead.get(`/v1/alerts/${releaseAlertId}/context`)).json;
    expect(context).toMatchObject({ officer: { id: titanCyber[4], vetting: 'sc', pipLevel: 2 }, campaign: { id: second.id, startDate: start }, effect: 'would', suggestedCap: null });
    expect(context.teams[0]).toMatchObject({ capabilityId: 'cyber', projected: 7, after: 6, minimum: 7, level: 'critical' });
    expect(context.teams[0].committed).toHaveLength(3);

    await titanHead.post(`/v1/alerts/${releaseAlertId}/respond`, { decision: 'release', note: 'Released.' });
    expect((await officer(titanCyber[4]!).post(`/v1/applications/${heldApp}/accept`)).status).toBe(200);
    const after = (await titanHead.get(`/v1/alerts/${releaseAlertId}/context`)).json;
    expect(after.effect).toBe('has');
    expect(after.teams[0]).toMatchObject({ committedOut: 4, projected: 6, after: 6 });
    expect(after.teams[0].committed.map((c: { officerId: string }) => c.officerId)).toContain(titanCyber[4]);
  });

  it('the home decision on a secondment shows the team and that approving takes it below its minimum', async () => {
    const placement = (await ncaHr.post('/v1/placements', placementBody())).json;
    const applied = await officer(titanCyber[5]!).post(`/v1/placements/${placement.id}/applications`, { statement: 'I would like the experience.' });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);
    const res = await titanHr.get(`/v1/secondment-applications/${applied.json.id}/home-context`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ officer: { id: titanCyber[5] }, protected: true, needsRelease: true });
    expect(res.json.homeTeams[0]).toMatchObject({ capabilityId: 'cyber', projected: 6, after: 5, minimum: 7 });
    expect((await titanHead.get(`/v1/secondment-applications/${applied.json.id}/home-context`)).status).toBe(200);
    // The host's HR lead sees the application but not the home's numbers.
    expect((await ncaHr.get(`/v1/secondment-applications/${applied.json.id}/home-context`)).status).toBe(403);
  });
});
