import { beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { listAudit } from '../../shared/data/audit.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { secondmentKeys } from '../../shared/data/keys';
import { placementEndDate } from '../../shared/domain/secondment-rules';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { advanceDueSecondments } from '../../shared/use-cases/advance-due-secondments';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

/** Extensions: a new end date proposed by one side and approved by the other. */

const ncaHr = as(users.ncaHr);
const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const START = addDays(todayIso(), 60);

async function confirmed(officer: Officer): Promise<{ id: string; endDate: string }> {
  const p = await ncaHr.post('/v1/placements', placementBody({ capabilityId: 'surveillance', pipDevelopmentLevel: null, places: 5 }));
  expect(p.status).toBe(201);
  const applied = await asOfficer(officer).post(`/v1/placements/${p.json.id}/applications`, { statement: 'Ready.' });
  const id = applied.json.id as string;
  expect((await titanHead.post(`/v1/secondment-applications/${id}/home-decision`, { decision: 'approve' })).status).toBe(200);
  expect((await ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept' })).status).toBe(200);
  return { id, endDate: p.json.endDate };
}

const propose = (who: ReturnType<typeof as>, id: string, body: unknown) => who.post(`/v1/secondment-applications/${id}/extension`, body);
const decide = (who: ReturnType<typeof as>, id: string, body: unknown) => who.post(`/v1/secondment-applications/${id}/extension/decision`, body);

const titan: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 20);
  for (let i = 0; i < 5; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}`, capabilities: ['surveillance'], pipLevel: 1 }));
});

describe('extensions', () => {
  it('the host proposes, the home approves: the end date moves, visible on the application and in the audit trail', async () => {
    const { id, endDate } = await confirmed(titan[0]!);
    const newEnd = addDays(endDate, 90);
    const proposed = await propose(ncaHr, id, { endDate: newEnd, note: 'The operation runs on.' });
    expect(proposed.status).toBe(200);
    expect(proposed.json).toMatchObject({
      endDate,
      pendingExtension: { endDate: newEnd, previousEndDate: endDate, side: 'host', proposedBy: 'nca-hr', note: 'The operation runs on.' },
      extensions: [],
    });

    // A second proposal waits for the first; the proposing side cannot decide its own.
    expect((await propose(titanHr, id, { endDate: addDays(endDate, 30) })).status).toBe(409);
    const own = await decide(ncaHr, id, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('forbidden');

    const approved = await decide(titanHr, id, { decision: 'approve', note: 'Agreed.' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({
      endDate: newEnd,
      pendingExtension: null,
      extensions: [{ endDate: newEnd, previousEndDate: endDate, side: 'host', decision: 'approve', decidedBy: 'titan-hr', decisionNote: 'Agreed.' }],
    });
    // The applicant sees it too.
    expect((await asOfficer(titan[0]!).get(`/v1/secondment-applications/${id}`)).json.endDate).toBe(newEnd);

    const actions = (await listAudit('secondment-application', id, { limit: 20 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['secondment.extension-proposed', 'secondment.extended']));

    // Once active, it is due on the new end date, not the old one.
    await advanceDueSecondments(new Date(`${START}T09:00:00.000Z`));
    const marker = async (date: string) => (await documentClient().send(new GetCommand({ TableName: tableName(), Key: secondmentKeys.secondmentDue(date, id) }))).Item;
    expect(await marker(newEnd)).toMatchObject({ status: 'active' });
    expect(await marker(endDate)).toBeUndefined();
    expect((await advanceDueSecondments(new Date(`${endDate}T09:00:00.000Z`))).completedIds).not.toContain(id);
  });

  it('an active secondment: the home proposes, the host declines, then a later proposal is approved and re-keys the due date', async () => {
    const { id, endDate } = await confirmed(titan[1]!);
    await advanceDueSecondments(new Date(`${START}T09:00:00.000Z`));
    const now = (await titanHead.get(`/v1/secondment-applications/${id}`)).json;
    expect(now.status).toBe('active');

    expect((await propose(titanHead, id, { endDate: addDays(endDate, 10) })).status).toBe(200);
    const declined = await decide(ncaHr, id, { decision: 'decline', note: 'Not needed.' });
    expect(declined.status).toBe(200);
    expect(declined.json).toMatchObject({ endDate, pendingExtension: null, extensions: [{ decision: 'decline', side: 'home' }] });

    expect((await propose(titanHr, id, { endDate: addDays(endDate, 20) })).status).toBe(200);
    const ok = await decide(ncaHr, id, { decision: 'approve' });
    expect(ok.json).toMatchObject({ endDate: addDays(endDate, 20), status: 'active' });
    expect(ok.json.extensions).toHaveLength(2);
    const run = await advanceDueSecondments(new Date(`${addDays(endDate, 20)}T09:00:00.000Z`));
    expect(run.completedIds).toContain(id);
  });

  it('bad dates are 400 with the field named; an extension of a secondment not confirmed or active is 409; nothing pending to decide is 409', async () => {
    const { id, endDate } = await confirmed(titan[2]!);
    for (const body of [
      { endDate },
      { endDate: addDays(endDate, -1) },
      { endDate: addDays(placementEndDate(START, 24), 1) },
      { endDate: 'soon' },
      {},
      { endDate: addDays(endDate, 5), extra: true },
    ]) {
      const res = await propose(ncaHr, id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    // The date rules name the field.
    expect((await propose(ncaHr, id, { endDate })).json.error.details).toEqual([expect.objectContaining({ field: 'endDate' })]);
    // The cap itself is allowed.
    expect((await propose(ncaHr, id, { endDate: placementEndDate(START, 24) })).status).toBe(200);
    expect((await decide(titanHead, id, { decision: 'maybe' })).status).toBe(400);
    expect((await decide(titanHead, id, {})).status).toBe(400);

    const { id: other } = await confirmed(titan[3]!);
    expect((await decide(ncaHr, other, { decision: 'approve' })).status).toBe(409);
    expect((await asOfficer(titan[3]!).post(`/v1/secondment-applications/${other}/withdraw`)).status).toBe(200);
    expect((await propose(ncaHr, other, { endDate: addDays(endDate, 5) })).status).toBe(409);
  });

  it('only the two sides: another ROCU’s people get 404, the applicant 403; two sides proposing at once: one wins, the other 409', async () => {
    const { id, endDate } = await confirmed(titan[4]!);
    expect((await propose(as(users.ersouHead), id, { endDate: addDays(endDate, 5) })).status).toBe(404);
    expect((await propose(as(users.ersouHr), id, { endDate: addDays(endDate, 5) })).status).toBe(404);
    const officer = await propose(asOfficer(titan[4]!), id, { endDate: addDays(endDate, 5) });
    expect(officer.status).toBe(403);

    const [a, b] = await Promise.all([propose(ncaHr, id, { endDate: addDays(endDate, 5) }), propose(titanHead, id, { endDate: addDays(endDate, 6) })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const app = (await ncaHr.get(`/v1/secondment-applications/${id}`)).json;
    expect(app.version).toBe(4);
    expect(app.pendingExtension.side).toBe(a.status === 200 ? 'host' : 'home');
  });
});
