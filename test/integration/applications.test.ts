import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAlert, listInbox, updateAlertActions } from '../../shared/data/alert.repository';
import { getSourceOffers } from '../../shared/data/application.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { transactWrite } from '../../shared/data/transact';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Officer } from '../../shared/schemas/officer.schema';
import { releaseEffects } from '../../shared/use-cases/offer-release-effects';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { openCampaign } from './support/campaigns';

const ncaHr = as(users.ncaHr);
const ersouHr = as(users.ersouHr);
const titanHr = as(users.titanHr);
const start = addDays(todayIso(), 30);


const apply = (o: Officer, campaignId: string, statement = 'I investigate cyber crime.') =>
  asOfficer(o).post(`/v1/campaigns/${campaignId}/applications`, { statement });

/** Apply and shortlist: the id of a shortlisted application. */
async function shortlisted(o: Officer, campaignId: string, hr = ncaHr): Promise<string> {
  const res = await apply(o, campaignId);
  expect(res.status).toBe(201);
  expect((await hr.post(`/v1/applications/${res.json.id}/shortlist`)).status).toBe(200);
  return res.json.id;
}

async function cyber(orgId: string) {
  const res = await titanHr.get(`/v1/organisations/${orgId}/capabilities`);
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber');
}

const titan: Officer[] = [];
const ersou: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('ersou', 'cyber', 2, 4);
  // TITAN's cyber team of the brief: strength 10, minimum 7.
  for (let i = 0; i < 10; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}` }));
  for (let i = 0; i < 3; i++) ersou.push(await makeOfficer({ homeOrgId: 'ersou', name: `Ersou ${i}`, region: 'east-of-england' }));
});

describe('applying to a campaign', () => {
  it('an eligible officer applies to an open campaign; a second application is 409', async () => {
    const campaign = await openCampaign();
    const res = await apply(titan[0]!, campaign.id);
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/applications/${res.json.id}`);
    expect(res.json).toMatchObject({
      applicationType: 'campaign',
      campaignId: campaign.id,
      campaignTitle: campaign.title,
      capabilityId: 'cyber',
      officerId: titan[0]!.id,
      officerName: 'Titan 0',
      homeOrgId: 'titan',
      statement: 'I investigate cyber crime.',
      status: 'submitted',
      version: 1,
    });
    expect(res.json.history).toEqual([expect.objectContaining({ status: 'submitted', by: `u-${titan[0]!.id}` })]);
    expect(res.json).not.toHaveProperty('campaignOrgIds');

    const again = await apply(titan[0]!, campaign.id);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already applied/);
  });

  it('a closed campaign is 409, a draft is not found', async () => {
    const closed = await openCampaign({ status: 'closed' });
    const res = await apply(titan[0]!, closed.id);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/closed/);
    const draft = await openCampaign({ status: 'draft' });
    expect((await apply(titan[0]!, draft.id)).status).toBe(404);
  });

  it('an officer who does not meet the role profile gets 403 naming the reason', async () => {
    const campaign = await openCampaign();
    const lowVetting = await makeOfficer({ homeOrgId: 'titan', vetting: 'nppv3', capabilities: [] });
    const expired = await makeOfficer({ homeOrgId: 'titan', vettingExpiresOn: '2020-06-30', capabilities: [] });
    const lowPip = await makeOfficer({ homeOrgId: 'titan', pipLevel: 1, capabilities: [] });

    const v = await apply(lowVetting, campaign.id);
    expect(v.status).toBe(403);
    expect(v.json.error.message).toMatch(/needs sc vetting and yours is nppv3/);
    expect(v.json.error.details).toEqual([expect.objectContaining({ code: 'vetting-below-profile' })]);
    const e = await apply(expired, campaign.id);
    expect(e.status).toBe(403);
    expect(e.json.error.message).toMatch(/vetting expired on 2020-06-30/);
    const p = await apply(lowPip, campaign.id);
    expect(p.status).toBe(403);
    expect(p.json.error.message).toMatch(/PIP level 2 and yours is 1/);
  });

  it('only officers apply; an unknown field or an empty statement is a 400', async () => {
    const campaign = await openCampaign();
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'x' })).status).toBe(403);
    expect((await apply(titan[1]!, campaign.id, '   ')).status).toBe(400);
    const extra = await asOfficer(titan[1]!).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'x', status: 'accepted' });
    expect(extra.status).toBe(400);
    expect(extra.json.error.code).toBe('validation_failed');
  });
});

describe('listing applications', () => {
  let campaign: Campaign;
  beforeAll(async () => {
    campaign = await openCampaign({ partnerOrgIds: ['ersou'] });
    await apply(titan[2]!, campaign.id);
    await apply(titan[3]!, campaign.id);
  });

  it('the owner’s and partners’ HR leads list a campaign’s applications, filtered by status', async () => {
    for (const hr of [ncaHr, ersouHr]) {
      const res = await hr.get(`/v1/campaigns/${campaign.id}/applications`);
      expect(res.status).toBe(200);
      expect(res.json.items.map((a: { officerId: string }) => a.officerId)).toEqual([titan[2]!.id, titan[3]!.id]);
    }
    const first = await ncaHr.get(`/v1/campaigns/${campaign.id}/applications?limit=1`);
    expect(first.json.items).toHaveLength(1);
    const second = await ncaHr.get(`/v1/campaigns/${campaign.id}/applications?limit=1&cursor=${first.json.cursor}`);
    expect(second.json.items[0].officerId).toBe(titan[3]!.id);
    const none = await ncaHr.get(`/v1/campaigns/${campaign.id}/applications?status=offered`);
    expect(none.json.items).toEqual([]);
  });

  it('another organisation’s HR lead gets 404', async () => {
    const res = await titanHr.get(`/v1/campaigns/${campaign.id}/applications`);
    expect(res.status).toBe(404);
  });

  it('an officer sees their own applications, newest first, and nobody else’s', async () => {
    const later = await openCampaign({ title: 'Later campaign' });
    await apply(titan[2]!, later.id);
    const res = await asOfficer(titan[2]!).get('/v1/me/applications');
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { campaignId: string }) => a.campaignId)).toEqual([later.id, campaign.id]);
    expect(res.json.items.every((a: { officerId: string }) => a.officerId === titan[2]!.id)).toBe(true);
  });

  it('the applicant and the campaign’s HR read one application; others get 404', async () => {
    const mine = (await asOfficer(titan[3]!).get('/v1/me/applications')).json.items[0];
    expect((await asOfficer(titan[3]!).get(`/v1/applications/${mine.id}`)).status).toBe(200);
    expect((await ersouHr.get(`/v1/applications/${mine.id}`)).status).toBe(200);
    expect((await asOfficer(titan[2]!).get(`/v1/applications/${mine.id}`)).status).toBe(404);
    expect((await titanHr.get(`/v1/applications/${mine.id}`)).status).toBe(404);
  });
});

describe('shortlisting, rejecting and offering', () => {
  it('HR shortlists a submitted application once; another organisation’s HR gets 404', async () => {
    const campaign = await openCampaign();
    const app = (await apply(titan[4]!, campaign.id)).json;
    expect((await ersouHr.post(`/v1/applications/${app.id}/shortlist`)).status).toBe(404);
    const res = await ncaHr.post(`/v1/applications/${app.id}/shortlist`);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'shortlisted', version: 2 });
    expect(res.json.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'shortlisted']);
    expect((await ncaHr.post(`/v1/applications/${app.id}/shortlist`)).status).toBe(409);
  });

  it('an offer needs a shortlisted application and a start date not in the past', async () => {
    const campaign = await openCampaign();
    const app = (await apply(titan[4]!, campaign.id)).json;
    const early = await ncaHr.post(`/v1/applications/${app.id}/offer`, { startDate: start });
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/Shortlist/);
    await ncaHr.post(`/v1/applications/${app.id}/shortlist`);
    const past = await ncaHr.post(`/v1/applications/${app.id}/offer`, { startDate: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.json.error.details[0].field).toBe('startDate');
    expect((await ncaHr.post(`/v1/applications/${app.id}/offer`, { startDate: 'soon' })).status).toBe(400);
    const ok = await ncaHr.post(`/v1/applications/${app.id}/offer`, { startDate: start });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ status: 'offered', startDate: start, requestedStartDate: start, alertId: null });
  });

  it('HR rejects a submitted application; a rejected one cannot be offered or rejected again', async () => {
    const campaign = await openCampaign();
    const app = (await apply(titan[5]!, campaign.id)).json;
    const res = await ncaHr.post(`/v1/applications/${app.id}/reject`);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('rejected');
    expect((await ncaHr.post(`/v1/applications/${app.id}/reject`)).status).toBe(409);
    expect((await asOfficer(titan[5]!).post(`/v1/applications/${app.id}/withdraw`)).status).toBe(409);
  });
});

describe('the per-source cap', () => {
  it('a third offer to TITAN officers with a cap of 2 is 409 naming the cap, and the count stays at 2', async () => {
    const campaign = await openCampaign({ maxAppointmentsPerSource: 2 });
    const ids = [await shortlisted(titan[0]!, campaign.id), await shortlisted(titan[1]!, campaign.id), await shortlisted(titan[2]!, campaign.id)];
    for (const id of ids.slice(0, 2)) expect((await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: start })).json.status).toBe('offered');
    const third = await ncaHr.post(`/v1/applications/${ids[2]}/offer`, { startDate: start });
    expect(third.status).toBe(409);
    expect(third.json.error.message).toMatch(/per-source cap is 2/);
    expect(await getSourceOffers(campaign.id, 'titan')).toBe(2);
    expect((await ncaHr.get(`/v1/applications/${ids[2]}`)).json.status).toBe('shortlisted');

    // Rejecting a live offer gives its slot back, so the third offer can now be made.
    expect((await ncaHr.post(`/v1/applications/${ids[0]}/reject`)).status).toBe(200);
    expect(await getSourceOffers(campaign.id, 'titan')).toBe(1);
    expect((await ncaHr.post(`/v1/applications/${ids[2]}/offer`, { startDate: start })).status).toBe(200);
    expect(await getSourceOffers(campaign.id, 'titan')).toBe(2);
  });

  it('the cap counts per source: ERSOU officers have their own slots', async () => {
    const campaign = await openCampaign({ maxAppointmentsPerSource: 1 });
    const t = await shortlisted(titan[3]!, campaign.id);
    const e = await shortlisted(ersou[0]!, campaign.id);
    expect((await ncaHr.post(`/v1/applications/${t}/offer`, { startDate: start })).status).toBe(200);
    expect((await ncaHr.post(`/v1/applications/${e}/offer`, { startDate: start })).status).toBe(200);
    expect(await getSourceOffers(campaign.id, 'titan')).toBe(1);
    expect(await getSourceOffers(campaign.id, 'ersou')).toBe(1);
    // Both withdrawn: the slots come back (leaves ERSOU untouched for the tests below).
    expect((await asOfficer(titan[3]!).post(`/v1/applications/${t}/withdraw`)).status).toBe(200);
    expect((await asOfficer(ersou[0]!).post(`/v1/applications/${e}/withdraw`)).status).toBe(200);
    expect(await getSourceOffers(campaign.id, 'titan')).toBe(0);
    expect(await getSourceOffers(campaign.id, 'ersou')).toBe(0);
  });
});

describe('the TITAN story: offers, the gate and atomic acceptance', () => {
  it('two offers that keep TITAN at or above 7 are made directly, and both acceptances count', async () => {
    const campaign = await openCampaign({ maxAppointmentsPerSource: 2 });
    const a = await shortlisted(titan[6]!, campaign.id);
    const b = await shortlisted(titan[7]!, campaign.id);
    for (const id of [a, b]) expect((await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: start })).json.status).toBe('offered');
    expect(await cyber('titan')).toMatchObject({ strength: 10, committedOut: 0, projected: 10 });

    const accepted = await asOfficer(titan[6]!).post(`/v1/applications/${a}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ status: 'accepted', startDate: start });
    expect((await asOfficer(titan[7]!).post(`/v1/applications/${b}/accept`)).status).toBe(200);
    expect(await cyber('titan')).toMatchObject({ strength: 10, committedOut: 2, projected: 8 });

    // The accepted move waits on the move-due index for its start date.
    const item = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.application(a) }));
    expect(item.Item).toMatchObject(keys.moveDue(start, a));
  });

  it('only the applicant accepts; an accepted offer cannot be accepted twice', async () => {
    const mine = (await asOfficer(titan[6]!).get('/v1/me/applications')).json.items[0];
    expect((await asOfficer(titan[8]!).post(`/v1/applications/${mine.id}/accept`)).status).toBe(404);
    expect((await ncaHr.post(`/v1/applications/${mine.id}/accept`)).status).toBe(403);
    expect((await asOfficer(titan[6]!).post(`/v1/applications/${mine.id}/accept`)).status).toBe(409);
  });

  it('8 − 1 = 7 is offered and accepted; the next offer waits for TITAN’s release, with an alert in the head’s inbox', async () => {
    const joint = await openCampaign({ title: 'Joint NCA–ERSOU cyber', partnerOrgIds: ['ersou'] });
    const c = await shortlisted(titan[8]!, joint.id);
    expect((await ncaHr.post(`/v1/applications/${c}/offer`, { startDate: start })).json.status).toBe('offered');
    expect((await asOfficer(titan[8]!).post(`/v1/applications/${c}/accept`)).status).toBe(200);
    expect(await cyber('titan')).toMatchObject({ committedOut: 3, projected: 7 });

    const d = await shortlisted(titan[9]!, joint.id, ersouHr);
    const gated = await ersouHr.post(`/v1/applications/${d}/offer`, { startDate: start });
    expect(gated.status).toBe(200);
    expect(gated.json.status).toBe('awaiting-release');
    expect(gated.json.alertId).toMatch(/^alt_/);

    const alert = await getAlert(gated.json.alertId);
    expect(alert).toMatchObject({
      kind: 'offer-release',
      orgId: 'titan',
      region: 'north-west',
      applicationId: d,
      officerId: titan[9]!.id,
      level: 'critical',
      status: 'open',
      strength: 10,
      projected: 7,
      projectedAfter: 6,
      minimum: 7,
      requestedStart: start,
    });
    const inbox = await listInbox(['rocu-head:titan'], {}, { limit: 20 });
    expect(inbox.items.map((i) => i.id)).toContain(alert!.id);
    const ersouHeadInbox = await listInbox(['rocu-head:ersou'], {}, { limit: 20 });
    expect(ersouHeadInbox.items.map((i) => i.id)).not.toContain(alert!.id);
    expect(alert!.audiences.sort()).toEqual(['hr-lead:ersou', 'hr-lead:nca', 'rocu-head:titan']);

    // The officer cannot accept an offer that waits for release; nothing is counted.
    const early = await asOfficer(titan[9]!).post(`/v1/applications/${d}/accept`);
    expect(early.status).toBe(409);
    expect(early.json.error.message).toMatch(/release decision/);
    expect(await cyber('titan')).toMatchObject({ committedOut: 3, projected: 7 });

    // The TITAN head defers the release by 60 days (the alert decision is the lead's use case; its effects are ours).
    const releaseDate = addDays(start, 60);
    const decided = { ...alert!, status: 'resolved' as const, outcome: 'deferred', releaseDate, version: alert!.version + 1, dueAt: null };
    await transactWrite([
      ...updateAlertActions(decided, { version: alert!.version, via: 'body' }),
      ...(await releaseEffects(decided, { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] })),
    ]);
    const released = await asOfficer(titan[9]!).get(`/v1/applications/${d}`);
    expect(released.json).toMatchObject({ status: 'offered', startDate: releaseDate, releaseDate, releaseDecision: 'deferred', requestedStartDate: start });

    // The release decision covers taking TITAN below its minimum.
    const accepted = await asOfficer(titan[9]!).post(`/v1/applications/${d}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json.startDate).toBe(releaseDate);
    expect(await cyber('titan')).toMatchObject({ committedOut: 4, projected: 6, level: 'critical' });
  });

  it('withdrawing an accepted offer gives back committedOut, its slot and its place on the move-due index', async () => {
    const mine = (await asOfficer(titan[9]!).get('/v1/me/applications')).json.items[0];
    expect(mine.status).toBe('accepted');
    const before = await getSourceOffers(mine.campaignId, 'titan');
    const res = await asOfficer(titan[9]!).post(`/v1/applications/${mine.id}/withdraw`);
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('withdrawn');
    expect(await cyber('titan')).toMatchObject({ committedOut: 3, projected: 7 });
    expect(await getSourceOffers(mine.campaignId, 'titan')).toBe(before - 1);
    const item = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.application(mine.id) }));
    expect(item.Item).not.toHaveProperty('gsi3pk');
  });
});

describe('acceptance at the minimum, and offers waiting for release', () => {
  // ERSOU cyber: strength 3, minimum 2, so one acceptance fits and a second does not.
  let campaign: Campaign;
  let first: string;
  let second: string;

  beforeAll(async () => {
    campaign = await openCampaign({ title: 'Cyber, East' });
    first = await shortlisted(ersou[1]!, campaign.id);
    second = await shortlisted(ersou[2]!, campaign.id);
    for (const id of [first, second]) expect((await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: start })).json.status).toBe('offered');
  });

  it('the second acceptance that would take ERSOU below its minimum is 409 and the offer stays offered', async () => {
    expect((await asOfficer(ersou[1]!).post(`/v1/applications/${first}/accept`)).status).toBe(200);
    expect(await cyber('ersou')).toMatchObject({ committedOut: 1, projected: 2, minimum: 2 });
    const refused = await asOfficer(ersou[2]!).post(`/v1/applications/${second}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/ersou’s cyber team below its minimum; the offer must go back for a release decision/);
    expect(await cyber('ersou')).toMatchObject({ committedOut: 1, projected: 2 });
    expect((await asOfficer(ersou[2]!).get(`/v1/applications/${second}`)).json.status).toBe('offered');
  });

  it('HR makes the offer again: it now goes to the ERSOU head for release, without taking a second slot', async () => {
    const slots = await getSourceOffers(campaign.id, 'ersou');
    const again = await ncaHr.post(`/v1/applications/${second}/offer`, { startDate: start });
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('awaiting-release');
    expect(await getSourceOffers(campaign.id, 'ersou')).toBe(slots);
    const inbox = await listInbox(['rocu-head:ersou'], {}, { limit: 20 });
    expect(inbox.items.map((i) => i.id)).toContain(again.json.alertId);
  });

  it('withdrawing an offer that waits for release withdraws its alert and gives the slot back', async () => {
    const { alertId } = (await asOfficer(ersou[2]!).get(`/v1/applications/${second}`)).json;
    const slots = await getSourceOffers(campaign.id, 'ersou');
    const res = await asOfficer(ersou[2]!).post(`/v1/applications/${second}/withdraw`);
    expect(res.status).toBe(200);
    expect(await getAlert(alertId)).toMatchObject({ status: 'withdrawn', outcome: 'offer-withdrawn', dueAt: null });
    expect(await getSourceOffers(campaign.id, 'ersou')).toBe(slots - 1);
  });

  it('rejecting an offer that waits for release withdraws its alert too', async () => {
    const other = await openCampaign({ title: 'Cyber, East (2)' });
    const officer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [] });
    const id = await shortlisted(officer, other.id);
    // Not a cyber holder: leaving takes nobody from the team, so no gate.
    expect((await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: start })).json.status).toBe('offered');
    const holder = ersou[0]!;
    const gatedId = await shortlisted(holder, other.id);
    const gated = await ncaHr.post(`/v1/applications/${gatedId}/offer`, { startDate: start });
    expect(gated.json.status).toBe('awaiting-release');
    expect((await ncaHr.post(`/v1/applications/${gatedId}/reject`)).status).toBe(200);
    expect(await getAlert(gated.json.alertId)).toMatchObject({ status: 'withdrawn', outcome: 'offer-withdrawn' });
  });
});

describe('officers whose home is not a ROCU', () => {
  it('a force officer’s acceptance counts on the force’s baseline without a minimum condition', async () => {
    const campaign = await openCampaign();
    const officer = await makeOfficer({ homeOrgId: 'greater-manchester' });
    const id = await shortlisted(officer, campaign.id);
    expect((await ncaHr.post(`/v1/applications/${id}/offer`, { startDate: start })).json.status).toBe('offered');
    expect((await asOfficer(officer).post(`/v1/applications/${id}/accept`)).status).toBe(200);
    expect(await cyber('greater-manchester')).toMatchObject({ strength: 1, committedOut: 1, projected: 0 });
  });
});
