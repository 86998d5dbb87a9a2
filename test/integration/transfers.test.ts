import { beforeAll, describe, expect, it } from 'vitest';
import { getBaseline } from '../../shared/data/capability.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, asOfficer, users } from './support/api';
import { openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';

/**
 * A move between organisations is two-sided: TITAN's HR lead proposes it,
 * ERSOU's HR lead accepts (the officer moves, counters and all) or declines;
 * TITAN may cancel while it waits. Nobody moves an officer alone.
 */

const titanHr = as(users.titanHr);
const ersouHr = as(users.ersouHr);
const viperHr = as({ sub: 'viper-hr', org: 'viper', roles: ['hr-lead'] });

async function strength(orgId: string, capabilityId = 'cyber') {
  return (await getBaseline(orgId, capabilityId))?.strength ?? 0;
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 2, 12);
  await setBaseline('ersou', 'cyber', 2, 14);
});

describe('transferring an officer to another organisation', () => {
  it('TITAN proposes, ERSOU reads the record and sees it among its incoming transfers, nothing moves yet', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', staffNumber: 'TIT-T1' });
    const [titanBefore, ersouBefore] = [await strength('titan'), await strength('ersou')];
    expect((await ersouHr.get(`/v1/officers/${officer.id}`)).status).toBe(404);

    const res = await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', note: 'Relocating to Essex.', version: officer.version });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ homeOrgId: 'titan', version: officer.version + 1, pendingTransfer: { fromOrgId: 'titan', toOrgId: 'ersou', proposedBy: 'titan-hr', note: 'Relocating to Essex.' } });
    expect(res.headers.etag).toBe(`"${officer.version + 1}"`);

    const read = await ersouHr.get(`/v1/officers/${officer.id}`);
    expect(read.status).toBe(200);
    expect(read.json.pendingTransfer.toOrgId).toBe('ersou');
    const incoming = await ersouHr.get('/v1/organisations/ersou/incoming-transfers');
    expect(incoming.status).toBe(200);
    expect(incoming.json.items.map((o: { id: string }) => o.id)).toContain(officer.id);
    // Another organisation's list, and another organisation reading the record: refused.
    expect((await titanHr.get('/v1/organisations/ersou/incoming-transfers')).status).toBe(403);
    expect((await viperHr.get(`/v1/officers/${officer.id}`)).status).toBe(404);
    // Nothing counts differently while it waits.
    expect([await strength('titan'), await strength('ersou')]).toEqual([titanBefore, ersouBefore]);
  });

  it('ERSOU accepts: the officer moves with the counters in one write, the staff number is released, both sides audited', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', staffNumber: 'TIT-T2', capabilities: ['cyber', 'surveillance'] });
    await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', version: officer.version });
    const before = { titan: await strength('titan'), ersou: await strength('ersou'), titanSurv: await strength('titan', 'surveillance'), ersouSurv: await strength('ersou', 'surveillance') };

    // The proposing side cannot accept its own proposal.
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer/decision`, { decision: 'accept' })).status).toBe(403);

    const res = await ersouHr.post(`/v1/officers/${officer.id}/transfer/decision`, { decision: 'accept', note: 'Welcome.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ homeOrgId: 'ersou', region: 'east-of-england', staffNumber: null, pendingTransfer: null, version: officer.version + 2 });
    expect(await strength('titan')).toBe(before.titan - 1);
    expect(await strength('ersou')).toBe(before.ersou + 1);
    expect(await strength('titan', 'surveillance')).toBe(before.titanSurv - 1);
    expect(await strength('ersou', 'surveillance')).toBe(before.ersouSurv + 1);
    expect((await ersouHr.get('/v1/organisations/ersou/incoming-transfers')).json.items.map((o: { id: string }) => o.id)).not.toContain(officer.id);

    // TITAN may reuse the staff number now; the audit trail shows both steps to both organisations.
    expect((await titanHr.post('/v1/officers', { name: 'Newcomer', homeOrgId: 'titan', vetting: 'sc', region: 'north-west', staffNumber: 'TIT-T2' })).status).toBe(201);
    for (const hr of [titanHr, ersouHr]) {
      const audit = await hr.get(`/v1/audit?entity=officer:${officer.id}`);
      expect(audit.status).toBe(200);
      expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['officer.transfer-proposed', 'officer.transferred']));
    }
    expect(await checkInvariants()).toEqual([]);
  });

  it('ERSOU declines, or TITAN cancels: nothing moves, and the transfer is gone', async () => {
    const a = await makeOfficer({ homeOrgId: 'titan' });
    const b = await makeOfficer({ homeOrgId: 'titan' });
    const ersouBefore = await strength('ersou');
    await titanHr.post(`/v1/officers/${a.id}/transfer`, { toOrgId: 'ersou', version: a.version });
    await titanHr.post(`/v1/officers/${b.id}/transfer`, { toOrgId: 'ersou', version: b.version });

    const declined = await ersouHr.post(`/v1/officers/${a.id}/transfer/decision`, { decision: 'decline', note: 'No post for them.' });
    expect(declined.status).toBe(200);
    expect(declined.json).toMatchObject({ homeOrgId: 'titan', pendingTransfer: null });
    // The receiving side does not cancel; the proposing side does.
    expect((await ersouHr.post(`/v1/officers/${b.id}/transfer/cancel`)).status).toBe(403);
    const cancelled = await titanHr.post(`/v1/officers/${b.id}/transfer/cancel`, { note: 'Changed their mind.' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.pendingTransfer).toBeNull();

    expect(await strength('ersou')).toBe(ersouBefore);
    expect((await ersouHr.get(`/v1/officers/${a.id}`)).status).toBe(404);
    expect((await ersouHr.post(`/v1/officers/${b.id}/transfer/decision`, { decision: 'accept' })).status).toBe(404);
    // The home's HR lead is told there is nothing left to cancel.
    expect((await titanHr.post(`/v1/officers/${b.id}/transfer/cancel`)).status).toBe(409);
    const trail = (await titanHr.get(`/v1/audit?entity=officer:${a.id}`)).json.items.map((e: { action: string }) => e.action);
    expect(trail).toContain('officer.transfer-declined');
  });

  it('refuses a transfer to its own home (400), a second one while one waits (409), an unknown organisation (400) and a stale version (409/412)', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan' });
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'titan', version: officer.version })).status).toBe(400);
    const unknown = await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'atlantis', version: officer.version });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details).toEqual([expect.objectContaining({ field: 'toOrgId' })]);
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', version: officer.version + 5 })).status).toBe(409);
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou' }, { headers: { 'if-match': '"99"' } })).status).toBe(412);
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', version: officer.version })).status).toBe(200);
    expect((await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'viper', version: officer.version + 1 })).status).toBe(409);
    // Marking them as left while it waits is refused too: cancel it first.
    expect((await titanHr.patch(`/v1/officers/${officer.id}`, { status: 'left', version: officer.version + 1 })).status).toBe(409);
    // Accepting with a version other than the record's is refused.
    expect((await ersouHr.post(`/v1/officers/${officer.id}/transfer/decision`, { decision: 'accept', version: officer.version })).status).toBe(409);
    expect((await ersouHr.post(`/v1/officers/${officer.id}/transfer/decision`, { decision: 'accept', version: officer.version + 1 })).status).toBe(200);
  });

  it('an officer with an accepted offer elsewhere cannot be transferred: the commitment would be counted twice', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2 });
    const campaign = await openCampaign();
    const ncaHr = as(users.ncaHr);
    const applied = await asOfficer(officer).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Keen.' });
    expect(applied.status).toBe(201);
    await ncaHr.post(`/v1/applications/${applied.json.id}/shortlist`, {});
    expect((await ncaHr.post(`/v1/applications/${applied.json.id}/offer`, { startDate: addDays(todayIso(), 30) })).status).toBe(200);
    expect((await asOfficer(officer).post(`/v1/applications/${applied.json.id}/accept`)).status).toBe(200);
    const current = (await titanHr.get(`/v1/officers/${officer.id}`)).json;
    const res = await titanHr.post(`/v1/officers/${officer.id}/transfer`, { toOrgId: 'ersou', version: current.version });
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/committed elsewhere/);
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json.pendingTransfer).toBeNull();
  });

  it('a CSV import moves nobody: a row names an officer of the importing organisation only', async () => {
    const officer = await makeOfficer({ homeOrgId: 'titan', staffNumber: 'TIT-T9' });
    const csv = 'staffNumber,name,vetting,region\nTIT-T9,Imported Name,sc,east-of-england\n';
    const res = await ersouHr.post('/v1/officers/import', undefined, { raw: csv, contentType: 'text/csv' });
    expect(res.status).toBe(200);
    // ERSOU's own numbering: a new ERSOU officer, the TITAN officer untouched.
    expect(res.json).toMatchObject({ created: 1, updated: 0 });
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json).toMatchObject({ homeOrgId: 'titan', name: officer.name });
    // A homeOrgId column names the home of an officer posted into the importer: ERSOU's TIT-T9 serves in ERSOU, so TITAN may not touch it.
    const header = 'staffNumber,name,vetting,region,homeOrgId,servingUntil\nTIT-T9,Imported Name,sc,north-west,ersou,2099-01-01\n';
    const refused = await titanHr.post('/v1/officers/import', undefined, { raw: header, contentType: 'text/csv' });
    expect(refused.json.errors).toEqual([expect.objectContaining({ row: 2, field: 'staffNumber' })]);
    expect((await titanHr.get(`/v1/officers/${officer.id}`)).json.homeOrgId).toBe('titan');
  });
});
