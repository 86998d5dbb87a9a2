import { beforeAll, describe, expect, it } from 'vitest';
import { monthEnd } from '../../shared/domain/forecast';
import { todayIso } from '../../shared/domain/working-days';
import { as, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * The heatmap's time axis against DynamoDB Local: today's cells are the
 * counters; a cell months ahead is the ROCU's forecast at that month's end,
 * so postings ending in between show there and not today.
 */
const titanHead = as(users.titanHead);
const rocc = as(users.roccNorthWest);
const postingEnd = monthEnd(todayIso(), 3);

type Cell = { capabilityId: string; strength: number; minimum: number; establishment: number; committedOut: number; projected: number; level: string };
type Row = { orgId: string; cells: Cell[] };
const cyberOf = (rows: Row[], orgId: string) => rows.find((r) => r.orgId === orgId)!.cells.find((c) => c.capabilityId === 'cyber')!;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  await setBaseline('ersou', 'cyber', 2, 6);
  for (let i = 0; i < 6; i++) await makeOfficer({ homeOrgId: 'titan', name: `TITAN cyber ${i}` });
  for (const home of ['greater-manchester', 'merseyside', 'greater-manchester']) {
    await makeOfficer({ homeOrgId: home, servingOrgId: 'titan', servingUntil: postingEnd, name: `Posted from ${home}` });
  }
  for (let i = 0; i < 3; i++) await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', name: `ERSOU cyber ${i}` });
});

describe('the capability heatmap ahead', () => {
  it('today (the default) is the counters: TITAN cyber 9 strong, at or above its minimum of 7', async () => {
    const res = await titanHead.get('/v1/reports/capability-heatmap?capabilityId=cyber');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ months: 0, at: todayIso() });
    expect(cyberOf(res.json.rows, 'titan')).toMatchObject({ strength: 9, projected: 9, minimum: 7 });
    expect(cyberOf(res.json.rows, 'titan').level).not.toBe('critical');
  });

  it('six months ahead the three postings have ended: TITAN cyber is 6 and critical, as its forecast says; ERSOU is as today', async () => {
    const res = await titanHead.get('/v1/reports/capability-heatmap?capabilityId=cyber&months=6');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ months: 6, at: monthEnd(todayIso(), 6) });
    const titan = cyberOf(res.json.rows, 'titan');
    expect(titan).toMatchObject({ strength: 6, committedOut: 0, projected: 6, minimum: 7, establishment: 12, level: 'critical' });
    const forecast = (await titanHead.get('/v1/organisations/titan/forecast?capabilityId=cyber&months=6')).json.items[0];
    expect(titan).toMatchObject({ strength: forecast.months[6].strength, projected: forecast.months[6].projected, level: forecast.months[6].level });
    expect(cyberOf(res.json.rows, 'ersou')).toMatchObject({ strength: 3, projected: 3 });
    expect(res.json.counts.critical).toBeGreaterThanOrEqual(1);
  });

  it('a ROCC ahead still sees their own regions; a month out of range is a 400', async () => {
    const res = await rocc.get('/v1/reports/capability-heatmap?months=12');
    expect(res.status).toBe(200);
    expect(res.json.rows.map((r: Row) => r.orgId)).toEqual(['titan']);
    expect(cyberOf(res.json.rows, 'titan').strength).toBe(6);
    expect((await titanHead.get('/v1/reports/capability-heatmap?months=37')).status).toBe(400);
    expect((await titanHead.get('/v1/reports/capability-heatmap?months=-1')).status).toBe(400);
    expect((await titanHead.get('/v1/reports/capability-heatmap?months=six')).status).toBe(400);
  });
});
