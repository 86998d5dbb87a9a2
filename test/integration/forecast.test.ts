import { beforeAll, describe, expect, it } from 'vitest';
import { listBaselinesOfOrg } from '../../shared/data/capability.repository';
import { monthEnd } from '../../shared/domain/forecast';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { forecastOfUnit } from '../../shared/use-cases/capability-forecast';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';

/**
 * The forecast against DynamoDB Local: a team whose postings end shows the
 * drop in that month, its first month is today's counters, and it stays so
 * after a random run of officer writes.
 */
const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const ncaHr = as(users.ncaHr);
const in3Months = monthEnd(todayIso(), 3);
const dropMonth = in3Months.slice(0, 7);

type Item = { capabilityId: string; minimum: number; months: { month: string; strength: number; committedOut: number; projected: number; establishment: number; level: string }[]; events: { kind: string; date: string; delta: number; officerId?: string }[]; firstBreach: { month: string; projected: number; minimum: number } | null };

const own: Officer[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  for (let i = 0; i < 6; i++) own.push(await makeOfficer({ homeOrgId: 'titan', name: `TITAN cyber ${i}` }));
  for (const home of ['greater-manchester', 'merseyside', 'greater-manchester']) {
    await makeOfficer({ homeOrgId: home, servingOrgId: 'titan', servingUntil: in3Months, name: `Posted from ${home}` });
  }
  await makeOfficer({ homeOrgId: 'merseyside', servingOrgId: 'titan', servingUntil: addDays(in3Months, 400), name: 'Long posting' });
  const row = (await titanHr.get('/v1/organisations/titan/capabilities')).json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber');
  const put = await titanHr.put('/v1/organisations/titan/capabilities/cyber', {
    funding: [
      { source: 'Home Office ROCU grant', posts: 4, until: in3Months },
      { source: 'Force contributions', posts: 8 },
    ],
    version: row.version,
  });
  expect(put.status).toBe(200);
});

describe('TITAN’s cyber forecast', () => {
  it('shows the three postings ending in their month, the funding line with them, and the first breach there', async () => {
    const res = await titanHead.get('/v1/organisations/titan/forecast?months=12&capabilityId=cyber');
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const item: Item = res.json.items[0];
    expect(res.json.items).toHaveLength(1);
    expect(item.months).toHaveLength(13);
    expect(item.months[0]).toMatchObject({ month: todayIso().slice(0, 7), strength: 10, committedOut: 0, projected: 10, establishment: 12 });
    const drop = item.months.find((m) => m.month === dropMonth)!;
    expect(drop).toMatchObject({ strength: 7, projected: 7, establishment: 8 });
    expect(item.events.filter((e) => e.kind === 'posting-end' && e.date === in3Months)).toHaveLength(3);
    expect(item.events.filter((e) => e.kind === 'funding-end')).toEqual([expect.objectContaining({ date: in3Months, delta: -4 })]);
    expect(item.firstBreach).toBeNull();
  });

  it('a leaver in the same month takes it below the minimum: the breach month and numbers are named', async () => {
    const leaver = own[0]!;
    expect((await titanHr.patch(`/v1/officers/${leaver.id}`, { leavingOn: in3Months, version: leaver.version })).status).toBe(200);
    const item: Item = (await titanHead.get('/v1/organisations/titan/forecast?capabilityId=cyber')).json.items[0];
    expect(item.months).toHaveLength(25);
    expect(item.firstBreach).toEqual({ month: dropMonth, monthsAhead: 3, projected: 6, minimum: 7 });
    expect(item.events).toContainEqual(expect.objectContaining({ kind: 'leaving', officerId: leaver.id, delta: -1 }));
  });

  it('the home force sees its officers coming back in its own forecast', async () => {
    const gmp = await forecastOfUnit('greater-manchester', { months: 6, capabilityId: 'cyber' });
    const item = gmp.items[0]!;
    expect(item.months[0]!.strength).toBe(0);
    expect(item.months.find((m) => m.month === dropMonth)!.strength).toBe(2);
  });

  it('is for TITAN’s head and HR lead, the North West ROCC and NCA HR leads; not ERSOU; 404 for no such unit', async () => {
    expect((await titanHr.get('/v1/organisations/titan/forecast')).status).toBe(200);
    expect((await as(users.roccNorthWest).get('/v1/organisations/titan/forecast')).status).toBe(200);
    expect((await ncaHr.get('/v1/organisations/titan/forecast')).status).toBe(200);
    expect((await as(users.ersouHead).get('/v1/organisations/titan/forecast')).status).toBe(403);
    expect((await as(users.ersouHr).get('/v1/organisations/titan/forecast')).status).toBe(403);
    expect((await as({ sub: 'rocc-e', org: 'nca', roles: ['rocc'], regions: ['east-of-england'] }).get('/v1/organisations/titan/forecast')).status).toBe(403);
    expect((await ncaHr.get('/v1/organisations/atlantis/forecast')).status).toBe(404);
    expect((await titanHead.get('/v1/organisations/titan/forecast?months=0')).status).toBe(400);
    expect((await titanHead.get('/v1/organisations/titan/forecast?months=37')).status).toBe(400);
  });
});

/** Every team's first month against its baseline, for every organisation. */
async function monthZeroAgainstCounters(orgIds: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const orgId of orgIds) {
    const [forecast, baselines] = await Promise.all([forecastOfUnit(orgId, { months: 24 }), listBaselinesOfOrg(orgId)]);
    const byCap = new Map(forecast.items.map((i) => [i.capabilityId, i.months[0]!]));
    for (const b of baselines) {
      const m = byCap.get(b.capabilityId) ?? { strength: 0, committedOut: 0, projected: 0, establishment: b.establishment };
      const got = { strength: m.strength, committedOut: m.committedOut, projected: m.projected, establishment: m.establishment };
      const want = { strength: b.strength, committedOut: b.committedOut, projected: b.projected, establishment: b.establishment };
      if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`${orgId}:${b.capabilityId}: forecast month 0 ${JSON.stringify(got)}, counters ${JSON.stringify(want)}`);
    }
  }
  return out;
}

describe('month 0 is today’s counters', () => {
  it('for every team of every unit, after a random run of creates, postings, edits, acceptances, extensions and leavers', async () => {
    let seed = 13;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const caps = ['cyber', 'surveillance', 'digital-forensics'];
    const officers: Officer[] = [];
    const campaign = await openCampaign({ title: `Cyber (${newId('t')})`, capabilityId: 'cyber', roleProfile: { jobDescription: 'x', terms: 'x', grade: 'x', salaryBand: 'x', vetting: 'nppv2', minPipLevel: 0, locations: ['x'] } });
    for (let step = 0; step < 40; step++) {
      const op = rnd();
      if (op < 0.4 || officers.length < 4) {
        const home = pick(['titan', 'greater-manchester', 'merseyside', 'ersou']);
        const serving = home !== 'titan' && home !== 'ersou' && rnd() < 0.7 ? 'titan' : null;
        officers.push(
          await makeOfficer({
            homeOrgId: home,
            ...(serving ? { servingOrgId: serving, servingUntil: addDays(todayIso(), 30 + Math.floor(rnd() * 600)) } : {}),
            ...(rnd() < 0.2 ? { leavingOn: addDays(todayIso(), 20 + Math.floor(rnd() * 500)) } : {}),
            capabilities: caps.filter(() => rnd() < 0.6),
            region: 'north-west',
          }),
        );
        continue;
      }
      const o = pick(officers);
      const hr = as({ sub: 'hr', org: o.servingOrgId ?? o.homeOrgId, roles: ['hr-lead'] });
      const current = (await hr.get(`/v1/officers/${o.id}`)).json as Officer;
      if (op < 0.55) {
        await hr.patch(`/v1/officers/${o.id}`, { capabilities: caps.filter(() => rnd() < 0.5), version: current.version });
      } else if (op < 0.65 && current.servingOrgId) {
        await hr.patch(`/v1/officers/${o.id}`, { servingOrgId: null, version: current.version });
      } else if (op < 0.75 && current.servingOrgId) {
        await as(users.titanHead).post(`/v1/officers/${o.id}/posting/extend`, { servingUntil: addDays(current.servingUntil!, 90), version: current.version });
      } else if (op < 0.85) {
        await hr.patch(`/v1/officers/${o.id}`, { leavingOn: addDays(todayIso(), 10 + Math.floor(rnd() * 300)), version: current.version });
      } else {
        const me = asOfficer({ id: o.id, homeOrgId: o.homeOrgId });
        const applied = await me.post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Please.' });
        if (applied.status !== 201) continue;
        await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`);
        await ncaHr.post(`/v1/applications/${applied.json.id}/offer`, { startDate: addDays(todayIso(), 5 + Math.floor(rnd() * 20)) });
        await me.post(`/v1/applications/${applied.json.id}/accept`);
      }
    }
    expect(await checkInvariants()).toEqual([]);
    expect(await monthZeroAgainstCounters(['titan', 'greater-manchester', 'merseyside', 'ersou', 'nca'])).toEqual([]);
  });
});
