import { beforeAll, describe, expect, it } from 'vitest';
import { getBaseline } from '../../shared/data/capability.repository';
import { getOfficer } from '../../shared/data/officer.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId } from '../../shared/ids';
import { applyDueMoves } from '../../shared/use-cases/apply-due-moves';
import { applyDueOfficerDates } from '../../shared/use-cases/apply-due-officer-dates';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';

/**
 * The officer job: on a posting's end date the officer is back in their
 * home's teams, on a leaving date they have left, each atomically with the
 * counters; once, however often it runs.
 */
const titanHead = as(users.titanHead);
const ncaHr = as(users.ncaHr);
const at = (date: string) => new Date(`${date}T00:30:00.000Z`);

async function team(orgId: string, capabilityId = 'cyber') {
  const b = await getBaseline(orgId, capabilityId);
  return { strength: b?.strength ?? 0, committedOut: b?.committedOut ?? 0 };
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 0, 10);
});

describe('a posting’s end', () => {
  it('returns the officer to their home’s teams on that date, counters and all, once however often it runs', async () => {
    const end = addDays(todayIso(), 10);
    const officer = await makeOfficer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: end, capabilities: ['cyber', 'digital-forensics'] });
    const [titan0, gmp0] = [await team('titan'), await team('greater-manchester')];

    const early = await applyDueOfficerDates(at(addDays(end, -1)));
    expect(early.endedIds).not.toContain(officer.id);

    const runs = await Promise.all([applyDueOfficerDates(at(end)), applyDueOfficerDates(at(end))]);
    expect(runs.flatMap((r) => r.endedIds).filter((id) => id === officer.id)).toHaveLength(1);
    expect(await getOfficer(officer.id)).toMatchObject({ servingOrgId: null, servingUntil: null, homeOrgId: 'greater-manchester', status: 'active' });
    expect((await team('titan')).strength).toBe(titan0.strength - 1);
    expect((await team('greater-manchester')).strength).toBe(gmp0.strength + 1);
    expect((await team('greater-manchester', 'digital-forensics')).strength).toBeGreaterThanOrEqual(1);
    expect((await applyDueOfficerDates(at(addDays(end, 1)))).endedIds).not.toContain(officer.id);
    const trail = (await as({ sub: 'gmp-hr', org: 'greater-manchester', roles: ['hr-lead'] }).get(`/v1/audit?entity=officer:${officer.id}`)).json.items;
    expect(trail.map((e: { action: string }) => e.action)).toContain('officer.posting-ended');
    expect(await checkInvariants()).toEqual([]);
  });

  it('an extended posting ends on its new date, not the old one', async () => {
    const end = addDays(todayIso(), 12);
    const officer = await makeOfficer({ homeOrgId: 'merseyside', servingOrgId: 'titan', servingUntil: end });
    const extended = addDays(end, 90);
    expect((await titanHead.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: extended, version: 1 })).status).toBe(200);
    expect((await applyDueOfficerDates(at(end))).endedIds).not.toContain(officer.id);
    expect((await getOfficer(officer.id))?.servingOrgId).toBe('titan');
    expect((await applyDueOfficerDates(at(extended))).endedIds).toContain(officer.id);
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('a leaving date', () => {
  it('marks the officer left on that date and takes them off every team they counted in', async () => {
    const leaving = addDays(todayIso(), 15);
    const officer = await makeOfficer({ homeOrgId: 'titan', leavingOn: leaving });
    const before = await team('titan');
    const run = await applyDueOfficerDates(at(leaving));
    expect(run.leftIds).toContain(officer.id);
    expect((await getOfficer(officer.id))?.status).toBe('left');
    expect((await team('titan')).strength).toBe(before.strength - 1);
    expect(await checkInvariants()).toEqual([]);
  });

  it('a posted officer leaving before the posting ends leaves from the unit they serve in, and never goes home', async () => {
    const leaving = addDays(todayIso(), 20);
    const officer = await makeOfficer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: addDays(leaving, 30), leavingOn: leaving });
    const [titan0, gmp0] = [await team('titan'), await team('greater-manchester')];
    expect((await applyDueOfficerDates(at(leaving))).leftIds).toContain(officer.id);
    expect((await team('titan')).strength).toBe(titan0.strength - 1);
    expect((await team('greater-manchester')).strength).toBe(gmp0.strength);
    expect((await applyDueOfficerDates(at(addDays(leaving, 30)))).endedIds).not.toContain(officer.id);
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('a committed officer', () => {
  it('whose accepted move takes effect on the day the posting ends goes with the move, counted out once, never home', async () => {
    const end = addDays(todayIso(), 25);
    const officer = await makeOfficer({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: end });
    const campaign = await openCampaign({ title: `Cyber (${newId('t')})` });
    const me = asOfficer({ id: officer.id, homeOrgId: 'greater-manchester' });
    const applied = (await me.post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Please.' })).json;
    await ncaHr.post(`/v1/applications/${applied.id}/shortlist`);
    expect((await ncaHr.post(`/v1/applications/${applied.id}/offer`, { startDate: end })).json.status).toBe('offered');
    expect((await me.post(`/v1/applications/${applied.id}/accept`)).status).toBe(200);
    expect((await team('titan')).committedOut).toBeGreaterThanOrEqual(1);
    const [titan0, gmp0, nca0] = [await team('titan'), await team('greater-manchester'), await team('nca')];

    // The officer job leaves a mover to the move job, which ends the posting with the move.
    expect((await applyDueOfficerDates(at(end))).endedIds).not.toContain(officer.id);
    expect((await applyDueMoves(at(end))).movedIds).toContain(applied.id);
    expect(await getOfficer(officer.id)).toMatchObject({ homeOrgId: 'nca', servingOrgId: null });
    expect(await team('titan')).toEqual({ strength: titan0.strength - 1, committedOut: titan0.committedOut - 1 });
    expect((await team('greater-manchester')).strength).toBe(gmp0.strength);
    expect((await team('nca')).strength).toBe(nca0.strength + 1);
    expect(await checkInvariants()).toEqual([]);
    // The record of a posting the move ended has nothing due any more.
    expect((await applyDueOfficerDates(at(addDays(end, 1)))).examined).toBe(0);
  });
});
