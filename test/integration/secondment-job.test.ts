import { beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { SYSTEM_ACTOR, listAudit } from '../../shared/data/audit.repository';
import { getBaseline } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { secondmentKeys } from '../../shared/data/keys';
import { getSecondment, listFlowCounters, queryDueSecondmentIds } from '../../shared/data/secondment.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { advanceDueSecondments } from '../../shared/use-cases/advance-due-secondments';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

/**
 * The secondment lifecycle job: confirmed → active on the start date, active
 * → completed on the end date, with the home team's committedOut released on
 * completion and the secondment-flows counters moved in the same transactions.
 */

const ncaHr = as(users.ncaHr);
const START = addDays(todayIso(), 60);
const ON_START = new Date(`${START}T09:00:00.000Z`);

async function confirmed(officer: Officer, overrides: Record<string, unknown> = {}): Promise<{ id: string; placementId: string; endDate: string }> {
  const p = await ncaHr.post('/v1/placements', placementBody({ capabilityId: 'surveillance', pipDevelopmentLevel: null, places: 5, ...overrides }));
  expect(p.status, JSON.stringify(p.json)).toBe(201);
  const applied = await asOfficer(officer).post(`/v1/placements/${p.json.id}/applications`, { statement: 'Ready.' });
  expect(applied.status).toBe(201);
  const id = applied.json.id as string;
  expect((await as(users.titanHead).post(`/v1/secondment-applications/${id}/home-decision`, { decision: 'approve' })).status).toBe(200);
  const accepted = await ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept' });
  expect(accepted.status).toBe(200);
  return { id, placementId: p.json.id, endDate: p.json.endDate };
}

async function committedOut(): Promise<number> {
  return (await getBaseline('titan', 'surveillance'))?.committedOut ?? 0;
}

async function flow() {
  const c = (await listFlowCounters()).find((f) => f.region === 'north-west' && f.from === 'rocu' && f.to === 'nca');
  return { confirmed: c?.confirmed ?? 0, active: c?.active ?? 0, completed: c?.completed ?? 0 };
}

async function dueMarker(date: string, id: string) {
  return (await documentClient().send(new GetCommand({ TableName: tableName(), Key: secondmentKeys.secondmentDue(date, id), ConsistentRead: true }))).Item;
}

const titan: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 20);
  for (let i = 0; i < 6; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}`, capabilities: ['surveillance'], pipLevel: 1 }));
});

describe('the secondment lifecycle job', () => {
  it('starts a confirmed secondment on its start date and completes it on its end date, moving counters in the same writes', async () => {
    const before = { out: await committedOut(), flow: await flow() };
    const { id, endDate } = await confirmed(titan[0]!);
    expect(await committedOut()).toBe(before.out + 1);
    expect(await flow()).toEqual({ ...before.flow, confirmed: before.flow.confirmed + 1 });
    expect(await dueMarker(START, id)).toMatchObject({ applicationId: id, status: 'confirmed' });

    // The day before: nothing.
    expect((await advanceDueSecondments(new Date(`${addDays(START, -1)}T23:59:00.000Z`))).startedIds).not.toContain(id);
    expect((await getSecondment(id))!.status).toBe('confirmed');

    const run = await advanceDueSecondments(ON_START);
    expect(run.startedIds).toContain(id);
    expect(run).toMatchObject({ conflicts: 0, failed: 0 });
    const active = (await getSecondment(id))!;
    expect(active).toMatchObject({ status: 'active', version: 4, commitment: { orgId: 'titan', capabilityIds: ['surveillance'] } });
    expect(active.history.at(-1)).toMatchObject({ status: 'active', by: 'system', at: ON_START.toISOString() });
    // Still seconded out; the counter moved from upcoming to active; the marker moved to the end date.
    expect(await committedOut()).toBe(before.out + 1);
    expect(await flow()).toEqual({ ...before.flow, active: before.flow.active + 1 });
    expect(await dueMarker(START, id)).toBeUndefined();
    expect(await dueMarker(endDate, id)).toMatchObject({ status: 'active' });

    // Idempotent: running again the same day changes nothing.
    const again = await advanceDueSecondments(ON_START);
    expect(again.startedIds).not.toContain(id);
    expect((await getSecondment(id))!.version).toBe(4);

    const ON_END = new Date(`${endDate}T09:00:00.000Z`);
    const end = await advanceDueSecondments(ON_END);
    expect(end.completedIds).toContain(id);
    const done = (await getSecondment(id))!;
    expect(done).toMatchObject({ status: 'completed', commitment: null, version: 5 });
    expect(await committedOut()).toBe(before.out);
    expect(await flow()).toEqual({ ...before.flow, completed: before.flow.completed + 1 });
    expect(await dueMarker(endDate, id)).toBeUndefined();
    expect((await queryDueSecondmentIds(addDays(endDate, 400), { limit: 100 })).ids).not.toContain(id);

    const audit = (await listAudit('secondment-application', id, { limit: 20 })).items.filter((e) => e.actor.sub === 'system');
    expect(audit.map((e) => e.action).sort()).toEqual(['secondment.completed', 'secondment.started']);
    expect(audit.find((e) => e.action === 'secondment.completed')!.changes).toMatchObject({ from: 'active', committedOutReleased: ['titan:surveillance'] });
    expect(audit[0]!.actor).toEqual(SYSTEM_ACTOR);
  });

  it('completes at once a confirmed secondment whose end date has passed too (the job was off)', async () => {
    const before = { out: await committedOut(), flow: await flow() };
    const { id, endDate } = await confirmed(titan[1]!, { startDate: addDays(START, 3), durationMonths: 1 });
    const run = await advanceDueSecondments(new Date(`${endDate}T09:00:00.000Z`));
    expect(run.completedIds).toContain(id);
    expect((await getSecondment(id))!.status).toBe('completed');
    expect(await committedOut()).toBe(before.out);
    expect(await flow()).toEqual({ ...before.flow, completed: before.flow.completed + 1 });
  });

  it('a withdrawal or an early completion removes the due marker, and the counters follow', async () => {
    const before = { out: await committedOut(), flow: await flow() };
    const a = await confirmed(titan[2]!, { startDate: addDays(START, 5) });
    const b = await confirmed(titan[3]!, { startDate: addDays(START, 5) });
    expect((await asOfficer(titan[2]!).post(`/v1/secondment-applications/${a.id}/withdraw`)).status).toBe(200);
    expect((await ncaHr.post(`/v1/secondment-applications/${b.id}/complete`, { note: 'Came back early.' })).status).toBe(200);
    expect(await dueMarker(addDays(START, 5), a.id)).toBeUndefined();
    expect(await dueMarker(addDays(START, 5), b.id)).toBeUndefined();
    expect(await committedOut()).toBe(before.out);
    expect(await flow()).toEqual({ ...before.flow, completed: before.flow.completed + 1 });
    const run = await advanceDueSecondments(new Date(`${addDays(START, 5)}T09:00:00.000Z`));
    expect(run.startedIds).not.toContain(a.id);
    expect(run.startedIds).not.toContain(b.id);
  });

  it('racing a withdrawal on the start date, exactly one wins and the counters match the winner', async () => {
    const before = { out: await committedOut(), flow: await flow() };
    const day = addDays(START, 7);
    const { id } = await confirmed(titan[4]!, { startDate: day });
    const [run, withdrawal] = await Promise.all([advanceDueSecondments(new Date(`${day}T09:00:00.000Z`)), asOfficer(titan[4]!).post(`/v1/secondment-applications/${id}/withdraw`)]);
    const app = (await getSecondment(id))!;
    if (withdrawal.status === 200) {
      expect(app.status).toBe('withdrawn');
      expect(run.startedIds).not.toContain(id);
      expect(await committedOut()).toBe(before.out);
      expect(await flow()).toEqual(before.flow);
    } else {
      expect(withdrawal.status).toBe(409);
      expect(app.status).toBe('active');
      expect(run.startedIds).toContain(id);
      expect(await committedOut()).toBe(before.out + 1);
      expect(await flow()).toEqual({ ...before.flow, active: before.flow.active + 1 });
    }
    // Whoever won, nothing is left due for it on the start date.
    expect(await dueMarker(day, id)).toBeUndefined();
  });
});
