import { beforeAll, describe, expect, it } from 'vitest';
import { getBaseline } from '../../shared/data/capability.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId } from '../../shared/ids';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';

/**
 * The real workforce: force officers posted into a ROCU count in the ROCU's
 * teams, the ROCU's HR lead keeps their records, and the gates protect the
 * unit they serve in.
 */
const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const ncaHr = as(users.ncaHr);
const gmpHr = as({ sub: 'gmp-hr', org: 'greater-manchester', roles: ['hr-lead'] });
const gmpHead = as({ sub: 'gmp-head', org: 'greater-manchester', roles: ['rocu-head'] });
const ersouHr = as(users.ersouHr);
const UNTIL = addDays(todayIso(), 200);

const posted = (n: string, extra: Record<string, unknown> = {}) => ({
  name: `Posted ${n}`,
  homeOrgId: 'greater-manchester',
  servingOrgId: 'titan',
  servingUntil: UNTIL,
  capabilities: ['cyber'],
  vetting: 'sc',
  pipLevel: 2,
  region: 'north-west',
  staffNumber: `GMP-${n}`,
  ...extra,
});

async function strength(orgId: string, capabilityId = 'cyber') {
  const b = await getBaseline(orgId, capabilityId);
  return { strength: b?.strength ?? 0, committedOut: b?.committedOut ?? 0 };
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 3, 6);
});

describe('who serves where', () => {
  it('an officer posted into TITAN from Greater Manchester counts in TITAN’s team, not at home', async () => {
    const [titan0, gmp0] = [await strength('titan'), await strength('greater-manchester')];
    const res = await titanHr.post('/v1/officers', posted('1001'));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(res.json).toMatchObject({ homeOrgId: 'greater-manchester', servingOrgId: 'titan', servingUntil: UNTIL, leavingOn: null });
    expect((await strength('titan')).strength).toBe(titan0.strength + 1);
    expect((await strength('greater-manchester')).strength).toBe(gmp0.strength);
    expect(await checkInvariants()).toEqual([]);
  });

  it('a home organisation cannot post its officer into another unit’s headcount', async () => {
    const before = await strength('titan');
    const res = await gmpHr.post('/v1/officers', { ...posted('1002') });
    expect(res.status).toBe(403);
    expect(res.json.error.details[0].field).toBe('servingOrgId');
    expect((await strength('titan')).strength).toBe(before.strength);
  });

  it('a posting needs an end date after today, and an end date needs a posting', async () => {
    expect((await titanHr.post('/v1/officers', posted('1003', { servingUntil: undefined }))).json.error.details[0].field).toBe('servingUntil');
    expect((await titanHr.post('/v1/officers', posted('1004', { servingUntil: todayIso() }))).status).toBe(400);
    const home = await titanHr.post('/v1/officers', { ...posted('1005'), homeOrgId: 'titan', servingOrgId: undefined, staffNumber: 'TIT-1005' });
    expect(home.status).toBe(400);
    expect(home.json.error.details[0].field).toBe('servingUntil');
  });

  it('the serving unit keeps the record, the home reads it, and both ROCU heads see it', async () => {
    const officer = (await titanHr.post('/v1/officers', posted('1006'))).json;
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await titanHead.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await gmpHr.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await gmpHead.get(`/v1/officers/${officer.id}`)).status).toBe(200);
    expect((await ersouHr.get(`/v1/officers/${officer.id}`)).status).toBe(404);
    // The record keeper edits it; the home does not.
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { pipLevel: 3, version: 1 })).status).toBe(200);
    expect((await gmpHr.patch(`/v1/officers/${officer.id}`, { pipLevel: 4, version: 2 })).status).toBe(404);
    // TITAN's list has them; Greater Manchester's does not (they serve in TITAN).
    const titanList = (await titanHr.get('/v1/officers?limit=100')).json.items.map((o: { id: string }) => o.id);
    const gmpList = (await gmpHr.get('/v1/officers?limit=100')).json.items.map((o: { id: string }) => o.id);
    expect(titanList).toContain(officer.id);
    expect(gmpList).not.toContain(officer.id);
  });

  it('TITAN cannot move a posted officer into yet another unit, and ending the posting returns them home with the counters', async () => {
    const officer = (await titanHr.post('/v1/officers', posted('1007'))).json;
    const elsewhere = await titanHr.patch(`/v1/officers/${officer.id}`, { servingOrgId: 'ersou', version: 1 });
    expect(elsewhere.status).toBe(403);
    const [titan0, gmp0] = [await strength('titan'), await strength('greater-manchester')];
    const ended = await titanHr.patch(`/v1/officers/${officer.id}`, { servingOrgId: null, version: 1 });
    expect(ended.status, JSON.stringify(ended.json)).toBe(200);
    expect(ended.json).toMatchObject({ servingOrgId: null, servingUntil: null });
    expect((await strength('titan')).strength).toBe(titan0.strength - 1);
    expect((await strength('greater-manchester')).strength).toBe(gmp0.strength + 1);
    // The record now belongs to the home.
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { pipLevel: 1, version: 2 })).status).toBe(404);
    expect((await gmpHr.patch(`/v1/officers/${officer.id}`, { pipLevel: 1, version: 2 })).status).toBe(200);
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('extending a posting', () => {
  it('the TITAN head extends a posting, audited; an earlier date, a stale version or another unit is refused', async () => {
    const officer = (await titanHr.post('/v1/officers', posted('1101'))).json;
    const later = addDays(UNTIL, 365);
    expect((await titanHead.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: addDays(UNTIL, -1), version: 1 })).status).toBe(400);
    expect((await titanHead.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: later, version: 9 })).status).toBe(409);
    expect((await gmpHr.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: later, version: 1 })).status).toBe(403);
    expect((await ersouHr.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: later, version: 1 })).status).toBe(404);
    const res = await titanHead.post(`/v1/officers/${officer.id}/posting/extend`, { servingUntil: later, note: 'Kept on for Operation Falcon.', version: 1 });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ servingUntil: later, version: 2 });
    const trail = (await gmpHr.get(`/v1/audit?entity=officer:${officer.id}`)).json.items;
    expect(trail.map((e: { action: string }) => e.action)).toContain('officer.posting-extended');
    expect(trail.find((e: { action: string }) => e.action === 'officer.posting-extended')).toMatchObject({ note: 'Kept on for Operation Falcon.' });
    const home = (await titanHr.post('/v1/officers', { ...posted('1102'), homeOrgId: 'titan', servingOrgId: undefined, servingUntil: undefined, staffNumber: 'TIT-1102' })).json;
    expect((await titanHr.post(`/v1/officers/${home.id}/posting/extend`, { servingUntil: later, version: 1 })).status).toBe(409);
  });
});

describe('the gates protect the unit the officer serves in', () => {
  it('an NCA offer to a Greater Manchester officer serving in TITAN asks the TITAN head, against TITAN’s team', async () => {
    await setBaseline('titan', 'digital-forensics', 1, 1);
    // TITAN forensics: exactly at its minimum through one posted officer.
    const officer = (await titanHr.post('/v1/officers', posted('1201', { capabilities: ['digital-forensics'] }))).json;
    const campaign = await openCampaign({ title: `Forensics (${newId('t')})`, capabilityId: 'digital-forensics' });
    const applied = await asOfficer({ id: officer.id, homeOrgId: 'greater-manchester' }).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Please.' });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);
    expect(applied.json.homeOrgId).toBe('titan');
    expect((await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`)).status).toBe(200);
    const offer = (await ncaHr.post(`/v1/applications/${applied.json.id}/offer`, { startDate: addDays(todayIso(), 30) })).json;
    expect(offer.status).toBe('awaiting-release');
    const alert = (await titanHead.get(`/v1/alerts/${offer.alertId}`)).json;
    expect(alert).toMatchObject({ kind: 'offer-release', orgId: 'titan', capabilityId: 'digital-forensics', minimum: 1 });
  });

  it('a move accepted by a posted officer must take effect before the posting ends', async () => {
    await setBaseline('titan', 'surveillance', 0, 5);
    const officer = (await titanHr.post('/v1/officers', posted('1301', { capabilities: ['surveillance'], servingUntil: addDays(todayIso(), 20) }))).json;
    const campaign = await openCampaign({ title: `Surveillance (${newId('t')})`, capabilityId: 'surveillance' });
    const me = asOfficer({ id: officer.id, homeOrgId: 'greater-manchester' });
    const applied = (await me.post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Please.' })).json;
    await ncaHr.post(`/v1/applications/${applied.id}/shortlist`);
    await ncaHr.post(`/v1/applications/${applied.id}/offer`, { startDate: addDays(todayIso(), 40) });
    const refused = await me.post(`/v1/applications/${applied.id}/accept`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details[0].field).toBe('servingUntil');
    await ncaHr.post(`/v1/applications/${applied.id}/offer`, { startDate: addDays(todayIso(), 20) });
    expect((await me.post(`/v1/applications/${applied.id}/accept`)).status).toBe(200);
    // Committed now: the posting's end cannot move before the move takes effect, nor can it end today.
    const read = (await titanHr.get(`/v1/officers/${officer.id}`)).json;
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { servingOrgId: null, version: read.version })).status).toBe(409);
    const early = await titanHr.patch(`/v1/officers/${officer.id}`, { servingUntil: addDays(todayIso(), 10), version: read.version });
    expect(early.status).toBe(409);
    expect(early.json.error.details[0].field).toBe('servingUntil');
    expect(await checkInvariants()).toEqual([]);
  });
});

describe('leaving dates', () => {
  it('a leaving date is carried and refused before a live commitment has run its course', async () => {
    const officer = (await titanHr.post('/v1/officers', { ...posted('1401'), leavingOn: addDays(todayIso(), 100) })).json;
    expect(officer.leavingOn).toBe(addDays(todayIso(), 100));
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { leavingOn: addDays(todayIso(), -1), version: 1 })).status).toBe(400);
    const cleared = await titanHr.patch(`/v1/officers/${officer.id}`, { leavingOn: null, version: 1 });
    expect(cleared.json.leavingOn).toBeNull();
  });
});

describe('funding lines', () => {
  it('the establishment is the sum of the funding lines live today; a line that has ended drops out', async () => {
    const row = (await titanHr.get('/v1/organisations/titan/capabilities')).json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber');
    const funding = [
      { source: 'Home Office ROCU grant', posts: 6, until: addDays(todayIso(), 120) },
      { source: 'Force contributions', posts: 4 },
      { source: 'Old grant', posts: 5, until: todayIso() },
    ];
    const res = await titanHr.put('/v1/organisations/titan/capabilities/cyber', { funding, version: row.version });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.establishment).toBe(10);
    expect(res.json.funding).toHaveLength(3);
    expect((await titanHead.put('/v1/organisations/titan/capabilities/cyber', { funding, version: res.json.version })).status).toBe(403);
    expect((await titanHr.put('/v1/organisations/titan/capabilities/cyber', { funding, establishment: 3, version: res.json.version })).status).toBe(400);
    // One number replaces the lines.
    const plain = await titanHr.put('/v1/organisations/titan/capabilities/cyber', { establishment: 8, version: res.json.version });
    expect(plain.json.establishment).toBe(8);
    expect(plain.json.funding).toBeUndefined();
  });
});

describe('the CSV import', () => {
  it('imports officers posted in from a force (homeOrgId, servingUntil), and the same file twice changes nothing', async () => {
    const csv = ['staffNumber,name,vetting,region,capabilities,homeOrgId,servingUntil', `MER-77,Posted From Merseyside,sc,north-west,cyber,merseyside,${UNTIL}`, 'TIT-77,Own Officer,sc,north-west,cyber,,'].join('\n');
    const before = await strength('titan');
    const first = await titanHr.post('/v1/officers/import', undefined, { raw: csv, contentType: 'text/csv' });
    expect(first.json, JSON.stringify(first.json)).toMatchObject({ created: 2, errors: [] });
    expect((await strength('titan')).strength).toBe(before.strength + 2);
    const again = await titanHr.post('/v1/officers/import', undefined, { raw: csv, contentType: 'text/csv' });
    expect(again.json).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const noEnd = await titanHr.post('/v1/officers/import', undefined, { raw: 'staffNumber,name,vetting,region,homeOrgId\nMER-78,No End,sc,north-west,merseyside', contentType: 'text/csv' });
    expect(noEnd.json.errors[0]).toMatchObject({ row: 2, field: 'servingUntil' });
    expect(await checkInvariants()).toEqual([]);
  });
});
