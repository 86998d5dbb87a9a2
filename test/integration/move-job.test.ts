import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getApplication } from '../../shared/data/application.repository';
import { listAudit, SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { getBaseline } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { queryDueMoveIds } from '../../shared/data/move-due.repository';
import { findOfficerIdByStaffNumber, getOfficer, listOfficersOfOrg, updateOfficer } from '../../shared/data/officer.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId } from '../../shared/ids';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Officer } from '../../shared/schemas/officer.schema';
import { applyDueMoves } from '../../shared/use-cases/apply-due-moves';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { openCampaign } from './support/campaigns';

const ncaHr = as(users.ncaHr);
const ersouHr = as(users.ersouHr);

// Offers cannot start in the past, so the moves start a month from now and the job runs as if it were then.
const START = addDays(todayIso(), 30);
const ON_START = new Date(`${START}T06:00:00.000Z`);
const DAY_BEFORE = new Date(`${addDays(START, -1)}T23:30:00.000Z`);



/** Apply, shortlist, offer and accept through the API: the id of an accepted application starting on `startDate`. */
async function acceptedOffer(officer: Officer, opts: { startDate?: string; owner?: 'nca' | 'ersou'; title?: string } = {}): Promise<{ id: string; campaign: Campaign }> {
  const owner = opts.owner ?? 'nca';
  const hr = owner === 'ersou' ? ersouHr : ncaHr;
  const campaign = await openCampaign({ ownerOrgId: owner, title: opts.title ?? `Cyber investigators (${newId('t')})` });
  const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'I investigate cyber crime.' });
  expect(applied.status).toBe(201);
  const id = applied.json.id as string;
  expect((await hr.post(`/v1/applications/${id}/shortlist`)).status).toBe(200);
  expect((await hr.post(`/v1/applications/${id}/offer`, { startDate: opts.startDate ?? START })).json.status).toBe('offered');
  const accepted = await asOfficer(officer).post(`/v1/applications/${id}/accept`);
  expect(accepted.status).toBe(200);
  expect(accepted.json.status).toBe('accepted');
  return { id, campaign };
}

/** A baseline's counters, zero when the organisation has no baseline item for the capability yet. */
async function counters(orgId: string, capabilityId: string) {
  const b = await getBaseline(orgId, capabilityId);
  return { strength: b?.strength ?? 0, committedOut: b?.committedOut ?? 0, projected: b?.projected ?? 0, holders: b?.holders ?? {} };
}

async function rawApplication(id: string) {
  return (await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.application(id), ConsistentRead: true }))).Item!;
}

const dueIds = async (on: Date) => (await queryDueMoveIds(todayIso(on), { limit: 100 })).ids;

const titan: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 16);
  // No minimum: the two-capability officer's acceptance below is never held (capability-protection.test.ts covers the hold).
  await setBaseline('titan', 'surveillance', 0, 4);
  await setBaseline('ersou', 'cyber', 2, 4);
  // TITAN's cyber team, large enough that the acceptances below never meet the offer gate.
  for (let i = 0; i < 14; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}` }));
});

describe('the move job', () => {
  it('moves an officer whose accepted start date has come to the campaign’s owner: strength and committedOut drop together', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Daniel Okafor', staffNumber: 'TIT-1001' });
    const titanBefore = await counters('titan', 'cyber');
    const ncaBefore = await counters('nca', 'cyber');
    const { id, campaign } = await acceptedOffer(officer, { title: 'Cyber investigators, North West (NCA)' });

    const accepted = await counters('titan', 'cyber');
    expect(accepted).toMatchObject({ strength: titanBefore.strength, committedOut: titanBefore.committedOut + 1, projected: titanBefore.projected - 1 });
    expect(await dueIds(ON_START)).toContain(id);

    const run = await applyDueMoves(ON_START);
    expect(run.movedIds).toEqual([id]);
    expect(run).toMatchObject({ moved: 1, conflicts: 0, failed: 0, more: false });

    // Home changed; the NCA has no region of its own, so the officer's stays; the TITAN staff number is released.
    const moved = (await getOfficer(officer.id, true))!;
    expect(moved).toMatchObject({ homeOrgId: 'nca', region: 'north-west', staffNumber: null, version: officer.version + 2 /* accepted, then moved */, updatedAt: ON_START.toISOString() });
    expect(await findOfficerIdByStaffNumber('titan', 'TIT-1001')).toBeUndefined();
    expect(await findOfficerIdByStaffNumber('nca', 'TIT-1001')).toBeUndefined();
    expect((await listOfficersOfOrg('nca', {}, { limit: 50 })).items.map((o) => o.id)).toContain(officer.id);
    expect((await listOfficersOfOrg('titan', {}, { limit: 50 })).items.map((o) => o.id)).not.toContain(officer.id);

    // TITAN: strength −1 and committedOut −1, so the projection the acceptance made stands.
    const titanAfter = await counters('titan', 'cyber');
    expect(titanAfter).toMatchObject({ strength: accepted.strength - 1, committedOut: accepted.committedOut - 1, projected: accepted.projected });
    expect(titanAfter.holders.h_sc_2).toBe((accepted.holders.h_sc_2 ?? 0) - 1);
    const ncaAfter = await counters('nca', 'cyber');
    expect(ncaAfter).toMatchObject({ strength: ncaBefore.strength + 1, committedOut: ncaBefore.committedOut, projected: ncaBefore.projected + 1 });
    expect(ncaAfter.holders.h_sc_2).toBe((ncaBefore.holders.h_sc_2 ?? 0) + 1);

    // The application is appointed, says so in its history, and has left the due index.
    const app = (await asOfficer(moved).get(`/v1/applications/${id}`)).json;
    expect(app).toMatchObject({ status: 'appointed', startDate: START });
    expect(app.history.at(-1)).toMatchObject({ status: 'appointed', by: 'system', at: ON_START.toISOString() });
    expect((await getApplication(id))!.commitment).toBeNull();
    expect(await rawApplication(id)).not.toHaveProperty('gsi3pk');
    expect(await dueIds(ON_START)).not.toContain(id);

    const officerAudit = (await listAudit('officer', officer.id, { limit: 10 })).items.filter((e) => e.action === 'officer.moved-home');
    expect(officerAudit).toEqual([
      expect.objectContaining({ actor: SYSTEM_ACTOR, at: ON_START.toISOString(), changes: expect.objectContaining({ homeOrgId: 'nca', staffNumber: null, applicationId: id }) }),
    ]);
    expect(officerAudit[0]!.note).toContain(campaign.title);
    expect(officerAudit[0]!.orgIds.sort()).toEqual(['nca', 'titan']);
    const appAudit = (await listAudit('application', id, { limit: 20 })).items.filter((e) => e.action === 'application.appointed');
    expect(appAudit).toEqual([
      expect.objectContaining({ actor: SYSTEM_ACTOR, changes: expect.objectContaining({ from: 'accepted', committedOutReleased: ['titan:cyber'] }) }),
    ]);
    expect(appAudit[0]!.note).toContain(campaign.title);
  });

  it('leaves an accepted move whose start date is still ahead alone', async () => {
    const later = addDays(START, 14);
    const { id } = await acceptedOffer(titan[0]!, { startDate: later });
    const before = await counters('titan', 'cyber');

    const run = await applyDueMoves(ON_START);
    expect(run.movedIds).not.toContain(id);
    // The day before it starts (late in the evening) is not the day.
    expect((await applyDueMoves(new Date(`${addDays(later, -1)}T23:59:00.000Z`))).movedIds).not.toContain(id);

    expect(await getApplication(id)).toMatchObject({ status: 'accepted', commitment: { orgId: 'titan', capabilityIds: ['cyber'] } });
    // The acceptance wrote the commitment on the officer record.
    expect(await getOfficer(titan[0]!.id, true)).toMatchObject({ homeOrgId: 'titan', version: titan[0]!.version + 1, commitments: [expect.objectContaining({ applicationId: id, kind: 'move', startDate: later, endDate: null })] });
    expect(await counters('titan', 'cyber')).toEqual(before);
    expect(await dueIds(new Date(`${later}T00:00:00.000Z`))).toContain(id);
  });

  it('does not move an officer who withdrew the acceptance, even if the index still lists it', async () => {
    const officer = titan[1]!;
    const { id } = await acceptedOffer(officer);
    expect((await asOfficer(officer).post(`/v1/applications/${id}/withdraw`)).status).toBe(200);
    expect(await dueIds(ON_START)).not.toContain(id);
    // Put the due-index keys back on the withdrawn item: what an eventually consistent index can still show.
    const withdrawn = await rawApplication(id);
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...withdrawn, ...keys.moveDue(START, id) } }));
    const before = await counters('titan', 'cyber');

    const run = await applyDueMoves(ON_START);
    expect(run.movedIds).not.toContain(id);
    expect(run.skipped).toBeGreaterThanOrEqual(1);
    expect(run.failed).toBe(0);
    expect(await getApplication(id)).toMatchObject({ status: 'withdrawn' });
    expect(await getOfficer(officer.id, true)).toMatchObject({ homeOrgId: 'titan', version: officer.version + 2, commitments: [] }); // the commitment made, then ended
    expect(await counters('titan', 'cyber')).toEqual(before);
    expect((await listAudit('officer', officer.id, { limit: 10 })).items.filter((e) => e.action === 'officer.moved-home')).toEqual([]);
    // The index catches up: the stale entry goes, so it does not count in later runs of this file.
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: withdrawn }));
  });

  it('moves an officer once however often, and however concurrently, it runs', async () => {
    const officer = titan[2]!;
    const { id } = await acceptedOffer(officer);
    const titanBefore = await counters('titan', 'cyber');
    const ncaBefore = await counters('nca', 'cyber');

    const [a, b] = await Promise.all([applyDueMoves(ON_START), applyDueMoves(ON_START)]);
    const again = await applyDueMoves(new Date(ON_START.getTime() + 60 * 60_000));
    expect([a, b, again].filter((r) => r.movedIds.includes(id))).toHaveLength(1);
    expect(a.failed + b.failed + again.failed).toBe(0);

    expect(await getOfficer(officer.id, true)).toMatchObject({ homeOrgId: 'nca', version: officer.version + 2 }); // accepted, then moved once
    expect(await counters('titan', 'cyber')).toMatchObject({ strength: titanBefore.strength - 1, committedOut: titanBefore.committedOut - 1, projected: titanBefore.projected });
    expect(await counters('nca', 'cyber')).toMatchObject({ strength: ncaBefore.strength + 1 });
    expect((await listAudit('officer', officer.id, { limit: 10 })).items.filter((e) => e.action === 'officer.moved-home')).toHaveLength(1);
    expect((await listAudit('application', id, { limit: 20 })).items.filter((e) => e.action === 'application.appointed')).toHaveLength(1);
  });

  it('an officer holding two capabilities is committed out of both teams, and leaves both together', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', name: 'Two skills', capabilities: ['cyber', 'surveillance'] });
    const cyberBefore = await counters('titan', 'cyber');
    const survBefore = await counters('titan', 'surveillance');
    const { id } = await acceptedOffer(officer);
    const cyberAccepted = await counters('titan', 'cyber');
    const survAccepted = await counters('titan', 'surveillance');
    const ncaCyber = await counters('nca', 'cyber');
    const ncaSurv = await counters('nca', 'surveillance');
    // The acceptance counted the officer out of every team they are in.
    expect(cyberAccepted).toMatchObject({ committedOut: cyberBefore.committedOut + 1, projected: cyberBefore.projected - 1 });
    expect(survAccepted).toMatchObject({ committedOut: survBefore.committedOut + 1, projected: survBefore.projected - 1 });

    expect((await applyDueMoves(ON_START)).movedIds).toEqual([id]);

    // Both teams: strength and committedOut drop together, so neither projection moves again.
    expect(await counters('titan', 'cyber')).toMatchObject({ strength: cyberAccepted.strength - 1, committedOut: cyberAccepted.committedOut - 1, projected: cyberAccepted.projected });
    expect(await counters('titan', 'surveillance')).toMatchObject({ strength: survAccepted.strength - 1, committedOut: survAccepted.committedOut - 1, projected: survAccepted.projected });
    expect(await counters('nca', 'cyber')).toMatchObject({ strength: ncaCyber.strength + 1 });
    expect(await counters('nca', 'surveillance')).toMatchObject({ strength: ncaSurv.strength + 1, projected: ncaSurv.projected + 1 });
    expect(await getOfficer(officer.id, true)).toMatchObject({ homeOrgId: 'nca', capabilities: ['cyber', 'surveillance'], commitments: [] });
  });

  it('an officer appointed by a ROCU takes that ROCU’s region', async () => {
    const officer = titan[3]!;
    const { id } = await acceptedOffer(officer, { owner: 'ersou' });
    const ersouBefore = await counters('ersou', 'cyber');
    expect((await applyDueMoves(ON_START)).movedIds).toEqual([id]);
    expect(await getOfficer(officer.id, true)).toMatchObject({ homeOrgId: 'ersou', region: 'east-of-england' });
    expect(await counters('ersou', 'cyber')).toMatchObject({ strength: ersouBefore.strength + 1, committedOut: ersouBefore.committedOut });
  });

  it('an officer edited while the job decides is a conflict, retried on the next run with the edit kept', async () => {
    const officer = titan[4]!;
    const { id } = await acceptedOffer(officer);
    const client = documentClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    let edited = false;
    // The HR lead's edit lands between the job's read of the officer and its write.
    vi.spyOn(client, 'send').mockImplementation((async (command: unknown) => {
      const out = await realSend(command);
      if (!edited && command instanceof GetCommand && command.input.Key?.pk === keys.officer(officer.id).pk) {
        edited = true;
        const current = (await getOfficer(officer.id, true))!;
        await updateOfficer(current, { pipLevel: 3 }, { version: current.version, via: 'body' }, SYSTEM_ACTOR);
      }
      return out;
    }) as never);
    let first;
    try {
      first = await applyDueMoves(ON_START);
    } finally {
      vi.restoreAllMocks();
    }
    expect(edited).toBe(true);
    expect(first).toMatchObject({ moved: 0, conflicts: 1, failed: 0 });
    expect(await getApplication(id)).toMatchObject({ status: 'accepted' });
    const before = await counters('titan', 'cyber');

    const second = await applyDueMoves(ON_START);
    expect(second.movedIds).toEqual([id]);
    expect(await getOfficer(officer.id, true)).toMatchObject({ homeOrgId: 'nca', pipLevel: 3, version: officer.version + 3 }); // accepted, edited, moved
    // The holder counters follow the officer as edited: the sc/PIP 3 holder leaves TITAN.
    const after = await counters('titan', 'cyber');
    expect(after).toMatchObject({ strength: before.strength - 1, committedOut: before.committedOut - 1, projected: before.projected });
    expect(after.holders.h_sc_3 ?? 0).toBe((before.holders.h_sc_3 ?? 0) - 1);
  });

  it('works through more due moves than one page, and stops at its bound', async () => {
    // Force officers: a force has no minimum, so the offers never meet the gate.
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await acceptedOffer(await makeOfficer({ homeOrgId: 'greater-manchester', name: `GMP ${i}` }))).id);
    expect((await applyDueMoves(DAY_BEFORE)).moved).toBe(0);
    const first = await applyDueMoves(ON_START, { pageSize: 2, maxMoves: 3 });
    expect(first, JSON.stringify(first)).toMatchObject({ examined: 3, moved: 3, more: true });
    await applyDueMoves(ON_START, { pageSize: 2 });
    for (const id of ids) expect(await getApplication(id)).toMatchObject({ status: 'appointed' });
  });
});
