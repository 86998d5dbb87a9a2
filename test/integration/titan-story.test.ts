import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/working-days';
import { as, users } from './support/api';
import { cyberCampaign, seedTitanStory } from './support/campaigns';
import { seedReference } from './support/fixtures';

/**
 * The TITAN story of BRIEF.md, played through the API exactly as written, one
 * step per test, each building on the last.
 */
const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const ersouHead = as(users.ersouHead);
const viperHr = as({ sub: 'viper-hr', org: 'viper', roles: ['hr-lead'] });

let titanCyber: string[];
const officer = (id: string) => as({ sub: `officer-${id}`, org: 'titan', roles: ['officer'], officerId: id });
const today = new Date().toISOString().slice(0, 10);
const start = addDays(today, 30);

async function titanRow() {
  const res = await titanHead.get('/v1/organisations/titan/capabilities');
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber');
}

async function applyAndShortlist(campaignId: string, officerId: string) {
  const applied = await officer(officerId).post(`/v1/campaigns/${campaignId}/applications`, { statement: 'I lead our ransomware response.' });
  expect(applied.status).toBe(201);
  const shortlisted = await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`);
  expect(shortlisted.status).toBe(200);
  return applied.json.id as string;
}

beforeAll(async () => {
  await seedReference();
  ({ titanCyber } = await seedTitanStory());
});

describe('the TITAN story', () => {
  let first: any;
  let impactAlertId: string;
  const firstApps: string[] = [];
  let second: any;
  let gatedApp: string;
  let releaseAlertId: string;

  it('1. "Cyber investigators, North West": 6 posts, SC, PIP2, no cap — TITAN critical (6 of 9, worst case 4 < 7), ERSOU ok', async () => {
    first = (await ncaHr.post('/v1/campaigns', cyberCampaign())).json;
    const impact = (await ncaHr.get(`/v1/campaigns/${first.id}/impact`)).json;
    expect(impact.rows.find((r: any) => r.orgId === 'titan')).toMatchObject({ eligibleHolders: 9, exposure: 6, worstCase: 4, level: 'critical' });
    expect(impact.rows.find((r: any) => r.orgId === 'ersou')).toMatchObject({ exposure: 6, worstCase: 6, level: 'ok' });
  });

  it('2. publishing puts it in consultation with an alert to the TITAN head only; publishing again is 409 naming it', async () => {
    const published = (await ncaHr.post(`/v1/campaigns/${first.id}/publish`)).json;
    expect(published.campaign.status).toBe('consultation');
    impactAlertId = published.raisedAlertIds[0];
    expect((await titanHead.get('/v1/alerts')).json.items.map((a: any) => a.id)).toEqual([impactAlertId]);
    expect((await ersouHead.get('/v1/alerts')).json.items).toEqual([]);
    const again = await ncaHr.post(`/v1/campaigns/${first.id}/publish`);
    expect(again.status).toBe(409);
    expect(again.json.error.details[0].alertId).toBe(impactAlertId);
  });

  it('3. the head asks for a cap of 2; the HR lead sets it (TITAN now a warning, 8 < 8.4); publishing opens it', async () => {
    await titanHead.post(`/v1/alerts/${impactAlertId}/respond`, { decision: 'request-cap', cap: 2, note: 'Two, and we keep the team.' });
    const current = (await ncaHr.get(`/v1/campaigns/${first.id}`)).json;
    await ncaHr.patch(`/v1/campaigns/${first.id}`, { maxAppointmentsPerSource: 2, version: current.version });
    const row = (await ncaHr.get(`/v1/campaigns/${first.id}/impact`)).json.rows.find((r: any) => r.orgId === 'titan');
    expect(row).toMatchObject({ worstCase: 8, level: 'warning' });
    expect((await ncaHr.post(`/v1/campaigns/${first.id}/publish`)).json.campaign.status).toBe('open');
  });

  it('4. four TITAN officers apply; two offers keep TITAN at or above 7; a third is 409 (the cap); both accept: projected 8', async () => {
    for (const id of titanCyber.slice(0, 4)) firstApps.push(await applyAndShortlist(first.id, id));
    for (const app of firstApps.slice(0, 2)) {
      const offer = await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: start });
      expect(offer.json.status).toBe('offered');
    }
    const third = await ncaHr.post(`/v1/applications/${firstApps[2]}/offer`, { startDate: start });
    expect(third.status).toBe(409);
    expect(third.json.error.message).toMatch(/cap/i);
    for (const [i, app] of firstApps.slice(0, 2).entries()) {
      expect((await officer(titanCyber[i]!).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    }
    expect(await titanRow()).toMatchObject({ strength: 10, committedOut: 2, projected: 8 });
  });

  it('5a. a joint NCA–VIPER campaign offers another TITAN officer: 8 − 1 = 7, offered and accepted, projected 7', async () => {
    second = (
      await ncaHr.post(
        '/v1/campaigns',
        cyberCampaign({ title: 'Joint NCA–VIPER cyber', partnerOrgIds: ['viper'], regions: ['north-west', 'west-midlands'], posts: 2, allocations: [{ orgId: 'nca', posts: 1 }, { orgId: 'viper', posts: 1 }], opensOn: addDays(today, -3), closesOn: addDays(today, 70) }),
      )
    ).json;
    const published = (await ncaHr.post(`/v1/campaigns/${second.id}/publish`)).json;
    expect(published.campaign.status).toBe('consultation'); // 8 − 2 = 6 < 7: TITAN is asked again
    await titanHead.post(`/v1/alerts/${published.raisedAlertIds[0]}/respond`, { decision: 'accept', note: 'One more we can release; a second needs a date.' });
    expect((await viperHr.get(`/v1/campaigns/${second.id}`)).status).toBe(200); // the partner co-manages it
    expect((await ncaHr.post(`/v1/campaigns/${second.id}/publish`)).json.campaign.status).toBe('open');

    const app = await applyAndShortlist(second.id, titanCyber[4]!);
    expect((await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: start })).json.status).toBe('offered');
    expect((await officer(titanCyber[4]!).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    expect((await titanRow()).projected).toBe(7);
  });

  it('5b. an offer to a second TITAN officer would leave 6: awaiting-release with an offer-release alert; the officer cannot accept yet', async () => {
    gatedApp = await applyAndShortlist(second.id, titanCyber[5]!);
    // The NCA's one post is filled; the offer fills VIPER's allocation.
    const ncaFull = await ncaHr.post(`/v1/applications/${gatedApp}/offer`, { startDate: start });
    expect(ncaFull.status).toBe(409);
    expect(ncaFull.json.error.message).toMatch(/nca’s allocation are offered or filled/);
    const offer = (await ncaHr.post(`/v1/applications/${gatedApp}/offer`, { startDate: start, allocationOrgId: 'viper' })).json;
    expect(offer.status).toBe('awaiting-release');
    releaseAlertId = offer.alertId;
    const alert = (await titanHead.get(`/v1/alerts/${releaseAlertId}`)).json;
    expect(alert).toMatchObject({ kind: 'offer-release', status: 'open', projected: 7, projectedAfter: 6, minimum: 7, requestedStart: start });
    const early = await officer(titanCyber[5]!).post(`/v1/applications/${gatedApp}/accept`);
    expect(early.status).toBe(409);
    // The officer sees where their offer stands.
    const mine = (await officer(titanCyber[5]!).get('/v1/me/applications')).json.items;
    expect(mine.find((a: any) => a.id === gatedApp).status).toBe('awaiting-release');
  });

  it('5c. the head defers to 60 days after the requested start; the start moves there; the officer accepts', async () => {
    const releaseDate = addDays(start, 60);
    const tooLate = await titanHead.post(`/v1/alerts/${releaseAlertId}/respond`, { decision: 'defer', releaseDate: addDays(start, 91), note: 'x' });
    expect(tooLate.status).toBe(400);
    const deferred = await titanHead.post(`/v1/alerts/${releaseAlertId}/respond`, { decision: 'defer', releaseDate, note: 'After the Operation Kestrel trial.' });
    expect(deferred.json).toMatchObject({ status: 'resolved', outcome: 'deferred', releaseDate });
    const app = (await officer(titanCyber[5]!).get(`/v1/applications/${gatedApp}`)).json;
    expect(app).toMatchObject({ status: 'offered', startDate: releaseDate, releaseDate, releaseDecision: 'deferred' });
    expect((await officer(titanCyber[5]!).post(`/v1/applications/${gatedApp}/accept`)).status).toBe(200);
    expect(await titanRow()).toMatchObject({ strength: 10, committedOut: 4, projected: 6 });
  });

  it('6. every step is in the audit trail, with who did it, in which role, and their note', async () => {
    const campaignTrail = (await ncaHr.get(`/v1/audit?entity=campaign:${first.id}`)).json.items;
    expect(campaignTrail.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['campaign.created', 'campaign.consultation', 'alert.request-cap', 'campaign.edited', 'campaign.opened']),
    );
    const capRequest = campaignTrail.find((e: any) => e.action === 'alert.request-cap');
    expect(capRequest).toMatchObject({ actor: { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] }, note: 'Two, and we keep the team.' });

    const releaseTrail = (await titanHead.get(`/v1/alerts/${releaseAlertId}`)).json.history;
    expect(releaseTrail.map((e: any) => e.action)).toEqual(['alert.raised', 'alert.defer']);
    expect(releaseTrail[1]).toMatchObject({ actor: { sub: 'titan-head', roles: ['rocu-head'] }, note: 'After the Operation Kestrel trial.' });

    const appTrail = (await ncaHr.get(`/v1/audit?entity=application:${gatedApp}`)).json.items;
    expect(appTrail.map((e: any) => e.action)).toEqual(expect.arrayContaining(['application.submitted', 'application.shortlisted']));
    expect(appTrail.length).toBeGreaterThanOrEqual(5);
    expect(appTrail.every((e: any) => e.actor && e.at)).toBe(true);
  });

  it('an officer with an accepted move cannot be marked as left: the commitment would count twice', async () => {
    const titanHr = as(users.titanHr);
    const record = (await titanHr.get(`/v1/officers/${titanCyber[5]}`)).json;
    const res = await titanHr.patch(`/v1/officers/${titanCyber[5]}`, { status: 'left', version: record.version });
    expect(res.status).toBe(409);
    expect(res.json.error.details[0]).toMatchObject({ field: 'status', applicationId: gatedApp });
    expect(await titanRow()).toMatchObject({ strength: 10, committedOut: 4 });
  });

  it('and cancelling a campaign gives back everything its offers held', async () => {
    expect((await ncaHr.post(`/v1/campaigns/${second.id}/cancel`, { note: 'Funding moved to the joint unit.' })).status).toBe(200);
    expect(await titanRow()).toMatchObject({ committedOut: 2, projected: 8 });
    const apps = (await ncaHr.get(`/v1/campaigns/${second.id}/applications`)).json.items;
    expect(apps.every((a: any) => ['withdrawn', 'rejected'].includes(a.status))).toBe(true);
  });
});
