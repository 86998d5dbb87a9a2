import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { listAudit, SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { documentClient } from '../../shared/data/client';
import { campaignTakingApplicationsCheck, getCampaign, saveCampaign } from '../../shared/data/campaign.repository';
import { keys } from '../../shared/data/keys';
import { transactWrite } from '../../shared/data/transact';
import { longDate } from '../../shared/domain/campaign-rules';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { ConflictError } from '../../shared/errors';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Officer } from '../../shared/schemas/officer.schema';
import { applyDueMoves } from '../../shared/use-cases/apply-due-moves';
import { closeDueCampaigns } from '../../shared/use-cases/close-due-campaigns';
import { as, asOfficer, users } from './support/api';
import { applyingNow, cyberCampaign, openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const ersouHr = as(users.ersouHr);
const today = todayIso();
const start = addDays(today, 30);
const SYSTEM = { sub: 'system', org: 'system', roles: [] };

const raw = async (key: Record<string, string>) => (await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
const apply = (o: Officer, campaignId: string) => asOfficer(o).post(`/v1/campaigns/${campaignId}/applications`, { statement: 'I investigate cyber crime.' });

/** An application that never landed: no one-per-campaign claim, nothing in the officer's list or the campaign's. */
async function nothingWritten(campaignId: string, officer: Officer): Promise<void> {
  expect(await raw(keys.campaignApplicant(campaignId, officer.id))).toBeUndefined();
  const mine = await asOfficer(officer).get('/v1/me/applications?type=campaign&limit=100');
  expect(mine.json.items.filter((a: { campaignId: string }) => a.campaignId === campaignId)).toEqual([]);
  expect((await ncaHr.get(`/v1/campaigns/${campaignId}/applications`)).json.items).toEqual([]);
}

let titan: Officer[] = [];
let ersouOfficer: Officer;

beforeAll(async () => {
  await seedReference();
  // TITAN's cyber team has room to spare; ERSOU's is at its minimum, so an offer to its officer waits for release.
  await setBaseline('titan', 'cyber', 0, 20);
  await setBaseline('ersou', 'cyber', 1, 2);
  titan = [];
  for (let i = 0; i < 10; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}` }));
  ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', name: 'Ersou Watcher' });
});

describe('a campaign takes applications from its opening date to its closing date', () => {
  it('a published campaign whose opening date is ahead is open but not taking applications: applying is 409 with the date, and writes nothing', async () => {
    const opensOn = addDays(today, 10);
    const campaign = await openCampaign({ title: 'Opens in ten days', opensOn, closesOn: addDays(today, 40) });
    expect((await ncaHr.get(`/v1/campaigns/${campaign.id}`)).json).toMatchObject({ status: 'open', opensOn, takingApplications: false });
    const listed = await asOfficer(titan[0]!).get('/v1/campaigns?limit=100');
    expect(listed.json.items.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({ status: 'open', opensOn, takingApplications: false });

    const res = await apply(titan[0]!, campaign.id);
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: 'conflict', message: `The campaign opens for applications on ${longDate(opensOn)}.`, details: [expect.objectContaining({ field: 'opensOn' })] });
    await nothingWritten(campaign.id, titan[0]!);
  });

  it('a campaign past its closing date is 409 even before the closing job has run, and writes nothing', async () => {
    const closesOn = addDays(today, -1);
    const campaign = await openCampaign({ title: 'Closed yesterday, job not run', opensOn: addDays(today, -30), closesOn });
    expect((await ncaHr.get(`/v1/campaigns/${campaign.id}`)).json).toMatchObject({ status: 'open', takingApplications: false });
    const res = await apply(titan[0]!, campaign.id);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe(`The campaign closed for applications on ${longDate(closesOn)}.`);
    await nothingWritten(campaign.id, titan[0]!);
  });

  it('inside its dates it takes applications, the first and the last day included', async () => {
    const first = await openCampaign({ title: 'Opens today', opensOn: today, closesOn: addDays(today, 5) });
    const last = await openCampaign({ title: 'Closes today', opensOn: addDays(today, -5), closesOn: today });
    for (const c of [first, last]) {
      expect((await ncaHr.get(`/v1/campaigns/${c.id}`)).json.takingApplications).toBe(true);
      expect((await apply(titan[1]!, c.id)).status).toBe(201);
    }
  });

  it('the dates are in the application transaction’s own condition, not only in the read before it', async () => {
    const early = await openCampaign({ title: 'Condition: early', opensOn: addDays(today, 3), closesOn: addDays(today, 30) });
    const late = await openCampaign({ title: 'Condition: late', opensOn: addDays(today, -30), closesOn: addDays(today, -3) });
    const now = await openCampaign({ title: 'Condition: now', ...applyingNow() });
    const check = (c: Campaign) => transactWrite([campaignTakingApplicationsCheck(c.id, today, () => new ConflictError('not taking applications'))]);
    await expect(check(early)).rejects.toThrow('not taking applications');
    await expect(check(late)).rejects.toThrow('not taking applications');
    await expect(check(now)).resolves.toBeUndefined();
    // The same campaign on its last day takes one; the day after it does not.
    await expect(transactWrite([campaignTakingApplicationsCheck(late.id, late.closesOn!, () => new ConflictError('x'))])).resolves.toBeUndefined();
    await expect(transactWrite([campaignTakingApplicationsCheck(late.id, addDays(late.closesOn!, 1), () => new ConflictError('x'))])).rejects.toThrow('x');
  });

  it('the owner closing it between the officer’s read and their write: the condition refuses the application', async () => {
    const campaign = await openCampaign({ title: 'Closed while applying', ...applyingNow() });
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let closed = false;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      if (!closed && command instanceof GetCommand && command.input.Key?.pk === keys.campaign(campaign.id).pk) {
        closed = true;
        expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/close`)).status).toBe(200);
      }
      return out;
    }) as never);
    let res;
    try {
      res = await apply(titan[2]!, campaign.id);
    } finally {
      vi.restoreAllMocks();
    }
    expect(closed).toBe(true);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toBe('The campaign stopped taking applications while you were applying.');
    await nothingWritten(campaign.id, titan[2]!);
  });
});

describe('the closing job closes a campaign once its closing date has passed', () => {
  it('publishing opens a campaign with its due marker; the job closes it the day after its closing date, as the service', async () => {
    const window = { opensOn: addDays(today, -20), closesOn: addDays(today, -1) };
    const created = await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'Closes by itself', regions: ['wales'], maxAppointmentsPerSource: 0, ...window }));
    expect(created.status).toBe(201);
    // No cyber holders at risk anywhere (TITAN's minimum is 0), so publishing opens it at once.
    const published = await ncaHr.post(`/v1/campaigns/${created.json.id}/publish`);
    expect(published.json.campaign).toMatchObject({ status: 'open', takingApplications: false });
    const id = created.json.id as string;
    expect(await raw(keys.campaign(id))).toMatchObject({ gsi3pk: 'DUE#CAMPAIGN', gsi3sk: `${window.closesOn}#${id}` });

    const closesToday = await openCampaign({ title: 'Closes today', opensOn: addDays(today, -10), closesOn: today });
    const cancelled = await openCampaign({ title: 'Cancelled before its closing date', opensOn: addDays(today, -10), closesOn: addDays(today, -2) });
    expect((await ncaHr.post(`/v1/campaigns/${cancelled.id}/cancel`)).status).toBe(200);
    expect((await raw(keys.campaign(cancelled.id)))?.gsi3pk).toBeUndefined();

    const now = new Date(`${today}T09:10:00.000Z`);
    const run = await closeDueCampaigns(now);
    expect(run.failed).toBe(0);
    expect(run.closedIds).toContain(id);
    expect(run.closedIds).not.toContain(closesToday.id);
    expect(run.closedIds).not.toContain(cancelled.id);

    expect(await getCampaign(id, true)).toMatchObject({ status: 'closed', version: published.json.campaign.version + 1, updatedAt: now.toISOString() });
    expect((await raw(keys.campaign(id)))?.gsi3pk).toBeUndefined();
    const trail = await listAudit('campaign', id, { limit: 20 });
    expect(trail.items.filter((e) => e.action === 'campaign.closed')).toEqual([
      expect.objectContaining({ actor: SYSTEM, at: now.toISOString(), note: `The closing date, ${longDate(window.closesOn)}, has passed.` }),
    ]);
    expect((await getCampaign(cancelled.id, true))!.status).toBe('cancelled');

    // A campaign closing today still takes applications today, and closes tomorrow.
    expect((await getCampaign(closesToday.id, true))!.status).toBe('open');
    const tomorrow = await closeDueCampaigns(new Date(`${addDays(today, 1)}T00:10:00.000Z`));
    expect(tomorrow.closedIds).toContain(closesToday.id);
    expect(tomorrow.closedIds).not.toContain(id);
    expect((await listAudit('campaign', id, { limit: 20 })).items.filter((e) => e.action === 'campaign.closed')).toHaveLength(1);
  });

  it('the owner closing it first wins; the job runs alongside itself and closes each campaign once', async () => {
    const a = await openCampaign({ title: 'Closed by the owner first', opensOn: addDays(today, -10), closesOn: addDays(today, -1) });
    const b = await openCampaign({ title: 'Closed once', opensOn: addDays(today, -10), closesOn: addDays(today, -1) });
    expect((await ncaHr.post(`/v1/campaigns/${a.id}/close`, { note: 'Enough applicants.' })).status).toBe(200);
    const [one, two] = await Promise.all([closeDueCampaigns(), closeDueCampaigns()]);
    expect([...one.closedIds, ...two.closedIds].filter((x) => x === b.id)).toHaveLength(1);
    expect([...one.closedIds, ...two.closedIds]).not.toContain(a.id);
    expect(one.failed + two.failed).toBe(0);
    const trail = await listAudit('campaign', a.id, { limit: 20 });
    expect(trail.items.filter((e) => e.action === 'campaign.closed')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ sub: 'nca-hr' }), note: 'Enough applicants.' })]);
  });
});

describe('the owner completes a closed campaign once no application is live', () => {
  let campaign: Campaign;
  const apps: Record<string, string> = {};

  beforeAll(async () => {
    campaign = await openCampaign({ title: 'To be completed', partnerOrgIds: ['ersou'], ...applyingNow() });
    for (const [name, officer] of [['submitted', titan[3]!], ['shortlisted', titan[4]!], ['offered', titan[5]!], ['accepted', titan[6]!], ['awaiting', ersouOfficer]] as const) {
      const res = await apply(officer, campaign.id);
      expect(res.status).toBe(201);
      apps[name] = res.json.id;
    }
    for (const name of ['shortlisted', 'offered', 'accepted', 'awaiting']) expect((await ncaHr.post(`/v1/applications/${apps[name]}/shortlist`)).status).toBe(200);
    for (const name of ['offered', 'accepted', 'awaiting']) expect((await ncaHr.post(`/v1/applications/${apps[name]}/offer`, { startDate: start })).status).toBe(200);
    expect((await asOfficer(titan[6]!).post(`/v1/applications/${apps.accepted}/accept`)).status).toBe(200);
    expect((await ncaHr.get(`/v1/applications/${apps.awaiting}`)).json.status).toBe('awaiting-release');
  });

  it('an open campaign cannot be completed: close it first', async () => {
    const res = await ncaHr.post(`/v1/campaigns/${campaign.id}/complete`);
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/Only a closed campaign can be completed; this one is open\. Close it first/);
  });

  it('only the owner’s HR lead completes it: a partner’s is refused, another organisation’s sees nothing', async () => {
    expect((await ersouHr.post(`/v1/campaigns/${campaign.id}/complete`)).status).toBe(404);
    expect((await as(users.titanHr).post(`/v1/campaigns/${campaign.id}/complete`)).status).toBe(404);
  });

  it('closed with live applications, completing is 409 naming each of them; nothing changes', async () => {
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/close`)).status).toBe(200);
    const before = (await getCampaign(campaign.id, true))!;
    const res = await ncaHr.post(`/v1/campaigns/${campaign.id}/complete`, { note: 'All done?' });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/^The campaign has 4 live applications: /);
    for (const name of ['Titan 3 (submitted)', 'Titan 4 (shortlisted)', 'Titan 5 (offered)', 'Ersou Watcher (awaiting-release)']) expect(res.json.error.message).toContain(name);
    expect(res.json.error.details.map((d: { applicationId: string }) => d.applicationId).sort()).toEqual([apps.submitted, apps.shortlisted, apps.offered, apps.awaiting].sort());
    expect(res.json.error.message).not.toContain('Titan 6');
    expect(await getCampaign(campaign.id, true)).toMatchObject({ status: 'closed', version: before.version });
  });

  it('once they have ended, completing is 200; an accepted move still takes effect on its start date', async () => {
    expect((await ncaHr.post(`/v1/applications/${apps.submitted}/reject`)).status).toBe(200);
    expect((await ncaHr.post(`/v1/applications/${apps.shortlisted}/reject`)).status).toBe(200);
    expect((await asOfficer(titan[5]!).post(`/v1/applications/${apps.offered}/withdraw`)).status).toBe(200);
    const stillOne = await ncaHr.post(`/v1/campaigns/${campaign.id}/complete`);
    expect(stillOne.status).toBe(409);
    expect(stillOne.json.error.message).toBe('The campaign has 1 live application: Ersou Watcher (awaiting-release). Each must be accepted, rejected or withdrawn before the campaign is completed.');
    expect((await ncaHr.post(`/v1/applications/${apps.awaiting}/reject`)).status).toBe(200);

    const done = await ncaHr.post(`/v1/campaigns/${campaign.id}/complete`, { note: 'Four appointed, the rest told.' });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'completed', takingApplications: false });
    const trail = await ncaHr.get(`/v1/audit?entity=campaign:${campaign.id}`);
    expect(trail.json.items.at(-1)).toMatchObject({ action: 'campaign.completed', actor: expect.objectContaining({ sub: 'nca-hr' }), note: 'Four appointed, the rest told.' });
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/complete`)).status).toBe(409);
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/cancel`)).status).toBe(409);

    const moves = await applyDueMoves(new Date(`${start}T09:00:00.000Z`));
    expect(moves.movedIds).toContain(apps.accepted);
    expect((await ncaHr.get(`/v1/applications/${apps.accepted}`)).json.status).toBe('appointed');
  });

  it('completion is conditioned on the campaign as read: cancelled meanwhile, the completion is 409 and the cancellation stands', async () => {
    const c = await openCampaign({ title: 'Cancelled while completing', status: 'closed', ...applyingNow() });
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let cancelled = false;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      if (!cancelled && command instanceof GetCommand && command.input.Key?.pk === keys.campaign(c.id).pk) {
        cancelled = true;
        expect((await ncaHr.post(`/v1/campaigns/${c.id}/cancel`)).status).toBe(200);
      }
      return out;
    }) as never);
    let res;
    try {
      res = await ncaHr.post(`/v1/campaigns/${c.id}/complete`);
    } finally {
      vi.restoreAllMocks();
    }
    expect(cancelled).toBe(true);
    expect(res.status).toBe(409);
    expect((await getCampaign(c.id, true))!.status).toBe('cancelled');
  });

  it('once completed, no offer and no acceptance can land on it, whatever was read before', async () => {
    const c = await openCampaign({ title: 'Completed under an offer', ...applyingNow() });
    const offered = (await apply(titan[7]!, c.id)).json.id;
    const waiting = (await apply(titan[8]!, c.id)).json.id;
    for (const id of [offered, waiting]) expect((await ncaHr.post(`/v1/applications/${id}/shortlist`)).status).toBe(200);
    expect((await ncaHr.post(`/v1/applications/${offered}/offer`, { startDate: start })).status).toBe(200);
    // A completion that raced them (read from an index that had not caught up), written straight to the table.
    const read = (await getCampaign(c.id, true))!;
    await saveCampaign(read, { ...read, status: 'completed' }, { version: read.version, via: 'body' }, { action: 'campaign.completed', actor: SYSTEM_ACTOR });

    const accept = await asOfficer(titan[7]!).post(`/v1/applications/${offered}/accept`);
    expect(accept.status).toBe(409);
    expect(accept.json.error.message).toMatch(/cancelled or completed/);
    const offer = await ncaHr.post(`/v1/applications/${waiting}/offer`, { startDate: start });
    expect(offer.status).toBe(409);
    expect((await ncaHr.get(`/v1/applications/${offered}`)).json.status).toBe('offered');
    expect((await ncaHr.get(`/v1/applications/${waiting}`)).json.status).toBe('shortlisted');
  });
});

describe('after a campaign closes', () => {
  it('an officer who applied still reads it (the role they may be offered); an officer who did not gets 404', async () => {
    const campaign = await openCampaign({ title: 'Read after closing', ...applyingNow() });
    expect((await apply(titan[5]!, campaign.id)).status).toBe(201);
    expect((await ncaHr.post(`/v1/campaigns/${campaign.id}/close`, {})).status).toBe(200);
    const applicant = await asOfficer(titan[5]!).get(`/v1/campaigns/${campaign.id}`);
    expect(applicant.status).toBe(200);
    expect(applicant.json).toMatchObject({ status: 'closed', takingApplications: false });
    expect((await asOfficer(titan[6]!).get(`/v1/campaigns/${campaign.id}`)).status).toBe(404);
  });
});
