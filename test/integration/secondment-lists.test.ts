import { beforeAll, describe, expect, it } from 'vitest';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

/** The home's list of its officers' secondment applications, and the host's list of all its placements. */

const ncaHr = as(users.ncaHr);
const surveillance = (overrides: Record<string, unknown> = {}) =>
  placementBody({ title: 'Surveillance, NCA', capabilityId: 'surveillance', pipDevelopmentLevel: null, eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 0 }, ...overrides });

let titanOfficers: Officer[];
let ersouOfficer: Officer;
let placementId: string;
const ids: string[] = [];

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 10);
  titanOfficers = [await makeOfficer({ homeOrgId: 'titan', name: 'Titan A', capabilities: [] }), await makeOfficer({ homeOrgId: 'titan', name: 'Titan B', capabilities: [] })];
  ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', name: 'Ersou A', region: 'east-of-england', capabilities: [] });
  const p = await ncaHr.post('/v1/placements', surveillance());
  expect(p.status).toBe(201);
  placementId = p.json.id;
  for (const o of [...titanOfficers, ersouOfficer]) {
    const res = await asOfficer(o).post(`/v1/placements/${placementId}/applications`, { statement: 'Please.' });
    expect(res.status).toBe(201);
    ids.push(res.json.id);
  }
  // TITAN approves its first officer: the other one still awaits the home decision.
  expect((await as(users.titanHead).post(`/v1/secondment-applications/${ids[0]}/home-decision`, { decision: 'approve' })).status).toBe(200);
});

describe('GET /v1/organisations/{orgId}/secondment-applications', () => {
  it('the ROCU head and the HR lead see their own officers’ applications, newest first, and only theirs', async () => {
    for (const who of [users.titanHead, users.titanHr]) {
      const res = await as(who).get('/v1/organisations/titan/secondment-applications');
      expect(res.status).toBe(200);
      expect(res.json.items.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[0]]);
      expect(res.json.items[0]).toMatchObject({ homeOrgId: 'titan', officerName: 'Titan B', status: 'submitted', pendingExtension: null, extensions: [] });
    }
  });

  it('?status=submitted lists those awaiting the home decision', async () => {
    const res = await as(users.titanHead).get('/v1/organisations/titan/secondment-applications?status=submitted');
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { id: string }) => a.id)).toEqual([ids[1]]);
  });

  it('pages with a cursor', async () => {
    const first = await as(users.titanHr).get('/v1/organisations/titan/secondment-applications?limit=1');
    expect(first.json.items).toHaveLength(1);
    expect(first.json.cursor).toBeDefined();
    const second = await as(users.titanHr).get(`/v1/organisations/titan/secondment-applications?limit=1&cursor=${encodeURIComponent(first.json.cursor)}`);
    expect(second.json.items.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
  });

  it('another organisation’s people get 404; bad input is 400', async () => {
    expect((await as(users.ersouHead).get('/v1/organisations/titan/secondment-applications')).status).toBe(404);
    expect((await as(users.ncaHr).get('/v1/organisations/titan/secondment-applications')).status).toBe(404);
    const bad = await as(users.titanHead).get('/v1/organisations/titan/secondment-applications?status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    expect((await as(users.titanHead).get('/v1/organisations/Not_A_Slug/secondment-applications')).status).toBe(400);
  });
});

describe('GET /v1/organisations/{orgId}/placements', () => {
  it('the host HR lead sees every placement it posted, past ones included, latest closing first', async () => {
    // Closing later than the first: it comes first.
    const later = await ncaHr.post('/v1/placements', surveillance({ title: 'Later one', closesOn: placementBody().startDate }));
    expect(later.status).toBe(201);
    const res = await ncaHr.get('/v1/organisations/nca/placements');
    expect(res.status).toBe(200);
    expect(res.json.items.map((p: { id: string }) => p.id)).toEqual([later.json.id, placementId]);
    expect(res.json.items[1]).toMatchObject({ hostOrgId: 'nca', status: 'open', places: 3, confirmed: 0, placesLeft: 3 });
  });

  it('another organisation’s HR lead gets 404; a ROCU head is refused by role', async () => {
    expect((await as(users.titanHr).get('/v1/organisations/nca/placements')).status).toBe(404);
    expect((await as(users.titanHead).get('/v1/organisations/titan/placements')).status).toBe(403);
    expect((await ncaHr.get('/v1/organisations/nca/placements?limit=0')).status).toBe(400);
  });
});
