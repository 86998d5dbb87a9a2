import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { getBaseline, updateBaseline } from '../../shared/data/capability.repository';
import { createPlacement, getPlacement } from '../../shared/data/placement.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId, nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { placementBody as basePlacementBody } from './support/placements';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const titanHead = as(users.titanHead);
const ersouHead = as(users.ersouHead);
const today = todayIso();

/** An NCA surveillance placement for ROCU officers: SC, PIP1. */
const placementBody = (overrides: Record<string, unknown> = {}) => basePlacementBody({ title: 'Surveillance secondment, NCA North West', capabilityId: 'surveillance', places: 2, ...overrides });

async function newPlacement(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await ncaHr.post('/v1/placements', placementBody(overrides));
  expect(res.status).toBe(201);
  return res.json.id;
}

async function apply(o: Officer, placementId: string): Promise<string> {
  const res = await asOfficer(o).post(`/v1/placements/${placementId}/applications`, { statement: 'I want to develop PIP2.' });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

const decideHome = (who: ReturnType<typeof as>, id: string, decision: 'approve' | 'decline', note = 'Decided.') =>
  who.post(`/v1/secondment-applications/${id}/home-decision`, { decision, note });
const decideHost = (id: string, decision: 'accept' | 'decline') => ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision });

async function surveillance(orgId: string) {
  const b = await getBaseline(orgId, 'surveillance');
  return { strength: b?.strength ?? 0, committedOut: b?.committedOut ?? 0, projected: b?.projected ?? 0, minimum: b?.minimum ?? 0 };
}

async function setMinimum(orgId: string, minimum: number): Promise<void> {
  const b = await getBaseline(orgId, 'surveillance');
  await updateBaseline(orgId, 'surveillance', { minimum }, { version: b!.version, via: 'body' }, SYSTEM_ACTOR);
}

/** TITAN's surveillance team: `n` SC, PIP1 holders. */
const titan: Officer[] = [];
let ersouOfficer: Officer;

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 0, 10);
  await setBaseline('ersou', 'surveillance', 0, 10);
  for (let i = 0; i < 8; i++) titan.push(await makeOfficer({ homeOrgId: 'titan', name: `Titan ${i}`, capabilities: ['surveillance'], pipLevel: 1 }));
  ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', name: 'Ersou 0', region: 'east-of-england', capabilities: ['surveillance'], pipLevel: 1 });
});

describe('applying for a placement', () => {
  it('an eligible officer applies once; a second application is 409', async () => {
    const placementId = await newPlacement();
    const res = await asOfficer(titan[0]!).post(`/v1/placements/${placementId}/applications`, { statement: 'Ready to learn.' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/secondment-applications/${res.json.id}`);
    expect(res.json).toMatchObject({
      applicationType: 'secondment',
      placementId,
      placementTitle: 'Surveillance secondment, NCA North West',
      hostOrgId: 'nca',
      capabilityId: 'surveillance',
      officerId: titan[0]!.id,
      officerName: 'Titan 0',
      homeOrgId: 'titan',
      statement: 'Ready to learn.',
      status: 'submitted',
      homeDecision: null,
      hostDecision: null,
      version: 1,
    });
    expect(res.json.id).toMatch(/^sec_/);
    expect(res.json).not.toHaveProperty('commitment');
    expect(res.json).not.toHaveProperty('homeOrgType');

    const again = await asOfficer(titan[0]!).post(`/v1/placements/${placementId}/applications`, { statement: 'Again.' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'conflict', message: 'You have already applied for this placement.' });
  });

  it('a retry with the same Idempotency-Key returns the first application instead of a 409', async () => {
    const placementId = await newPlacement();
    const o = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
    const send = () => asOfficer(o).post(`/v1/placements/${placementId}/applications`, { statement: 'Once.' }, { headers: { 'idempotency-key': 'apply-once' } });
    const first = await send();
    const retry = await send();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect((await ncaHr.get(`/v1/placements/${placementId}/applications`)).json.items).toHaveLength(1);
  });

  it('an ineligible officer gets 403 naming every reason', async () => {
    const placementId = await newPlacement({ eligibility: { homeOrgTypes: ['rocu'], vetting: 'dv', minPipLevel: 2 }, pipDevelopmentLevel: 3 });
    const gmp = await makeOfficer({ homeOrgId: 'greater-manchester', capabilities: [], pipLevel: 1 });
    const res = await asOfficer(gmp).post(`/v1/placements/${placementId}/applications`, { statement: 'Please.' });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(res.json.error.details.map((d: { code: string }) => d.code)).toEqual(['home-org-type', 'vetting-below-profile', 'pip-below-minimum']);
    expect(res.json.error.message).toMatch(/^You may not apply for this placement: the placement is open to officers of a ROCU/);
  });

  it('a placement past its closing date refuses applications (409, placement-closed)', async () => {
    const at = nowIso();
    const closed = await createPlacement(
      {
        id: newId('plc'),
        title: 'Closed',
        hostOrgId: 'nca',
        capabilityId: 'surveillance',
        description: null,
        places: 1,
        confirmed: 0,
        startDate: addDays(today, 5),
        durationMonths: 1,
        endDate: addDays(today, 36),
        region: 'north-west',
        eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 0 },
        pipDevelopmentLevel: null,
        closesOn: addDays(today, -1),
        status: 'open',
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
      SYSTEM_ACTOR,
    );
    const res = await asOfficer(titan[0]!).post(`/v1/placements/${closed.id}/applications`, { statement: 'Late.' });
    expect(res.status).toBe(409);
    expect(res.json.error.details).toEqual([expect.objectContaining({ code: 'placement-closed' })]);
  });

  it('bad input is 400, an unknown placement 404, an account without an officer record 403', async () => {
    const placementId = await newPlacement();
    for (const body of [{ statement: '   ' }, {}, { statement: 'x', status: 'confirmed' }]) {
      const res = await asOfficer(titan[1]!).post(`/v1/placements/${placementId}/applications`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
    }
    const missing = await asOfficer(titan[1]!).post('/v1/placements/plc_nothing/applications', { statement: 'Hello.' });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
    const noRecord = await as({ sub: 'no-record', org: 'titan', roles: ['officer'] }).post(`/v1/placements/${placementId}/applications`, { statement: 'Hi.' });
    expect(noRecord.status).toBe(403);
  });

  it('the host’s HR lead lists the applications in the order they came; nobody else sees them', async () => {
    const placementId = await newPlacement();
    const first = await apply(titan[2]!, placementId);
    const second = await apply(ersouOfficer, placementId);
    const res = await ncaHr.get(`/v1/placements/${placementId}/applications`);
    expect(res.status).toBe(200);
    expect(res.json.items.map((a: { id: string }) => a.id)).toEqual([first, second]);
    expect((await ncaHr.get(`/v1/placements/${placementId}/applications?status=home-approved`)).json.items).toEqual([]);
    expect((await titanHr.get(`/v1/placements/${placementId}/applications`)).status).toBe(404);
    expect((await ncaHr.get(`/v1/placements/${placementId}/applications?status=pending`)).status).toBe(400);
  });

  it('the applicant sees secondment applications in their own list, beside campaign applications, and each kind alone', async () => {
    const o = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
    const a = await apply(o, await newPlacement());
    const b = await apply(o, await newPlacement());
    const mine = await asOfficer(o).get('/v1/me/secondment-applications');
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((x: { id: string }) => x.id)).toEqual([b, a]);
    const all = await asOfficer(o).get('/v1/me/applications');
    expect(all.status).toBe(200);
    expect(all.json.items.map((x: { id: string; applicationType: string }) => [x.id, x.applicationType])).toEqual([
      [b, 'secondment'],
      [a, 'secondment'],
    ]);
    expect((await asOfficer(o).get('/v1/me/applications?type=campaign')).json.items).toEqual([]);
    expect((await asOfficer(o).get('/v1/me/applications?type=secondment')).json.items).toHaveLength(2);
  });
});

describe('the home decision, through the capability gate', () => {
  it('another ROCU’s head cannot decide on (or even see) a TITAN officer’s application; the host’s HR lead sees it but is told who decides', async () => {
    const id = await apply(titan[3]!, await newPlacement());
    const res = await decideHome(ersouHead, id, 'approve');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect((await ersouHead.get(`/v1/secondment-applications/${id}`)).status).toBe(404);
    const host = await decideHome(ncaHr, id, 'approve');
    expect(host.status).toBe(403);
    expect(host.json.error.message).toMatch(/ROCU head or HR lead of the applicant’s home organisation/);
    expect((await titanHead.get(`/v1/secondment-applications/${id}`)).status).toBe(200);
    expect((await ncaHr.get(`/v1/secondment-applications/${id}`)).status).toBe(200);
  });

  it('the home HR lead approves a secondment that keeps the team at its minimum; approval alone does not count in committedOut', async () => {
    await setMinimum('titan', 0);
    const before = await surveillance('titan');
    const id = await apply(titan[4]!, await newPlacement());
    const res = await decideHome(titanHr, id, 'approve', 'Fine by us.');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('home-approved');
    expect(res.json.homeDecision).toMatchObject({ decision: 'approve', role: 'hr-lead', by: 'titan-hr', note: 'Fine by us.', release: false });
    expect(await surveillance('titan')).toEqual(before);
    expect((await decideHome(titanHr, id, 'approve')).status).toBe(409);
  });

  it('an HR lead cannot release: an approval that would take TITAN below its minimum is 403 until the ROCU head releases the officer', async () => {
    const now = await surveillance('titan');
    await setMinimum('titan', now.projected);
    try {
      const id = await apply(titan[5]!, await newPlacement());
      const refused = await decideHome(titanHr, id, 'approve');
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('forbidden');
      expect(refused.json.error.message).toMatch(/TITAN’s surveillance team below its minimum .* the TITAN ROCU head must release the officer/);
      expect((await titanHr.get(`/v1/secondment-applications/${id}`)).json.status).toBe('submitted');

      const released = await decideHome(titanHead, id, 'approve', 'Released: we will cover the rota.');
      expect(released.status).toBe(200);
      expect(released.json.homeDecision).toMatchObject({ role: 'rocu-head', release: true });

      // The release covers the confirmation: the team goes below its minimum, by decision.
      const confirmed = await decideHost(id, 'accept');
      expect(confirmed.status).toBe(200);
      expect(confirmed.json.status).toBe('confirmed');
      const after = await surveillance('titan');
      expect(after.committedOut).toBe(now.committedOut + 1);
      expect(after.projected).toBe(now.projected - 1);
      expect(after.projected).toBeLessThan(after.minimum);

      const audit = await titanHead.get(`/v1/audit?entity=secondment-application:${id}`);
      expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['secondment.submitted', 'secondment.home-released', 'secondment.confirmed']);
      expect(audit.json.items[1]).toMatchObject({ note: 'Released: we will cover the rota.', actor: { sub: 'titan-head', roles: ['rocu-head'] } });

      expect((await asOfficer(titan[5]!).post(`/v1/secondment-applications/${id}/withdraw`)).status).toBe(200);
      expect(await surveillance('titan')).toMatchObject({ committedOut: now.committedOut, projected: now.projected });
    } finally {
      await setMinimum('titan', 0);
    }
  });

  it('an HR lead’s approval does not cover a confirmation at the minimum: 409, and the ROCU head’s release then lets it through', async () => {
    const id = await apply(titan[6]!, await newPlacement());
    expect((await decideHome(titanHr, id, 'approve')).json.homeDecision.release).toBe(false);
    // The team reaches its minimum between the home approval and the host's acceptance.
    const now = await surveillance('titan');
    await setMinimum('titan', now.projected);
    try {
      const refused = await decideHost(id, 'accept');
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toMatch(/below its minimum, and the home approval was not a release/);
      expect((await surveillance('titan')).committedOut).toBe(now.committedOut);
      expect((await ncaHr.get(`/v1/secondment-applications/${id}`)).json.status).toBe('home-approved');

      const released = await decideHome(titanHead, id, 'approve', 'Released.');
      expect(released.status).toBe(200);
      expect(released.json.homeDecision.release).toBe(true);
      expect((await decideHost(id, 'accept')).status).toBe(200);
      expect((await surveillance('titan')).committedOut).toBe(now.committedOut + 1);
      // Complete: the officer is back, and counts in the projection again.
      expect((await ncaHr.post(`/v1/secondment-applications/${id}/complete`)).status).toBe(200);
      expect(await surveillance('titan')).toMatchObject({ committedOut: now.committedOut, projected: now.projected });
    } finally {
      await setMinimum('titan', 0);
    }
  });

  it('the home declines; a decision on a declined application is 409; a bad decision is 400', async () => {
    const id = await apply(titan[7]!, await newPlacement());
    const res = await decideHome(titanHead, id, 'decline', 'Needed for Operation Tern.');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('declined');
    expect(res.json.homeDecision).toMatchObject({ decision: 'decline', role: 'rocu-head', note: 'Needed for Operation Tern.' });
    expect((await decideHome(titanHr, id, 'approve')).status).toBe(409);
    const bad = await titanHead.post(`/v1/secondment-applications/${id}/home-decision`, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([expect.objectContaining({ field: 'decision' })]);
    expect((await titanHead.post('/v1/secondment-applications/sec_nothing/home-decision', { decision: 'approve' })).status).toBe(404);
  });
});

describe('the host decision, confirmation, withdrawal and completion', () => {
  it('the host cannot decide before the home approval (409)', async () => {
    const id = await apply(titan[0]!, await newPlacement());
    const res = await decideHost(id, 'accept');
    expect(res.status).toBe(409);
    expect(res.json.error.message).toMatch(/home organisation has not approved/);
  });

  it('accepting confirms a place and counts the officer out of the home team; withdrawing gives both back', async () => {
    const placementId = await newPlacement({ places: 1 });
    const before = await surveillance('titan');
    const id = await apply(titan[1]!, placementId);
    // A second applicant while the place is still free (a full placement takes no applications).
    const other = await apply(ersouOfficer, placementId);
    await decideHome(titanHr, id, 'approve');
    const res = await ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept', note: 'Welcome.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'confirmed', hostDecision: { decision: 'accept', by: 'nca-hr', note: 'Welcome.' } });
    expect((await ncaHr.get(`/v1/placements/${placementId}`)).json).toMatchObject({ confirmed: 1, placesLeft: 0 });
    expect(await surveillance('titan')).toMatchObject({ strength: before.strength, committedOut: before.committedOut + 1, projected: before.projected - 1 });

    // The only place is taken: the other applicant, approved by their home, finds it full.
    await decideHome(ersouHead, other, 'approve');
    const full = await decideHost(other, 'accept');
    expect(full.status).toBe(409);
    expect(full.json.error.message).toMatch(/placement is full/);

    expect((await decideHost(id, 'accept')).status).toBe(409);
    expect((await titanHr.post(`/v1/secondment-applications/${id}/withdraw`)).status).toBe(403);
    const withdrawn = await asOfficer(titan[1]!).post(`/v1/secondment-applications/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.status).toBe('withdrawn');
    expect((await getPlacement(placementId, true))!.confirmed).toBe(0);
    expect(await surveillance('titan')).toEqual(before);

    // The place is free again.
    expect((await decideHost(other, 'accept')).status).toBe(200);
    expect((await asOfficer(titan[1]!).post(`/v1/secondment-applications/${id}/withdraw`)).status).toBe(409);
  });

  it('the host declines after the home approval', async () => {
    const id = await apply(titan[2]!, await newPlacement());
    await decideHome(titanHr, id, 'approve');
    const res = await decideHost(id, 'decline');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'declined', hostDecision: { decision: 'decline' } });
    expect((await decideHost(id, 'accept')).status).toBe(409);
  });

  it('completing gives the home team its committedOut back; the place stays used; only the host completes', async () => {
    const placementId = await newPlacement();
    const before = await surveillance('titan');
    const id = await apply(titan[3]!, placementId);
    await decideHome(titanHr, id, 'approve');
    expect((await decideHost(id, 'accept')).status).toBe(200);
    expect((await surveillance('titan')).committedOut).toBe(before.committedOut + 1);

    expect((await titanHr.post(`/v1/secondment-applications/${id}/complete`)).status).toBe(403);
    const done = await ncaHr.post(`/v1/secondment-applications/${id}/complete`, { note: 'Returned to TITAN.' });
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('completed');
    expect(done.json.history.at(-1)).toMatchObject({ status: 'completed', note: 'Returned to TITAN.' });
    expect(await surveillance('titan')).toEqual(before);
    expect((await getPlacement(placementId, true))!.confirmed).toBe(1);
    expect((await ncaHr.post(`/v1/secondment-applications/${id}/complete`)).status).toBe(409);
    expect((await asOfficer(titan[3]!).post(`/v1/secondment-applications/${id}/withdraw`)).status).toBe(409);
  });

  it('a secondee who does not hold the placement’s capability is confirmed without touching the counters', async () => {
    const newcomer = await makeOfficer({ homeOrgId: 'titan', capabilities: [], pipLevel: 1 });
    const before = await surveillance('titan');
    const id = await apply(newcomer, await newPlacement());
    await decideHome(titanHr, id, 'approve');
    expect((await decideHost(id, 'accept')).status).toBe(200);
    expect(await surveillance('titan')).toEqual(before);
  });
});
