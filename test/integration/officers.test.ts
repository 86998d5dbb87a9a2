import { beforeAll, describe, expect, it } from 'vitest';
import { as, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const ersouHr = as(users.ersouHr);
const ersouHead = as(users.ersouHead);

const newOfficer = {
  name: 'Priya Shah',
  homeOrgId: 'titan',
  capabilities: ['cyber'],
  vetting: 'sc',
  pipLevel: 2,
  region: 'north-west',
  staffNumber: 'TIT-9001',
};

async function cyberRow(orgId = 'titan') {
  const res = await titanHr.get(`/v1/organisations/${orgId}/capabilities`);
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber');
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 7, 12);
});

describe('creating officers', () => {
  it('creating a TITAN cyber officer raises TITAN cyber strength by one', async () => {
    const before = await cyberRow();
    const res = await titanHr.post('/v1/officers', newOfficer);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Priya Shah', homeOrgId: 'titan', status: 'active', version: 1 });
    expect(res.headers.location).toBe(`/v1/officers/${res.json.id}`);
    const after = await cyberRow();
    expect(after.strength).toBe(before.strength + 1);
    expect(after.projected).toBe(before.projected + 1);
  });

  it('an HR lead cannot create an officer in another organisation', async () => {
    const res = await ersouHr.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9002' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
  });

  it('a ROCU head cannot create officers (HR keeps the records)', async () => {
    const res = await titanHead.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9003' });
    expect(res.status).toBe(403);
  });

  it('a staff number is unique within the organisation, and the refused create writes nothing', async () => {
    const before = await cyberRow();
    const res = await titanHr.post('/v1/officers', { ...newOfficer, name: 'Someone Else' });
    expect(res.status).toBe(409);
    expect(res.json.error.details[0].field).toBe('staffNumber');
    expect((await cyberRow()).strength).toBe(before.strength);
  });

  it('an unknown capability is a 400 naming it, and nothing is written', async () => {
    const before = await cyberRow();
    const res = await titanHr.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9004', capabilities: ['cyber', 'astrology'] });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toContain('astrology');
    expect((await cyberRow()).strength).toBe(before.strength);
  });

  it('unknown fields are refused, not silently stored', async () => {
    const res = await titanHr.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9005', isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
  });

  it('malformed JSON is a 400 and a missing content type a 415, never a 500', async () => {
    const bad = await titanHr.post('/v1/officers', undefined, { raw: '{"name": ', contentType: 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    const noType = await titanHr.post('/v1/officers', undefined, { raw: JSON.stringify(newOfficer) });
    expect(noType.status).toBe(415);
    expect(noType.json.error.code).toBe('unsupported_media_type');
  });

  it('a wrong type names the field', async () => {
    const res = await titanHr.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9006', pipLevel: 'two' });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field)).toContain('pipLevel');
  });
});

describe('reading officers', () => {
  it('the home HR lead and ROCU head can read an officer; another organisation gets 404', async () => {
    const officer = await makeOfficer();
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await titanHead.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await ersouHr.get(`/v1/officers/${officer.id}`)).status).toBe(404);
    expect((await ersouHead.get(`/v1/officers/${officer.id}`)).status).toBe(404);
  });

  it('an officer can read their own record but not a colleague’s', async () => {
    const me = await makeOfficer();
    const colleague = await makeOfficer();
    const officer = as({ sub: 'o1', org: 'titan', roles: ['officer'], officerId: me.id });
    expect((await officer.get(`/v1/officers/${me.id}`)).status).toBe(200);
    expect((await officer.get(`/v1/officers/${colleague.id}`)).status).toBe(404);
    const meRes = await officer.get('/v1/me');
    expect(meRes.json.officer.id).toBe(me.id);
  });

  it('an unknown or malformed officer id is 404 or 400', async () => {
    expect((await titanHr.get('/v1/officers/off_doesnotexist')).status).toBe(404);
    expect((await titanHr.get('/v1/officers/NOT AN ID')).status).toBe(400);
  });

  it('lists officers of the caller’s organisation, paged, and refuses another organisation’s list', async () => {
    for (let i = 0; i < 3; i++) await makeOfficer({ homeOrgId: 'titan' });
    const first = await titanHr.get('/v1/officers?limit=2');
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.cursor).toBeTruthy();
    const second = await titanHr.get(`/v1/officers?limit=2&cursor=${first.json.cursor}`);
    expect(second.json.items[0].id).not.toBe(first.json.items[0].id);
    expect((await titanHr.get('/v1/officers?orgId=ersou')).status).toBe(403);
    expect((await titanHr.get('/v1/officers?cursor=bm9wZQ')).status).toBe(400);
  });
});

describe('searching officers', () => {
  // VIPER's officers are this block's own.
  const viperHr = as({ sub: 'viper-hr', org: 'viper', roles: ['hr-lead'] });
  const viper = { homeOrgId: 'viper', region: 'west-midlands' as const, capabilities: [] as string[] };
  beforeAll(async () => {
    await makeOfficer({ ...viper, name: 'Jo Smith', staffNumber: 'VIP-1', capabilities: ['cyber'], vettingExpiresOn: '2027-03-01' });
    await makeOfficer({ ...viper, name: 'Sam Smithson', staffNumber: 'VIP-2', vettingExpiresOn: '2030-01-01' });
    await makeOfficer({ ...viper, name: 'Ada Jones', staffNumber: 'VIP-3', capabilities: ['cyber'] });
    // Officers between the matches: a filtered page is filled with matches, not cut short by them.
    for (let i = 0; i < 12; i++) await makeOfficer({ ...viper, name: `Bea Filler ${String(i).padStart(2, '0')}` });
  });
  const names = (res: { json: { items: { name: string }[] } }) => res.json.items.map((o) => o.name);

  it('by any part of the name, in any case', async () => {
    expect(names(await viperHr.get('/v1/officers?name=SMITH'))).toEqual(['Jo Smith', 'Sam Smithson']);
    expect(names(await viperHr.get('/v1/officers?name=nobody'))).toEqual([]);
  });

  it('a filtered page holds up to limit matches, and its cursor carries on after the last one shown', async () => {
    const first = await viperHr.get('/v1/officers?name=smith&limit=1');
    expect(names(first)).toEqual(['Jo Smith']);
    const second = await viperHr.get(`/v1/officers?name=smith&limit=1&cursor=${first.json.cursor}`);
    expect(names(second)).toEqual(['Sam Smithson']);
    // Two matches with 12 others between them: both on one page of 3, and no further page.
    const cyber = await viperHr.get('/v1/officers?capabilityId=cyber&limit=3');
    expect(names(cyber)).toEqual(['Ada Jones', 'Jo Smith']);
    expect(cyber.json.cursor).toBeUndefined();
  });

  it('by staff number, exactly and in any case; another organisation’s number finds nobody', async () => {
    expect(names(await viperHr.get('/v1/officers?staffNumber=vip-2'))).toEqual(['Sam Smithson']);
    expect(names(await titanHr.get('/v1/officers?staffNumber=VIP-2'))).toEqual([]);
    expect((await viperHr.get('/v1/officers?staffNumber=ZEP 2')).status).toBe(400);
  });

  it('by vetting that runs out before a date (no expiry recorded is not a match)', async () => {
    expect(names(await viperHr.get('/v1/officers?vettingExpiresBefore=2028-01-01'))).toEqual(['Jo Smith']);
    expect((await viperHr.get('/v1/officers?vettingExpiresBefore=31/12/2028')).status).toBe(400);
  });
});

describe('the audit trail names who acted', () => {
  it('records the actor’s name and roles at write time; a token with no name records the user id and roles only', async () => {
    const named = as({ ...users.titanHr, name: 'Stuart Barraclough' });
    const created = await named.post('/v1/officers', { ...newOfficer, staffNumber: 'TIT-9100', name: 'Named Actor' });
    expect(created.status).toBe(201);
    await titanHr.patch(`/v1/officers/${created.json.id}`, { pipLevel: 3, version: 1 });
    const trail = await titanHead.get(`/v1/audit?entity=officer:${created.json.id}`);
    expect(trail.json.items.map((e: { actor: unknown }) => e.actor)).toEqual([
      { sub: 'titan-hr', org: 'titan', roles: ['hr-lead'], name: 'Stuart Barraclough' },
      { sub: 'titan-hr', org: 'titan', roles: ['hr-lead'] },
    ]);
  });
});

describe('changing officers keeps strength true', () => {
  it('losing an accreditation lowers strength; gaining one raises it', async () => {
    const officer = await makeOfficer();
    const before = await cyberRow();
    const res = await titanHr.patch(`/v1/officers/${officer.id}`, { capabilities: ['surveillance'], version: officer.version });
    expect(res.status).toBe(200);
    expect(res.json.version).toBe(officer.version + 1);
    expect((await cyberRow()).strength).toBe(before.strength - 1);
    const back = await titanHr.patch(`/v1/officers/${officer.id}`, { capabilities: ['surveillance', 'cyber'], version: res.json.version });
    expect(back.status).toBe(200);
    expect((await cyberRow()).strength).toBe(before.strength);
  });

  it('a transfer ERSOU accepts moves the officer from one unit’s strength to the other’s', async () => {
    await setBaseline('ersou', 'cyber', 4, 14);
    const officer = await makeOfficer();
    const titanBefore = await cyberRow('titan');
    const ersouBefore = await cyberRow('ersou');
    const proposed = await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', version: 1 });
    expect(proposed.status).toBe(200);
    const res = await ersouHr.post(`/v1/officers/${officer.id}/transfer/decision`, { decision: 'accept' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ homeOrgId: 'ersou', region: 'east-of-england', pendingTransfer: null });
    expect((await cyberRow('titan')).strength).toBe(titanBefore.strength - 1);
    expect((await cyberRow('ersou')).strength).toBe(ersouBefore.strength + 1);
    // Now ERSOU's HR lead keeps the record; TITAN's no longer sees it.
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).status).toBe(404);
    expect((await ersouHr.get(`/v1/officers/${officer.id}`)).status).toBe(200);
  });

  it('the home’s HR lead cannot move an officer to another organisation alone: PATCH homeOrgId is 403 and writes nothing', async () => {
    const officer = await makeOfficer();
    const ersouBefore = await cyberRow('ersou');
    const res = await titanHr.patch(`/v1/officers/${officer.id}`, { homeOrgId: 'ersou', version: 1 });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/\/transfer/);
    expect(res.json.error.details).toEqual([expect.objectContaining({ field: 'homeOrgId' })]);
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json).toMatchObject({ homeOrgId: 'titan', version: 1 });
    expect((await cyberRow('ersou')).strength).toBe(ersouBefore.strength);
    // Naming the home it already has changes nothing and is fine.
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { homeOrgId: 'titan', name: 'Same Home', version: 1 })).status).toBe(200);
  });

  it('an officer who leaves the service stops counting', async () => {
    const officer = await makeOfficer();
    const before = await cyberRow();
    const res = await titanHr.patch(`/v1/officers/${officer.id}`, { status: 'left', version: 1 });
    expect(res.status).toBe(200);
    expect((await cyberRow()).strength).toBe(before.strength - 1);
  });

  it('a stale version is a 409, a stale If-Match a 412, and neither writes', async () => {
    const officer = await makeOfficer();
    const ok = await titanHr.patch(`/v1/officers/${officer.id}`, { name: 'Renamed', version: 1 });
    expect(ok.status).toBe(200);
    const stale = await titanHr.patch(`/v1/officers/${officer.id}`, { name: 'Again', version: 1 });
    expect(stale.status).toBe(409);
    const staleIfMatch = await titanHr.patch(`/v1/officers/${officer.id}`, { name: 'Again' }, { headers: { 'if-match': '"1"' } });
    expect(staleIfMatch.status).toBe(412);
    expect(staleIfMatch.json.error.code).toBe('precondition_failed');
    const current = await titanHr.get(`/v1/officers/${officer.id}`);
    expect(current.json.name).toBe('Renamed');
    expect(current.headers.etag).toBe('"2"');
  });

  it('a patch without a version is a 400 saying how to send one', async () => {
    const officer = await makeOfficer();
    const res = await titanHr.patch(`/v1/officers/${officer.id}`, { name: 'X' });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/version/);
  });

  it('another organisation’s HR lead cannot change a TITAN officer', async () => {
    const officer = await makeOfficer();
    const res = await ersouHr.patch(`/v1/officers/${officer.id}`, { status: 'left', version: 1 });
    expect(res.status).toBe(404);
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json.status).toBe('active');
  });

  it('two HR leads racing to change the same officer: exactly one wins', async () => {
    const officer = await makeOfficer();
    const before = await cyberRow();
    const results = await Promise.all([
      titanHr.patch(`/v1/officers/${officer.id}`, { capabilities: [], version: 1 }),
      titanHr.patch(`/v1/officers/${officer.id}`, { status: 'left', version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await cyberRow()).strength).toBe(before.strength - 1);
  });
});
