import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAlert } from '../../shared/data/alert.repository';
import { listAudit } from '../../shared/data/audit.repository';
import { documentClient } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { DECIDE_WITHIN_WORKING_DAYS } from '../../shared/domain/alert-rules';
import { latestReleaseDate } from '../../shared/domain/offer-gate';
import { addDays, addWorkingDays, todayIso } from '../../shared/domain/working-days';
import { clearSentEvents, sentEvents } from '../../shared/notify/publish-events';
import type { Officer } from '../../shared/schemas/officer.schema';
import { DEFAULT_OUTCOME_NOTE } from '../../shared/use-cases/decide-alert';
import { escalateDueAlerts } from '../../shared/use-cases/escalate-due-alerts';
import { as, asOfficer, users } from './support/api';
import { cyberCampaign, openCampaign, seedTitanStory } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const ersouHead = as(users.ersouHead);
const roccNorthWest = as(users.roccNorthWest);
const roccEast = as({ sub: 'rocc-east', org: 'nca', roles: ['rocc'], regions: ['east-of-england'] });
const SYSTEM = { sub: 'system', org: 'system', roles: [] };
const today = todayIso();
const start = addDays(today, 30);

/** A minute after an alert's ROCC deadline: when the scheduled job finds it due. */
const pastDeadline = (alert: { decideBy: string | null }) => new Date(Date.parse(alert.decideBy!) + 60_000);
const justBefore = (alert: { decideBy: string | null }) => new Date(Date.parse(alert.decideBy!) - 60_000);

/** ERSOU's surveillance team is at its minimum: every offer to one of them waits for the ERSOU head's release. */
const ersouWatchers: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await seedTitanStory();
  await setBaseline('ersou', 'surveillance', 4);
  for (let i = 0; i < 4; i++) {
    ersouWatchers.push(await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: ['surveillance'], name: `Watcher ${i}` }));
  }
});

beforeEach(() => clearSentEvents());

/** An offer to one of ERSOU's watchers that waits for release; the id of its application and its alert. */
async function heldOffer(officer: Officer): Promise<{ appId: string; alertId: string }> {
  const campaign = await openCampaign({ title: 'NCA surveillance officers', capabilityId: 'surveillance', roleProfile: { jobDescription: 'Watch', terms: 'Permanent', grade: 'G5', salaryBand: 'B', vetting: 'sc', minPipLevel: 0, locations: ['Chelmsford'] }, opensOn: addDays(today, -10), closesOn: addDays(today, 20) });
  const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Ten years of covert work.' });
  expect(applied.status).toBe(201);
  expect((await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`)).status).toBe(200);
  const offered = await ncaHr.post(`/v1/applications/${applied.json.id}/offer`, { startDate: start });
  expect(offered.json.status).toBe('awaiting-release');
  return { appId: applied.json.id, alertId: offered.json.alertId };
}

/** A cyber campaign that would take TITAN below its minimum, published: the id of TITAN's campaign-impact alert. */
async function titanAlert(title: string, region: string): Promise<{ campaignId: string; alertId: string }> {
  const draft = await ncaHr.post('/v1/campaigns', cyberCampaign({ title, regions: [region] }));
  expect(draft.status).toBe(201);
  const published = await ncaHr.post(`/v1/campaigns/${draft.json.id}/publish`);
  expect(published.json.campaign.status).toBe('consultation');
  return { campaignId: draft.json.id, alertId: published.json.raisedAlertIds[0] };
}

describe('an offer waiting for release is never held open-ended', () => {
  let officer: Officer;
  let held: { appId: string; alertId: string };

  beforeAll(async () => {
    officer = ersouWatchers[0]!;
    held = await heldOffer(officer);
  });

  it('the officer sees the latest date their offer will be released at, in their list and on the application', async () => {
    const latest = latestReleaseDate(start);
    expect(latest).toBe(addDays(start, 90));
    const mine = await asOfficer(officer).get('/v1/me/applications');
    expect(mine.json.items.find((a: any) => a.id === held.appId)).toMatchObject({ status: 'awaiting-release', requestedStartDate: start, latestReleaseDate: latest });
    const one = await asOfficer(officer).get(`/v1/applications/${held.appId}`);
    expect(one.json).toMatchObject({ status: 'awaiting-release', latestReleaseDate: latest });
    // The campaign's HR lead sees it too.
    expect((await ncaHr.get(`/v1/applications/${held.appId}`)).json.latestReleaseDate).toBe(latest);
  });

  it('the head objects: the ROCC sees when it was escalated and the date the decision is due', async () => {
    const objected = await ersouHead.post(`/v1/alerts/${held.alertId}/respond`, { decision: 'object', note: 'He is one of four.' });
    expect(objected.status).toBe(200);
    expect(objected.json).toMatchObject({ status: 'escalated', escalationReason: 'objected', dueAt: null });
    const escalatedAt = new Date(objected.json.escalatedAt);
    expect(Date.now() - escalatedAt.getTime()).toBeLessThan(60_000);
    expect(objected.json.decideBy).toBe(addWorkingDays(escalatedAt, DECIDE_WITHIN_WORKING_DAYS).toISOString());

    const inbox = await roccEast.get('/v1/alerts?status=escalated');
    expect(inbox.json.items.find((a: any) => a.id === held.alertId)).toMatchObject({ escalatedAt: objected.json.escalatedAt, decideBy: objected.json.decideBy });
    // On the due index under the ROCC's deadline.
    const raw = await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.alert(held.alertId), ConsistentRead: true }));
    expect(raw.Item).toMatchObject({ gsi3pk: 'DUE#ALERT', gsi3sk: `${objected.json.decideBy}#${held.alertId}` });
  });

  it('before the deadline the job leaves it with the ROCC', async () => {
    const alert = (await getAlert(held.alertId))!;
    const run = await escalateDueAlerts(justBefore(alert));
    expect(run.defaultedIds).not.toContain(held.alertId);
    expect(await getAlert(held.alertId)).toMatchObject({ status: 'escalated', version: alert.version });
  });

  it('once it passes, the job releases the offer at the latest allowed date, as uphold does, recorded as the service', async () => {
    const alert = (await getAlert(held.alertId))!;
    const at = pastDeadline(alert);
    const run = await escalateDueAlerts(at);
    expect(run.defaultedIds).toContain(held.alertId);
    expect(run.failed).toBe(0);

    const latest = latestReleaseDate(start);
    expect(await getAlert(held.alertId)).toMatchObject({ status: 'resolved', outcome: 'deferred', releaseDate: latest, decideBy: null, escalatedAt: alert.escalatedAt, version: alert.version + 1, updatedAt: at.toISOString() });
    const app = await asOfficer(officer).get(`/v1/applications/${held.appId}`);
    expect(app.json).toMatchObject({ status: 'offered', startDate: latest, releaseDate: latest, releaseDecision: 'deferred', latestReleaseDate: null });

    const trail = await listAudit('alert', held.alertId, { limit: 20 });
    const decision = trail.items.at(-1)!;
    expect(decision).toMatchObject({ action: 'alert.uphold', actor: SYSTEM, note: DEFAULT_OUTCOME_NOTE, at: at.toISOString() });
    expect(decision.changes).toMatchObject({ decision: 'uphold', defaultOutcome: true, decideBy: alert.decideBy, releaseDate: latest, outcome: 'deferred' });
    const appTrail = await listAudit('application', held.appId, { limit: 20 });
    expect(appTrail.items.at(-1)).toMatchObject({ action: 'application.released', actor: SYSTEM });

    const events = sentEvents().filter((e) => e.subject.id === held.alertId);
    expect(events).toEqual([expect.objectContaining({ type: 'alert.decided', detail: expect.objectContaining({ defaultOutcome: true }) })]);
    expect(events[0]!.audiences).toContain('rocc:east-of-england');

    // Off the due index, and the officer can accept the released offer.
    const raw = await documentClient().send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.alert(held.alertId), ConsistentRead: true }));
    expect(raw.Item?.gsi3pk).toBeUndefined();
    expect((await asOfficer(officer).post(`/v1/applications/${held.appId}/accept`)).status).toBe(200);
    // The ROCC can no longer decide it.
    expect((await roccEast.post(`/v1/alerts/${held.alertId}/decide`, { decision: 'overrule', note: 'late' })).status).toBe(409);
  });

  it('an alert nobody answered escalates by itself, and then gets a ROCC deadline too', async () => {
    const { alertId } = await heldOffer(ersouWatchers[1]!);
    const raised = (await getAlert(alertId))!;
    const escalatedAt = new Date(Date.parse(raised.dueAt!) + 60_000);
    expect((await escalateDueAlerts(escalatedAt)).escalatedIds).toContain(alertId);
    const escalated = (await getAlert(alertId))!;
    expect(escalated).toMatchObject({ status: 'escalated', escalationReason: 'timeout', escalatedAt: escalatedAt.toISOString(), decideBy: addWorkingDays(escalatedAt, DECIDE_WITHIN_WORKING_DAYS).toISOString() });
    expect((await listAudit('alert', alertId, { limit: 20 })).items.at(-1)!.changes).toMatchObject({ decideBy: escalated.decideBy });

    expect((await escalateDueAlerts(pastDeadline(escalated))).defaultedIds).toContain(alertId);
    expect(await getAlert(alertId)).toMatchObject({ status: 'resolved', outcome: 'deferred', releaseDate: latestReleaseDate(start) });
  });
});

describe('a campaign held by an objection or a referred cap request is never held open-ended', () => {
  it('an objection the ROCC leaves undecided gets the cap that keeps TITAN at its minimum, as uphold does', async () => {
    const { campaignId, alertId } = await titanAlert('Cyber, objection left undecided', 'wales');
    const objected = await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'This would end our cyber capability.' });
    expect(objected.json).toMatchObject({ status: 'escalated', decideBy: expect.any(String) });

    const at = pastDeadline(objected.json);
    expect((await escalateDueAlerts(at)).defaultedIds).toContain(alertId);
    // TITAN: projected 10, minimum 7, so three offers at most.
    expect(await getAlert(alertId)).toMatchObject({ status: 'resolved', outcome: 'cap-imposed', imposedCap: 3 });
    const campaign = await ncaHr.get(`/v1/campaigns/${campaignId}`);
    expect(campaign.json.sourceCaps).toEqual({ titan: 3 });
    expect(campaign.json.consultation.titan).toMatchObject({ status: 'resolved', outcome: 'cap-imposed' });
    const trail = await ncaHr.get(`/v1/audit?entity=campaign:${campaignId}`);
    expect(trail.json.items.at(-1)).toMatchObject({ action: 'alert.uphold', actor: SYSTEM, note: DEFAULT_OUTCOME_NOTE, changes: expect.objectContaining({ imposedCap: 3, defaultOutcome: true }) });
    // Nothing holds the campaign any more.
    expect((await ncaHr.post(`/v1/campaigns/${campaignId}/publish`)).json.campaign.status).toBe('open');
  });

  it('a cap request the HR lead referred and the ROCC leaves undecided gets the cap the head asked for', async () => {
    const { campaignId, alertId } = await titanAlert('Cyber, referral left undecided', 'south-east');
    await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'request-cap', cap: 1, note: 'one at most' });
    const referred = await ncaHr.post(`/v1/alerts/${alertId}/refer`, { note: 'We need three.' });
    expect(referred.json).toMatchObject({ status: 'escalated', escalationReason: 'referred', decideBy: expect.any(String) });

    expect((await escalateDueAlerts(pastDeadline(referred.json))).defaultedIds).toContain(alertId);
    expect(await getAlert(alertId)).toMatchObject({ status: 'resolved', outcome: 'cap-imposed', imposedCap: 1 });
    expect((await ncaHr.get(`/v1/campaigns/${campaignId}`)).json.sourceCaps).toEqual({ titan: 1 });
    const trail = await listAudit('alert', alertId, { limit: 20 });
    expect(trail.items.at(-1)).toMatchObject({ action: 'alert.uphold', actor: SYSTEM });
  });
});

describe('the ROCC deciding as the deadline passes gives exactly one outcome', () => {
  it('the ROCC’s decision lands between the job’s read and its write: the ROCC’s stands, the job skips', async () => {
    const { alertId } = await titanAlert('Cyber, decided at the last minute', 'london');
    const objected = (await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'no' })).json;
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let decided: number | undefined;
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      // The first consistent read of the alert is the job's; the ROCC decides right after it.
      if (decided === undefined && command instanceof GetCommand && command.input.Key?.pk === keys.alert(alertId).pk) {
        decided = 0;
        decided = (await roccNorthWest.post(`/v1/alerts/${alertId}/decide`, { decision: 'overrule', note: 'National priority.' })).status;
      }
      return out;
    }) as never);
    let run;
    try {
      run = await escalateDueAlerts(pastDeadline(objected));
    } finally {
      vi.restoreAllMocks();
    }
    expect(decided).toBe(200);
    expect(run.defaultedIds).not.toContain(alertId);
    expect(run.failed).toBe(0);
    expect(await getAlert(alertId)).toMatchObject({ status: 'resolved', outcome: 'overruled', imposedCap: null });
    const decisions = (await listAudit('alert', alertId, { limit: 20 })).items.filter((e) => e.action === 'alert.uphold' || e.action === 'alert.overrule');
    expect(decisions).toEqual([expect.objectContaining({ action: 'alert.overrule', actor: expect.objectContaining({ sub: 'rocc-nw' }) })]);
  });

  it('the ROCC and the job at the same moment: one of them decides, the other writes nothing', async () => {
    const { campaignId, alertId } = await titanAlert('Cyber, decided at the same moment', 'yorkshire-humber');
    const objected = (await titanHead.post(`/v1/alerts/${alertId}/respond`, { decision: 'object', note: 'no' })).json;
    const [rocc, run] = await Promise.all([
      roccNorthWest.post(`/v1/alerts/${alertId}/decide`, { decision: 'overrule', note: 'Go ahead.' }),
      escalateDueAlerts(pastDeadline(objected)),
    ]);
    const roccWon = rocc.status === 200;
    expect(roccWon || rocc.status === 409).toBe(true);
    expect(run.defaultedIds.includes(alertId)).toBe(!roccWon);
    expect(run.failed).toBe(0);
    const alert = (await getAlert(alertId))!;
    expect(alert).toMatchObject({ status: 'resolved', outcome: roccWon ? 'overruled' : 'cap-imposed', version: objected.version + 1 });
    const decisions = (await listAudit('alert', alertId, { limit: 20 })).items.filter((e) => e.action === 'alert.uphold' || e.action === 'alert.overrule');
    expect(decisions).toHaveLength(1);
    expect((await ncaHr.get(`/v1/campaigns/${campaignId}`)).json.sourceCaps).toEqual(roccWon ? {} : { titan: 3 });
  });
});
