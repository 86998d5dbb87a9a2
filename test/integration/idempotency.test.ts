import { beforeAll, describe, expect, it } from 'vitest';
import { as, users } from './support/api';
import { seedReference, setBaseline } from './support/fixtures';

const titanHr = as(users.titanHr);
const body = { name: 'Retry Person', homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, region: 'north-west' };
const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

async function cyberStrength() {
  const res = await titanHr.get('/v1/organisations/titan/capabilities');
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber').strength as number;
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
});

describe('Idempotency-Key on creating POSTs', () => {
  it('a retry with the same key returns the first response and creates nothing twice', async () => {
    const before = await cyberStrength();
    const first = await titanHr.post('/v1/officers', body, withKey('create-officer-1'));
    const retry = await titanHr.post('/v1/officers', body, withKey('create-officer-1'));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(await cyberStrength()).toBe(before + 1);
  });

  it('the same key with a different body is 422, and nothing is written', async () => {
    const before = await cyberStrength();
    const res = await titanHr.post('/v1/officers', { ...body, name: 'Someone Else' }, withKey('create-officer-1'));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('unprocessable');
    expect(await cyberStrength()).toBe(before);
  });

  it('keys belong to their caller: another user’s identical key is a separate request', async () => {
    const other = as({ ...users.titanHr, sub: 'titan-hr-2' });
    const res = await other.post('/v1/officers', body, withKey('create-officer-1'));
    expect(res.status).toBe(201);
    expect(res.headers['idempotency-replayed']).toBeUndefined();
  });

  it('route, caller and key cannot run into each other: user u with key k#1 and user u#k with key 1 are two requests', async () => {
    const first = await as({ ...users.titanHr, sub: 'u' }).post('/v1/officers', body, withKey('k#1'));
    const second = await as({ ...users.titanHr, sub: 'u#k' }).post('/v1/officers', body, withKey('1'));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotency-replayed']).toBeUndefined();
    expect(second.json.id).not.toBe(first.json.id);
  });

  it('a request that failed is not remembered: fixing it and retrying with the same key works', async () => {
    const bad = await titanHr.post('/v1/officers', { ...body, capabilities: ['astrology'] }, withKey('create-officer-2'));
    expect(bad.status).toBe(400);
    const good = await titanHr.post('/v1/officers', body, withKey('create-officer-2'));
    expect(good.status).toBe(201);
  });

  it('concurrent duplicates create one officer: the others get the first response or 409 while it runs', async () => {
    const before = await cyberStrength();
    const results = await Promise.all(Array.from({ length: 4 }, () => titanHr.post('/v1/officers', body, withKey('create-officer-3'))));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.json.id)).size).toBe(1);
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await cyberStrength()).toBe(before + 1);
  });

  it('a malformed key is a 400', async () => {
    const res = await titanHr.post('/v1/officers', body, withKey('has spaces in it'));
    expect(res.status).toBe(400);
  });

  it('campaign drafts honour the key too', async () => {
    const { cyberCampaign } = await import('./support/campaigns');
    const ncaHr = as(users.ncaHr);
    const a = await ncaHr.post('/v1/campaigns', cyberCampaign(), withKey('draft-1'));
    const b = await ncaHr.post('/v1/campaigns', cyberCampaign(), withKey('draft-1'));
    expect(b.json.id).toBe(a.json.id);
    const list = await ncaHr.get('/v1/campaigns?status=draft');
    expect(list.json.items.filter((c: { id: string }) => c.id === a.json.id)).toHaveLength(1);
    expect(list.json.items).toHaveLength(1);
  });
});
