import { beforeAll, describe, expect, it } from 'vitest';
import { putContact } from '../../shared/data/contact.repository';
import { as, users } from './support/api';
import { seedReference } from './support/fixtures';

const admin = as(users.admin);

beforeAll(async () => {
  await seedReference();
  // As the seed writes it, before any administrator has changed it.
  await putContact('rocu-head:ersou', ['head@ersou.example.org']);
});

type Entry = { audience: string; kind: string; orgId: string | null; region: string | null; emails: string[]; version: number };
const entry = async (audience: string) => ((await admin.get('/v1/contacts')).json.items as Entry[]).find((c) => c.audience === audience)!;

describe('notification contacts, kept by administrators', () => {
  it('lists every inbox the notifier can email: each ROCU head, each organisation’s HR lead, each region’s ROCC', async () => {
    const res = await admin.get('/v1/contacts');
    expect(res.status).toBe(200);
    const audiences = (res.json.items as Entry[]).map((c) => c.audience);
    expect(audiences).toEqual(expect.arrayContaining(['rocu-head:titan', 'hr-lead:nca', 'hr-lead:titan', 'hr-lead:essex', 'rocc:north-west', 'rocc:london']));
    // Heads are of ROCUs only.
    expect(audiences).not.toContain('rocu-head:nca');
    expect(await entry('rocu-head:ersou')).toMatchObject({ kind: 'rocu-head', orgId: 'ersou', emails: ['head@ersou.example.org'], version: 1 });
    expect(await entry('rocc:wales')).toMatchObject({ kind: 'rocc', region: 'wales', emails: [], version: 0 });
  });

  it('an administrator sets an inbox’s addresses with the version read; it is audited for the organisation', async () => {
    const res = await admin.put('/v1/contacts/hr-lead:titan', { emails: ['Recruitment@Titan.example.org', 'second@titan.example.org'], version: 0 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ audience: 'hr-lead:titan', emails: ['recruitment@titan.example.org', 'second@titan.example.org'], version: 1 });
    expect((await entry('hr-lead:titan')).emails).toEqual(['recruitment@titan.example.org', 'second@titan.example.org']);
    const trail = await as(users.titanHr).get('/v1/audit?entity=contact:hr-lead:titan');
    expect(trail.json.items).toEqual([expect.objectContaining({ action: 'contact.updated', actor: expect.objectContaining({ sub: 'admin' }) })]);
    // Another organisation's staff cannot read it.
    expect((await as(users.ersouHr).get('/v1/audit?entity=contact:hr-lead:titan')).status).toBe(404);
    // The administrator reads the history of what they keep, and of nothing else (an officer's record, say).
    const own = await admin.get('/v1/audit?entity=contact:hr-lead:titan');
    expect(own.status).toBe(200);
    expect(own.json.items).toHaveLength(1);
    const officer = (await as(users.titanHr).post('/v1/officers', { name: 'Audit Probe', homeOrgId: 'titan', capabilities: [], vetting: 'sc', pipLevel: 0, region: 'north-west' })).json;
    expect((await as(users.titanHr).get(`/v1/audit?entity=officer:${officer.id}`)).status).toBe(200);
    expect((await admin.get(`/v1/audit?entity=officer:${officer.id}`)).status).toBe(404);
  });

  it('a list the seed wrote is changed at its version 1; a stale version is 409 (412 as If-Match) and writes nothing', async () => {
    const ok = await admin.put('/v1/contacts/rocu-head:ersou', { emails: ['new-head@ersou.example.org'], version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.json.version).toBe(2);
    const stale = await admin.put('/v1/contacts/rocu-head:ersou', { emails: ['late@ersou.example.org'], version: 1 });
    expect(stale.status).toBe(409);
    const preconditionFailed = await admin.put('/v1/contacts/rocu-head:ersou', { emails: ['late@ersou.example.org'] }, { headers: { 'if-match': '"1"' } });
    expect(preconditionFailed.status).toBe(412);
    expect((await entry('rocu-head:ersou')).emails).toEqual(['new-head@ersou.example.org']);
    // Two administrators who both read version 0: one wins.
    const race = await Promise.all([
      admin.put('/v1/contacts/rocc:wales', { emails: ['a@nca.example.org'], version: 0 }),
      admin.put('/v1/contacts/rocc:wales', { emails: ['b@nca.example.org'], version: 0 }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('bad input is a 400 naming the field, an unknown inbox 404, and nobody but an administrator may read or change it', async () => {
    const bad = await admin.put('/v1/contacts/hr-lead:viper', { emails: ['not-an-email'], version: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error.details)).toContain('emails');
    expect((await admin.put('/v1/contacts/hr-lead:viper', { emails: ['a@x.example.org', 'A@x.example.org'], version: 0 })).status).toBe(400);
    expect((await admin.put('/v1/contacts/hr-lead:viper', { emails: [], version: 0, extra: 1 })).status).toBe(400);
    expect((await admin.put('/v1/contacts/rocu-head:nca', { emails: [], version: 0 })).status).toBe(404);
    expect((await admin.put('/v1/contacts/rocc:atlantis', { emails: [], version: 0 })).status).toBe(404);
    expect((await admin.put('/v1/contacts/someone', { emails: [], version: 0 })).status).toBe(400);
    expect((await as(users.titanHr).get('/v1/contacts')).status).toBe(403);
    expect((await as(users.titanHr).put('/v1/contacts/hr-lead:titan', { emails: ['me@titan.example.org'], version: 1 })).status).toBe(403);
    expect((await entry('hr-lead:viper')).version).toBe(0);
  });
});
