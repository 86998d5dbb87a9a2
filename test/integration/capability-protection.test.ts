import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { createCapability, getBaseline } from '../../shared/data/capability.repository';
import { getOfficer } from '../../shared/data/officer.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { applyDueMoves } from '../../shared/use-cases/apply-due-moves';
import { as, asOfficer, users } from './support/api';
import { cyberCampaign, openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';
import { placementBody } from './support/placements';

/**
 * Capability protection for real teams: officers who hold several
 * capabilities, one person leaving once, joint posts that belong to their
 * organisation, and answers that cover only the risk that was answered.
 * Every test goes through the API against DynamoDB Local and ends with the
 * invariant checker's recount.
 */
const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const START = addDays(todayIso(), 30);
const ON_START = new Date(`${START}T06:00:00.000Z`);

async function team(orgId: string, capabilityId: string) {
  const b = await getBaseline(orgId, capabilityId);
  return { strength: b?.strength ?? 0, committedOut: b?.committedOut ?? 0, projected: b?.projected ?? 0 };
}

async function shortlisted(officer: Officer, campaignId: string, hr = ncaHr): Promise<string> {
  const applied = await asOfficer(officer).post(`/v1/campaigns/${campaignId}/applications`, { statement: 'I would like to join.' });
  expect(applied.status, JSON.stringify(applied.json)).toBe(201);
  expect((await hr.post(`/v1/applications/${applied.json.id}/shortlist`)).status).toBe(200);
  return applied.json.id as string;
}

const campaignOpenNow = (overrides: Parameters<typeof openCampaign>[0] = {}) =>
  openCampaign({ title: `Cyber (${newId('t')})`, opensOn: addDays(todayIso(), -7), closesOn: addDays(todayIso(), 60), ...overrides });

beforeAll(async () => {
  await seedReference();
  for (const c of [
    { id: 'kidnap-extortion', name: 'Kidnap and extortion' },
    { id: 'fraud', name: 'Economic crime and fraud' },
  ]) {
    await createCapability(c, SYSTEM_ACTOR);
  }
});

describe('every capability an officer holds is protected', () => {
  /** TITAN digital forensics: 3 holders against a minimum of 3; cyber has room. Two of the forensics holders also hold cyber. */
  const dual: Officer[] = [];
  beforeAll(async () => {
    await setBaseline('titan', 'cyber', 2, 20);
    await setBaseline('titan', 'digital-forensics', 3, 4);
    for (let i = 0; i < 6; i++) await makeOfficer({ homeOrgId: 'titan', name: `Cyber only ${i}`, capabilities: ['cyber'] });
    for (let i = 0; i < 2; i++) dual.push(await makeOfficer({ homeOrgId: 'titan', name: `Cyber and forensics ${i}`, capabilities: ['cyber', 'digital-forensics'] }));
    await makeOfficer({ homeOrgId: 'titan', name: 'Forensics only', capabilities: ['digital-forensics'] });
  });

  it('a cyber campaign’s impact shows TITAN digital forensics at risk through the officers who hold both', async () => {
    const campaign = (await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'NCA cyber', posts: 2 }))).json;
    const impact = (await ncaHr.get(`/v1/campaigns/${campaign.id}/impact`)).json;
    const forensics = impact.rows.find((r: any) => r.orgId === 'titan' && r.capabilityId === 'digital-forensics');
    expect(forensics).toMatchObject({ eligibleHolders: 2, exposure: 2, projected: 3, worstCase: 1, minimum: 3, level: 'critical' });
    expect(impact.rows.find((r: any) => r.orgId === 'titan' && r.capabilityId === 'cyber')).toMatchObject({ level: 'ok' });

    // Publishing consults TITAN's head about the forensics team, in one alert naming it.
    const published = (await ncaHr.post(`/v1/campaigns/${campaign.id}/publish`)).json;
    expect(published.campaign.status).toBe('consultation');
    const alert = (await titanHead.get(`/v1/alerts/${published.raisedAlertIds[0]}`)).json;
    expect(alert).toMatchObject({ kind: 'campaign-impact', orgId: 'titan', capabilityId: 'digital-forensics', level: 'critical' });
    expect(alert.teams.map((t: any) => t.capabilityId)).toEqual(['digital-forensics']);
  });

  it('an offer to a two-capability officer is held for the second team, and the acceptance counts in both', async () => {
    const campaign = await campaignOpenNow();
    const app = await shortlisted(dual[0]!, campaign.id);
    const offer = (await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: START })).json;
    // Cyber keeps its minimum; digital forensics (3 − 1 < 3) does not.
    expect(offer.status).toBe('awaiting-release');
    const alert = (await titanHead.get(`/v1/alerts/${offer.alertId}`)).json;
    expect(alert).toMatchObject({ kind: 'offer-release', capabilityId: 'digital-forensics', projected: 3, projectedAfter: 2, minimum: 3 });
    expect(alert.teams).toEqual([expect.objectContaining({ capabilityId: 'digital-forensics', projectedAfter: 2, level: 'critical' })]);

    expect((await titanHead.post(`/v1/alerts/${offer.alertId}/respond`, { decision: 'release', note: 'We will backfill forensics.' })).status).toBe(200);
    const cyberBefore = await team('titan', 'cyber');
    const forensicsBefore = await team('titan', 'digital-forensics');
    expect((await asOfficer(dual[0]!).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    expect(await team('titan', 'cyber')).toEqual({ ...cyberBefore, committedOut: cyberBefore.committedOut + 1, projected: cyberBefore.projected - 1 });
    expect(await team('titan', 'digital-forensics')).toEqual({ ...forensicsBefore, committedOut: forensicsBefore.committedOut + 1, projected: forensicsBefore.projected - 1 });
    expect((await getOfficer(dual[0]!.id, true))!.commitments).toEqual([expect.objectContaining({ kind: 'move', applicationId: app, fromOrgId: 'titan', toOrgId: 'nca' })]);
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('two acceptances racing on a second capability', () => {
  it('never take either team below its minimum without a decision', async () => {
    await setBaseline('titan', 'kidnap-extortion', 3, 4);
    const racers: Officer[] = [];
    for (let i = 0; i < 2; i++) racers.push(await makeOfficer({ homeOrgId: 'titan', name: `K&E racer ${i}`, capabilities: ['cyber', 'kidnap-extortion'] }));
    for (let i = 0; i < 2; i++) await makeOfficer({ homeOrgId: 'titan', name: `K&E ${i}`, capabilities: ['kidnap-extortion'] });
    // Four in the team, minimum 3: each offer alone keeps it at 3, so both are made directly.
    const campaign = await campaignOpenNow();
    const apps: string[] = [];
    for (const o of racers) {
      const app = await shortlisted(o, campaign.id);
      expect((await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: START })).json.status).toBe('offered');
      apps.push(app);
    }
    const results = await Promise.all(racers.map((o, i) => asOfficer(o).post(`/v1/applications/${apps[i]}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.json.error.message).toMatch(/titan’s kidnap-extortion team below its minimum/);
    expect(await team('titan', 'kidnap-extortion')).toMatchObject({ strength: 4, committedOut: 1, projected: 3 });
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('one officer is committed once', () => {
  it('a secondment overlapping an accepted move is refused with 409 naming the move; nothing is counted twice', async () => {
    await setBaseline('titan', 'surveillance', 0, 10);
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Double booked', capabilities: ['surveillance'], pipLevel: 1 });
    const campaign = await campaignOpenNow({ capabilityId: 'surveillance', roleProfile: { jobDescription: 'Surveillance', terms: 'Permanent', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 1, locations: ['Manchester'] } });
    const app = await shortlisted(officer, campaign.id);
    expect((await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: START })).json.status).toBe('offered');
    expect((await asOfficer(officer).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    const counted = await team('titan', 'surveillance');

    // The same officer applies for a secondment starting later: the move never ends, so it overlaps.
    const placement = (await ncaHr.post('/v1/placements', placementBody({ title: 'Surveillance secondment', capabilityId: 'surveillance', startDate: addDays(START, 10) }))).json;
    const sec = (await asOfficer(officer).post(`/v1/placements/${placement.id}/applications`, { statement: 'And this.' })).json;
    expect((await titanHead.post(`/v1/secondment-applications/${sec.id}/home-decision`, { decision: 'approve', note: 'Fine.' })).status).toBe(200);
    const confirm = await ncaHr.post(`/v1/secondment-applications/${sec.id}/host-decision`, { decision: 'accept' });
    expect(confirm.status).toBe(409);
    expect(confirm.json.error.message).toMatch(/already committed elsewhere: an accepted move to nca/);
    expect(confirm.json.error.details[0]).toMatchObject({ field: 'commitments', applicationId: app });
    expect(await team('titan', 'surveillance')).toEqual(counted);
    expect((await ncaHr.get(`/v1/secondment-applications/${sec.id}`)).json.status).toBe('home-approved');
    expect(await checkInvariants()).toEqual([]);
  });

  it('a secondment that ends before a later move starts is allowed, and the officer counts out once', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Back before leaving', capabilities: ['surveillance'], pipLevel: 1 });
    const placement = (await ncaHr.post('/v1/placements', placementBody({ title: 'Short surveillance secondment', capabilityId: 'surveillance', startDate: START, durationMonths: 1 }))).json;
    const sec = (await asOfficer(officer).post(`/v1/placements/${placement.id}/applications`, { statement: 'One month.' })).json;
    expect((await titanHead.post(`/v1/secondment-applications/${sec.id}/home-decision`, { decision: 'approve', note: 'Fine.' })).status).toBe(200);
    const before = await team('titan', 'surveillance');
    expect((await ncaHr.post(`/v1/secondment-applications/${sec.id}/host-decision`, { decision: 'accept' })).status).toBe(200);
    expect(await team('titan', 'surveillance')).toMatchObject({ committedOut: before.committedOut + 1 });

    const campaign = await campaignOpenNow({ capabilityId: 'surveillance', roleProfile: { jobDescription: 'Surveillance', terms: 'Permanent', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 1, locations: ['Manchester'] } });
    const app = await shortlisted(officer, campaign.id);
    expect((await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: addDays(START, 90) })).json.status).toBe('offered');
    expect((await asOfficer(officer).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    // Two commitments, one person: committedOut moved once.
    expect(await team('titan', 'surveillance')).toMatchObject({ committedOut: before.committedOut + 1 });
    expect((await getOfficer(officer.id, true))!.commitments!.map((c) => c.kind)).toEqual(['secondment', 'move']);

    // Withdrawing the secondment leaves the move counted.
    expect((await asOfficer(officer).post(`/v1/secondment-applications/${sec.id}/withdraw`)).status).toBe(200);
    expect(await team('titan', 'surveillance')).toMatchObject({ committedOut: before.committedOut + 1 });
    expect(await checkInvariants()).toEqual([]);
  });

  it('an officer with a commitment cannot be marked as left through the CSV import either', async () => {
    const titanHr = as(users.titanHr);
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Import leaver', staffNumber: 'TIT-9001', capabilities: ['surveillance'], pipLevel: 1 });
    const campaign = await campaignOpenNow({ capabilityId: 'surveillance', roleProfile: { jobDescription: 'Surveillance', terms: 'Permanent', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 1, locations: ['Manchester'] } });
    const app = await shortlisted(officer, campaign.id);
    await ncaHr.post(`/v1/applications/${app}/offer`, { startDate: START });
    expect((await asOfficer(officer).post(`/v1/applications/${app}/accept`)).status).toBe(200);
    const csv = 'staffNumber,name,vetting,region,capabilities,vettingExpiresOn,pipLevel,email,status\nTIT-9001,Import leaver,sc,north-west,surveillance,,1,,left\n';
    const res = await titanHr.post('/v1/officers/import', undefined, { raw: csv, contentType: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ updated: 0, errors: [expect.objectContaining({ row: 2, field: 'status' })] });
    expect((await getOfficer(officer.id, true))!.status).toBe('active');
  });
});

describe('joint campaigns place appointees where their post is', () => {
  it('an appointee into the partner’s allocation moves to the partner; one into their own stays and is no loss', async () => {
    await setBaseline('viper', 'cyber', 1, 10);
    const titanOfficer = await makeOfficer({ homeOrgId: 'titan', name: 'To VIPER' });
    const viperOfficer = await makeOfficer({ homeOrgId: 'viper', name: 'Stays at VIPER', region: 'west-midlands' });
    const campaign = await campaignOpenNow({ partnerOrgIds: ['viper'], posts: 3, allocations: [{ orgId: 'nca', posts: 1 }, { orgId: 'viper', posts: 2 }] });

    const toViper = await shortlisted(titanOfficer, campaign.id);
    const offered = (await ncaHr.post(`/v1/applications/${toViper}/offer`, { startDate: START, allocationOrgId: 'viper' })).json;
    expect(offered).toMatchObject({ status: 'offered', allocationOrgId: 'viper' });
    expect((await asOfficer(titanOfficer).post(`/v1/applications/${toViper}/accept`)).status).toBe(200);

    const viperBefore = await team('viper', 'cyber');
    const stays = await shortlisted(viperOfficer, campaign.id);
    expect((await ncaHr.post(`/v1/applications/${stays}/offer`, { startDate: START, allocationOrgId: 'viper' })).json.status).toBe('offered');
    expect((await asOfficer(viperOfficer).post(`/v1/applications/${stays}/accept`)).status).toBe(200);
    // Filling VIPER's own post: VIPER's team does not count them out.
    expect(await team('viper', 'cyber')).toEqual(viperBefore);
    expect((await getOfficer(viperOfficer.id, true))!.commitments).toEqual([]);

    // VIPER's two posts are taken: a third offer into them is 409; an unknown allocation is 400.
    const third = await shortlisted(await makeOfficer({ homeOrgId: 'titan', name: 'One too many' }), campaign.id);
    expect((await ncaHr.post(`/v1/applications/${third}/offer`, { startDate: START, allocationOrgId: 'viper' })).status).toBe(409);
    const unknown = await ncaHr.post(`/v1/applications/${third}/offer`, { startDate: START, allocationOrgId: 'ersou' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details[0]).toMatchObject({ field: 'allocationOrgId' });

    const run = await applyDueMoves(ON_START);
    expect(run.movedIds).toEqual(expect.arrayContaining([toViper, stays]));
    expect(await getOfficer(titanOfficer.id, true)).toMatchObject({ homeOrgId: 'viper', region: 'west-midlands', commitments: [] });
    expect(await getOfficer(viperOfficer.id, true)).toMatchObject({ homeOrgId: 'viper' });
    expect(await team('viper', 'cyber')).toMatchObject({ strength: viperBefore.strength + 1, committedOut: 0 });
    expect(await checkInvariants()).toEqual([]);
  });

  it('offers into one allocation never exceed its posts, even at once', async () => {
    const campaign = await campaignOpenNow({ posts: 2, allocations: [{ orgId: 'nca', posts: 1 }, { orgId: 'viper', posts: 1 }], partnerOrgIds: ['viper'] });
    const apps: string[] = [];
    for (let i = 0; i < 4; i++) apps.push(await shortlisted(await makeOfficer({ homeOrgId: 'greater-manchester', name: `GMP racer ${i}` }), campaign.id));
    const results = await Promise.all(apps.map((a) => ncaHr.post(`/v1/applications/${a}/offer`, { startDate: START })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('an answer covers only the risk that was answered', () => {
  it('raising the posts after the head accepted the risk reopens consultation with a new alert; publishing holds until it is answered', async () => {
    await setBaseline('ersou', 'fraud', 3, 6);
    for (let i = 0; i < 5; i++) await makeOfficer({ homeOrgId: 'ersou', name: `Fraud ${i}`, region: 'east-of-england', capabilities: ['fraud'] });
    const ersouHead = as(users.ersouHead);
    const draft = (await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'NCA fraud', capabilityId: 'fraud', regions: ['east-of-england'], posts: 3 }))).json;
    const first = (await ncaHr.post(`/v1/campaigns/${draft.id}/publish`)).json;
    expect(first.campaign.status, JSON.stringify((await ncaHr.get(`/v1/campaigns/${draft.id}/impact`)).json)).toBe('consultation');
    const firstAlert = first.raisedAlertIds[0];
    expect((await ersouHead.get(`/v1/alerts/${firstAlert}`)).json).toMatchObject({ projectedAfter: 2, minimum: 3, level: 'critical' });
    expect((await ersouHead.post(`/v1/alerts/${firstAlert}/respond`, { decision: 'accept', note: 'We can carry two short.' })).status).toBe(200);

    const current = (await ncaHr.get(`/v1/campaigns/${draft.id}`)).json;
    expect((await ncaHr.patch(`/v1/campaigns/${draft.id}`, { posts: 5, version: current.version })).status).toBe(200);
    const again = (await ncaHr.post(`/v1/campaigns/${draft.id}/publish`)).json;
    expect(again.campaign.status).toBe('consultation');
    const reopened = again.raisedAlertIds[0];
    expect(reopened).not.toBe(firstAlert);
    expect((await ersouHead.get(`/v1/alerts/${reopened}`)).json).toMatchObject({ status: 'open', projectedAfter: 0, level: 'loss' });
    expect(again.campaign.consultation.ersou).toMatchObject({ alertId: reopened, teams: [{ capabilityId: 'fraud', worstCase: 0, level: 'loss' }] });
    expect((await ncaHr.post(`/v1/campaigns/${draft.id}/publish`)).status).toBe(409);

    // Fewer posts again is no worse than what is now being asked: the answer to the new alert opens it.
    expect((await ersouHead.post(`/v1/alerts/${reopened}/respond`, { decision: 'accept', note: 'Understood: we will recruit behind them.' })).status).toBe(200);
    expect((await ncaHr.post(`/v1/campaigns/${draft.id}/publish`)).json.campaign.status).toBe('open');
  });
});
