import { beforeAll, describe, expect, it } from 'vitest';
import { getBaseline } from '../../shared/data/capability.repository';
import { listOfficersOfOrg, pipTargetOf } from '../../shared/data/officer.repository';
import { listPipelineCounters } from '../../shared/data/report.repository';
import { ALL_PIPELINE_COUNTERS, pipelineCounterName } from '../../shared/domain/pip-rules';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users, type Claims } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody } from './support/placements';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const ersouHr = as(users.ersouHr);
const assessorClaims: Claims = { sub: 'nca-assessor', org: 'nca', roles: ['officer'] };
const assessor = as(assessorClaims);
const assessorBody = { sub: assessorClaims.sub, name: 'Priya Raman', orgId: 'nca' };

/** An NCA surveillance placement developing PIP2 (the shared body, in surveillance so TITAN's cyber counters are untouched). */
async function newPlacement(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await ncaHr.post('/v1/placements', placementBody({ title: 'Surveillance, developing PIP2', capabilityId: 'surveillance', places: 5, ...overrides }));
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

/** The officer applies, TITAN's head releases, the NCA accepts: a confirmed secondment. */
async function confirmedSecondment(o: Officer, placementId: string): Promise<string> {
  const applied = await asOfficer(o).post(`/v1/placements/${placementId}/applications`, { statement: 'To develop PIP2.' });
  expect(applied.status, JSON.stringify(applied.json)).toBe(201);
  const id = applied.json.id as string;
  expect((await titanHead.post(`/v1/secondment-applications/${id}/home-decision`, { decision: 'approve', note: 'Released.' })).status).toBe(200);
  const host = await ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept' });
  expect(host.status, JSON.stringify(host.json)).toBe(200);
  return id;
}

const complete = (id: string) => ncaHr.post(`/v1/secondment-applications/${id}/complete`, { note: 'Back home.' });

/**
 * A recount of one organisation's pipeline from its officers (what the
 * maintained counters must always equal), against the counters themselves.
 */
async function recountPipeline(orgId: string): Promise<{ recount: Record<string, number>; counters: Record<string, number> }> {
  const recount: Record<string, number> = {};
  let cursor: string | undefined;
  do {
    const page = await listOfficersOfOrg(orgId, {}, { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const o of page.items) {
      if (o.status !== 'active') continue;
      const name = pipelineCounterName({ pipLevel: o.pipLevel, pipTargetLevel: pipTargetOf(o) });
      recount[name] = (recount[name] ?? 0) + 1;
    }
    cursor = page.cursor;
  } while (cursor);
  const counters: Record<string, number> = {};
  for (const item of (await listPipelineCounters()).filter((i) => i.orgId === orgId)) {
    for (const name of ALL_PIPELINE_COUNTERS) {
      const n = Number(item[name] ?? 0);
      if (n) counters[name] = (counters[name] ?? 0) + n;
    }
  }
  return { recount, counters };
}

async function expectPipelineExact(orgId: string): Promise<void> {
  const { recount, counters } = await recountPipeline(orgId);
  expect(counters).toEqual(recount);
}

let officer: Officer;
let placementId: string;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 10);
  officer = await makeOfficer({ homeOrgId: 'titan', name: 'Sam Devlin', capabilities: ['surveillance'], pipLevel: 1 });
  placementId = await newPlacement();
});

describe('reading a PIP record', () => {
  it('the officer and the home’s HR lead read it: the level is the officer’s own, accredited, nothing recorded yet', async () => {
    const mine = await asOfficer(officer).get(`/v1/officers/${officer.id}/pip`);
    expect(mine.status).toBe(200);
    expect(mine.json).toMatchObject({ officerId: officer.id, level: 1, status: 'accredited', targetLevel: null, assessor: null, evidence: [], signOffs: [], version: 0 });
    expect((await titanHr.get(`/v1/officers/${officer.id}/pip`)).status).toBe(200);
  });

  it('another ROCU’s HR lead, and a host before any secondment, get 404', async () => {
    expect((await ersouHr.get(`/v1/officers/${officer.id}/pip`)).status).toBe(404);
    expect((await ncaHr.get(`/v1/officers/${officer.id}/pip`)).status).toBe(404);
    expect((await asOfficer({ id: 'off_someoneelse', homeOrgId: 'titan' }).get(`/v1/officers/${officer.id}/pip`)).status).toBe(404);
  });

  it('an unknown officer is 404 and a malformed id 400', async () => {
    expect((await titanHr.get('/v1/officers/off_nobody/pip')).status).toBe(404);
    const bad = await titanHr.get('/v1/officers/NOT-AN-ID/pip');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
  });
});

describe('changing a PIP record (HR lead of the home)', () => {
  it('starts development towards PIP2 with an assessor and evidence; the pipeline counters follow', async () => {
    const res = await titanHr.patch(`/v1/officers/${officer.id}/pip`, { targetLevel: 2, assessor: assessorBody, evidence: 'Development plan agreed.', version: 0 });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ level: 1, status: 'in-development', targetLevel: 2, assessor: assessorBody, version: 1 });
    expect(res.json.developmentStartedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.json.evidence).toEqual([expect.objectContaining({ by: 'titan-hr', org: 'titan', note: 'Development plan agreed.' })]);
    await expectPipelineExact('titan');
    const audit = await titanHr.get(`/v1/audit?entity=officer:${officer.id}`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toContain('pip.development-started');
  });

  it('the assessor now reads the record', async () => {
    const res = await assessor.get(`/v1/officers/${officer.id}/pip`);
    expect(res.status).toBe(200);
    expect(res.json.assessor.sub).toBe('nca-assessor');
  });

  it('a stale version is 409, a stale If-Match 412, and nothing is written', async () => {
    const stale = await titanHr.patch(`/v1/officers/${officer.id}/pip`, { evidence: 'Late note.', version: 0 });
    expect(stale.status).toBe(409);
    const staleHeader = await titanHr.patch(`/v1/officers/${officer.id}/pip`, { evidence: 'Late note.' }, { headers: { 'if-match': '"0"' } });
    expect(staleHeader.status).toBe(412);
    expect((await titanHr.get(`/v1/officers/${officer.id}/pip`)).json.evidence).toHaveLength(1);
  });

  it('bad input is a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ targetLevel: 1, version: 1 }, 'targetLevel'],
      [{ targetLevel: 5, version: 1 }, 'targetLevel'],
      [{ assessor: { ...assessorBody, orgId: 'atlantis' }, version: 1 }, 'assessor.orgId'],
      [{ version: 1 }, ''],
      [{ evidence: 'x', version: 1, level: 4 }, ''],
      [{ evidence: '', version: 1 }, 'evidence'],
      [{ evidence: 'no version' }, 'version'],
    ];
    for (const [body, field] of cases) {
      const res = await titanHr.patch(`/v1/officers/${officer.id}/pip`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      if (field) expect(JSON.stringify(res.json.error.details)).toContain(field.split('.').pop()!);
    }
    expect((await titanHr.get(`/v1/officers/${officer.id}/pip`)).json.version).toBe(1);
  });

  it('TITAN’s ROCU head, another ROCU’s HR lead and the officer cannot change it', async () => {
    expect((await titanHead.patch(`/v1/officers/${officer.id}/pip`, { evidence: 'x', version: 1 })).status).toBe(403);
    expect((await ersouHr.patch(`/v1/officers/${officer.id}/pip`, { evidence: 'x', version: 1 })).status).toBe(404);
    expect((await asOfficer(officer).patch(`/v1/officers/${officer.id}/pip`, { evidence: 'x', version: 1 })).status).toBe(403);
  });
});

describe('signing off after a PIP-development secondment', () => {
  let secondmentId: string;

  it('cannot sign off while the secondment is only confirmed', async () => {
    secondmentId = await confirmedSecondment(officer, placementId);
    // The host now reads the record too.
    expect((await ncaHr.get(`/v1/officers/${officer.id}/pip`)).status).toBe(200);
    const res = await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Too early.' });
    expect(res.status).toBe(409);
  });

  it('after completion: another ROCU’s HR lead gets 404, the home’s HR lead 403, a level above the target 400', async () => {
    expect((await complete(secondmentId)).status).toBe(200);
    expect((await ersouHr.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Not mine.' })).status).toBe(404);
    expect((await titanHr.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Home only.' })).status).toBe(403);
    const above = await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 3, evidence: 'Too high.' });
    expect(above.status).toBe(400);
    expect(above.json.error.details[0].field).toBe('level');
    for (const body of [{ level: 2 }, { level: 0, evidence: 'x' }, { level: 'two', evidence: 'x' }, { level: 2, evidence: 'x', extra: true }]) {
      const res = await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Stale.', version: 0 })).status).toBe(409);
  });

  it('the assessor signs off PIP2: officer level, holder counters, pipeline counters, record and audit move together', async () => {
    const before = await getBaseline('titan', 'surveillance');
    const res = await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Led two serious investigations to charge.', version: 1 });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json).toMatchObject({ level: 2, status: 'accredited', targetLevel: null, version: 2 });
    expect(res.json.accreditedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.json.signOffs).toEqual([
      expect.objectContaining({ level: 2, previousLevel: 1, by: 'nca-assessor', role: 'assessor', secondmentApplicationId: secondmentId, placementId }),
    ]);
    expect(res.json.evidence.at(-1).note).toBe('Led two serious investigations to charge.');

    const record = await titanHr.get(`/v1/officers/${officer.id}`);
    expect(record.json.pipLevel).toBe(2);
    expect(record.json.version).toBe(officer.version + 4); // the commitment made (confirmed) and ended (completed), development started, then signed off

    const after = await getBaseline('titan', 'surveillance');
    expect(after!.strength).toBe(before!.strength);
    expect(after!.holders.h_sc_1 ?? 0).toBe((before!.holders.h_sc_1 ?? 0) - 1);
    expect(after!.holders.h_sc_2 ?? 0).toBe((before!.holders.h_sc_2 ?? 0) + 1);
    await expectPipelineExact('titan');

    const audit = await titanHr.get(`/v1/audit?entity=officer:${officer.id}`);
    const entry = audit.json.items.find((e: { action: string }) => e.action === 'pip.signed-off');
    expect(entry).toMatchObject({ note: 'Led two serious investigations to charge.', actor: { sub: 'nca-assessor' }, changes: { pipLevel: { from: 1, to: 2 }, secondmentApplicationId: secondmentId } });
    const secAudit = await ncaHr.get(`/v1/audit?entity=secondment-application:${secondmentId}`);
    expect(secAudit.json.items.map((e: { action: string }) => e.action)).toContain('pip.signed-off');
  });

  it('signing off the same level again is refused: the officer already holds it', async () => {
    const res = await assessor.post(`/v1/officers/${officer.id}/pip/sign-off`, { level: 2, evidence: 'Again.' });
    expect(res.status).toBe(400);
  });

  it('the host’s HR lead signs off another officer after their completed development secondment', async () => {
    const other = await makeOfficer({ homeOrgId: 'titan', name: 'Jo Whitfield', capabilities: ['surveillance'], pipLevel: 1 });
    const id = await confirmedSecondment(other, placementId);
    expect((await complete(id)).status).toBe(200);
    const res = await ncaHr.post(`/v1/officers/${other.id}/pip/sign-off`, { level: 2, evidence: 'Assessed by the host.' });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.signOffs[0]).toMatchObject({ role: 'host-hr-lead', by: 'nca-hr' });
    await expectPipelineExact('titan');
  });

  it('a placement that develops no PIP gives nothing to sign off', async () => {
    const other = await makeOfficer({ homeOrgId: 'titan', name: 'Lee Parr', capabilities: ['surveillance'], pipLevel: 1 });
    const plain = await newPlacement({ title: 'Surveillance, no PIP', pipDevelopmentLevel: undefined });
    const id = await confirmedSecondment(other, plain);
    expect((await complete(id)).status).toBe(200);
    expect((await ncaHr.post(`/v1/officers/${other.id}/pip/sign-off`, { level: 2, evidence: 'Nothing to sign.' })).status).toBe(409);
  });
});

describe('the pipeline counters stay exact through every officer write', () => {
  it('create, edit, CSV import, leave and move home: a recount of TITAN and ERSOU equals the counters', async () => {
    const a = await makeOfficer({ homeOrgId: 'titan', capabilities: ['surveillance'], pipLevel: 0 });
    const b = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 3 });
    await expectPipelineExact('titan');

    expect((await titanHr.patch(`/v1/officers/${a.id}`, { pipLevel: 1, version: a.version })).status).toBe(200);
    expect((await titanHr.patch(`/v1/officers/${b.id}`, { status: 'left', version: b.version })).status).toBe(200);
    await expectPipelineExact('titan');

    const csv = ['staffNumber,name,capabilities,vetting,pipLevel,region,vettingExpiresOn', 'TIT-PIP-1,Ana Pereira,surveillance,sc,2,north-west,', 'TIT-PIP-2,Ben Ode,,sc,0,north-west,'].join('\n');
    const imported = await titanHr.post('/v1/officers/import', undefined, { raw: csv, contentType: 'text/csv' });
    expect(imported.json).toMatchObject({ created: 2, errors: [] });
    const reimported = await titanHr.post('/v1/officers/import', undefined, { raw: csv.replace('sc,0,', 'sc,1,'), contentType: 'text/csv' });
    expect(reimported.json).toMatchObject({ updated: 1, unchanged: 1 });
    await expectPipelineExact('titan');

    // In development and moving home: the bucket moves with them.
    const c = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
    expect((await titanHr.patch(`/v1/officers/${c.id}/pip`, { targetLevel: 3, version: 0 })).status).toBe(200);
    const current = await titanHr.get(`/v1/officers/${c.id}`);
    const proposed = await titanHr.post(`/v1/officers/${c.id}/transfer`, { toOrgId: 'ersou', version: current.json.version });
    expect(proposed.status, JSON.stringify(proposed.json)).toBe(200);
    const moved = await as(users.ersouHr).post(`/v1/officers/${c.id}/transfer/decision`, { decision: 'accept' });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    await expectPipelineExact('titan');
    await expectPipelineExact('ersou');
    const record = await as(users.ersouHr).get(`/v1/officers/${c.id}/pip`);
    expect(record.json).toMatchObject({ status: 'in-development', targetLevel: 3 });

    // The home raising the level by hand to the target meets it: accredited, counted there.
    const d = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
    expect((await titanHr.patch(`/v1/officers/${d.id}/pip`, { targetLevel: 2, version: 0 })).status).toBe(200);
    const dNow = await titanHr.get(`/v1/officers/${d.id}`);
    expect((await titanHr.patch(`/v1/officers/${d.id}`, { pipLevel: 2, version: dNow.json.version })).status).toBe(200);
    expect((await titanHr.get(`/v1/officers/${d.id}/pip`)).json).toMatchObject({ level: 2, status: 'accredited', targetLevel: null });
    await expectPipelineExact('titan');

    // Stopping development puts them back among the accredited.
    expect((await ersouHr.patch(`/v1/officers/${c.id}/pip`, { targetLevel: null, version: 1 })).json).toMatchObject({ status: 'accredited', developmentStartedOn: null });
    await expectPipelineExact('ersou');
  });
});
