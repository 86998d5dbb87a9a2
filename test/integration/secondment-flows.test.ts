import { beforeAll, describe, expect, it } from 'vitest';
import { REGIONS } from '../../shared/domain/reference';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { advanceDueSecondments } from '../../shared/use-cases/advance-due-secondments';
import { as, asOfficer, type Claims, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

/**
 * GET /v1/reports/secondment-flows: counts per region × direction, moved in
 * the same transactions as the secondments (confirm, start, complete,
 * withdraw a confirmed one).
 */

const ncaHr = as(users.ncaHr);
const START = addDays(todayIso(), 60);
const roccEast: Claims = { sub: 'rocc-east', org: 'nca', roles: ['rocc'], regions: ['east-of-england'] };

async function confirm(officer: Officer, host: Claims, homeDecider: Claims, overrides: Record<string, unknown>): Promise<string> {
  const p = await as(host).post('/v1/placements', placementBody({ capabilityId: 'surveillance', pipDevelopmentLevel: null, places: 5, ...overrides }));
  expect(p.status, JSON.stringify(p.json)).toBe(201);
  const applied = await asOfficer(officer).post(`/v1/placements/${p.json.id}/applications`, { statement: 'Ready.' });
  expect(applied.status, JSON.stringify(applied.json)).toBe(201);
  const id = applied.json.id as string;
  expect((await as(homeDecider).post(`/v1/secondment-applications/${id}/home-decision`, { decision: 'approve' })).status).toBe(200);
  expect((await as(host).post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept' })).status).toBe(200);
  return id;
}

let titanOfficers: Officer[];
let ncaOfficer: Officer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 20);
  titanOfficers = [];
  for (let i = 0; i < 3; i++) titanOfficers.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}`, capabilities: ['surveillance'], pipLevel: 1 }));
  ncaOfficer = await makeOfficer({ homeOrgId: 'nca', name: 'NCA officer', capabilities: ['surveillance'], pipLevel: 1, region: 'east-of-england' });
  const ncaPlacement = { region: 'north-west' };
  // ROCU → NCA in the North West: one stays confirmed, one starts, one is withdrawn.
  ids.upcoming = await confirm(titanOfficers[0]!, users.ncaHr, users.titanHead, ncaPlacement);
  ids.started = await confirm(titanOfficers[1]!, users.ncaHr, users.titanHead, { ...ncaPlacement, startDate: addDays(START, -10), closesOn: addDays(START, -20) });
  ids.withdrawn = await confirm(titanOfficers[2]!, users.ncaHr, users.titanHead, ncaPlacement);
  // NCA → ROCU in the East of England (an NCA officer into ERSOU), completed early by the host.
  const ncaHome: Claims = { sub: 'nca-hr-2', org: 'nca', roles: ['hr-lead'] };
  ids.ncaOut = await confirm(ncaOfficer, users.ersouHr, ncaHome, { hostOrgId: 'ersou', region: 'east-of-england', eligibility: { homeOrgTypes: ['agency'], vetting: 'sc', minPipLevel: 0 } });
  expect((await asOfficer(titanOfficers[2]!).post(`/v1/secondment-applications/${ids.withdrawn}/withdraw`)).status).toBe(200);
  await advanceDueSecondments(new Date(`${addDays(START, -10)}T09:00:00.000Z`));
  expect((await as(users.ersouHr).post(`/v1/secondment-applications/${ids.ncaOut}/complete`, {})).status).toBe(200);
});

describe('GET /v1/reports/secondment-flows', () => {
  it('an HR lead sees every region, NCA→ROCU against ROCU→NCA, with the counts the lifecycle left', async () => {
    const res = await ncaHr.get('/v1/reports/secondment-flows');
    expect(res.status).toBe(200);
    expect(res.json.scope).toBe('all-regions');
    expect(res.json.regions.map((r: { region: string }) => r.region)).toEqual([...REGIONS]);
    const nw = res.json.regions.find((r: { region: string }) => r.region === 'north-west');
    expect(nw).toEqual({
      region: 'north-west',
      flows: [{ from: 'rocu', to: 'nca', confirmed: 1, active: 1, completed: 0 }],
      ncaToRocu: { confirmed: 0, active: 0, completed: 0 },
      rocuToNca: { confirmed: 1, active: 1, completed: 0 },
    });
    const east = res.json.regions.find((r: { region: string }) => r.region === 'east-of-england');
    expect(east.ncaToRocu).toEqual({ confirmed: 0, active: 0, completed: 1 });
    expect(res.json.totals).toEqual({ ncaToRocu: { confirmed: 0, active: 0, completed: 1 }, rocuToNca: { confirmed: 1, active: 1, completed: 0 } });
  });

  it('a ROCC sees their own regions unless they name another', async () => {
    const own = await as(roccEast).get('/v1/reports/secondment-flows');
    expect(own.status).toBe(200);
    expect(own.json.scope).toBe('own-regions');
    expect(own.json.regions.map((r: { region: string }) => r.region)).toEqual(['east-of-england']);
    expect(own.json.totals.rocuToNca).toEqual({ confirmed: 0, active: 0, completed: 0 });
    const named = await as(roccEast).get('/v1/reports/secondment-flows?region=north-west');
    expect(named.json).toMatchObject({ scope: 'region', regions: [{ region: 'north-west', rocuToNca: { confirmed: 1, active: 1 } }] });
  });

  it('bad input is 400; a ROCU head or an officer is refused by role', async () => {
    for (const q of ['?region=atlantis', '?other=1']) {
      const res = await ncaHr.get(`/v1/reports/secondment-flows${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    expect((await as(users.titanHead).get('/v1/reports/secondment-flows')).status).toBe(403);
    expect((await asOfficer(titanOfficers[0]!).get('/v1/reports/secondment-flows')).status).toBe(403);
  });
});
