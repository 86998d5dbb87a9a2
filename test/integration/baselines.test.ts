import { beforeAll, describe, expect, it } from 'vitest';
import { as, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

const titanHead = as(users.titanHead);
const titanHr = as(users.titanHr);
const ersouHead = as(users.ersouHead);

async function row(orgId: string, capabilityId: string) {
  const res = await titanHead.get(`/v1/organisations/${orgId}/capabilities`);
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === capabilityId);
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
  for (let i = 0; i < 8; i++) await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'] });
});

describe('capability baselines', () => {
  it('lists one row per capability in the catalogue, with counters, projection and level', async () => {
    const res = await titanHead.get('/v1/organisations/titan/capabilities');
    expect(res.status).toBe(200);
    expect(res.json.items.map((r: { capabilityId: string }) => r.capabilityId).sort()).toEqual(['cyber', 'digital-forensics', 'surveillance']);
    const cyber = await row('titan', 'cyber');
    expect(cyber).toMatchObject({ orgId: 'titan', strength: 8, minimum: 7, establishment: 12, committedOut: 0, projected: 8, level: 'warning' });
    expect(cyber).not.toHaveProperty('holders');
    const none = await row('titan', 'digital-forensics');
    expect(none).toMatchObject({ strength: 0, minimum: 0, version: 0, level: 'ok' });
  });

  it('an unknown organisation is 404', async () => {
    const res = await titanHead.get('/v1/organisations/atlantis/capabilities');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });

  it('the TITAN head sets TITAN’s minimum; the level follows it', async () => {
    const current = await row('titan', 'cyber');
    const res = await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: 9, version: current.version });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ minimum: 9, establishment: 12, strength: 8, level: 'critical', version: current.version + 1 });
    expect(res.headers.etag).toBe(`"${current.version + 1}"`);
  });

  it('a ROCU head sets a minimum on a capability that had no row yet (version 0)', async () => {
    const res = await titanHead.put('/v1/organisations/titan/capabilities/digital-forensics', { minimum: 3, version: 0 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ minimum: 3, strength: 0, level: 'critical', version: 1 });
    const again = await titanHead.put('/v1/organisations/titan/capabilities/digital-forensics', { minimum: 4, version: 0 });
    expect(again.status).toBe(409);
  });

  it('a stale version is 409 and a stale If-Match 412; the minimum stays as it was', async () => {
    const current = await row('titan', 'cyber');
    const stale = await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: 1, version: current.version - 1 });
    expect(stale.status).toBe(409);
    const staleIfMatch = await titanHead.put(
      '/v1/organisations/titan/capabilities/cyber',
      { minimum: 1 },
      { headers: { 'if-match': `"${current.version - 1}"` } },
    );
    expect(staleIfMatch.status).toBe(412);
    expect((await row('titan', 'cyber')).minimum).toBe(current.minimum);
  });

  it('the HR lead sets the establishment but not the minimum', async () => {
    const current = await row('titan', 'cyber');
    const est = await titanHr.put('/v1/organisations/titan/capabilities/cyber', { establishment: 13, version: current.version });
    expect(est.status).toBe(200);
    expect(est.json.establishment).toBe(13);
    const min = await titanHr.put('/v1/organisations/titan/capabilities/cyber', { minimum: 2, version: est.json.version });
    expect(min.status).toBe(403);
  });

  it('the ERSOU head cannot change TITAN’s minimum', async () => {
    const current = await row('titan', 'cyber');
    const res = await ersouHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: 0, version: current.version });
    expect(res.status).toBe(403);
    expect((await row('titan', 'cyber')).minimum).toBe(current.minimum);
  });

  it('bad input: unknown capability 404, negative minimum 400, empty body 400, unknown field 400', async () => {
    expect((await titanHead.put('/v1/organisations/titan/capabilities/astrology', { minimum: 1, version: 0 })).status).toBe(404);
    expect((await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: -1, version: 1 })).status).toBe(400);
    expect((await titanHead.put('/v1/organisations/titan/capabilities/cyber', { version: 1 })).status).toBe(400);
    expect((await titanHead.put('/v1/organisations/titan/capabilities/cyber', { minimum: 1, version: 1, strength: 99 })).status).toBe(400);
  });

  it('every change to a baseline is in its audit trail', async () => {
    const { listAudit } = await import('../../shared/data/audit.repository');
    const trail = await listAudit('baseline', 'titan:cyber', { limit: 50 });
    expect(trail.items.map((e) => e.action)).toContain('baseline.updated');
    expect(trail.items.find((e) => e.actor.sub === 'titan-head')).toBeTruthy();
  });
});

describe('reference data', () => {
  it('lists organisations with their type, region and forces', async () => {
    const res = await titanHr.get('/v1/organisations');
    expect(res.status).toBe(200);
    const titan = res.json.items.find((o: { id: string }) => o.id === 'titan');
    expect(titan).toMatchObject({ type: 'rocu', region: 'north-west', forces: ['greater-manchester', 'merseyside'] });
    expect(res.json.items.find((o: { id: string }) => o.id === 'greater-manchester')).toMatchObject({ type: 'force', parentOrgId: 'titan' });
  });

  it('an admin adds a capability; a second add of the same id is 409; others get 403', async () => {
    const admin = as(users.admin);
    const created = await admin.post('/v1/capabilities', { id: 'crypto-assets', name: 'Cryptoasset investigation' });
    expect(created.status).toBe(201);
    expect((await admin.post('/v1/capabilities', { id: 'crypto-assets', name: 'Again' })).status).toBe(409);
    expect((await titanHr.post('/v1/capabilities', { id: 'other', name: 'Other' })).status).toBe(403);
    expect((await admin.post('/v1/capabilities', { id: 'Not A Slug', name: 'x' })).status).toBe(400);
    const list = await titanHr.get('/v1/capabilities');
    expect(list.json.items.map((c: { id: string }) => c.id)).toContain('crypto-assets');
  });

  it('health reports the table reachable without a token', async () => {
    const res = await as().get('/v1/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', table: 'reachable' });
  });

  it('signed-in routes refuse a request without a token', async () => {
    const res = await as().get('/v1/organisations');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthenticated');
  });
});
