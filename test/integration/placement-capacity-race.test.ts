import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { getBaseline, updateBaseline } from '../../shared/data/capability.repository';
import { getPlacement } from '../../shared/data/placement.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, type Claims, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * Ten officers from two ROCUs apply for a three-place
 * NCA placement, their home ROCUs release them, the NCA accepts all ten at
 * once, and exactly three are confirmed — never more confirmed than places,
 * and each confirmed officer counted out of their home team, by DynamoDB
 * conditions and transactions (not by a read followed by a write).
 */

const ncaHr = as(users.ncaHr);
const heads: Record<string, Claims> = { titan: users.titanHead, ersou: users.ersouHead };
const hrLeads: Record<string, Claims> = { titan: users.titanHr, ersou: users.ersouHr };

async function cyber(orgId: string) {
  const b = (await getBaseline(orgId, 'cyber'))!;
  return { committedOut: b.committedOut, projected: b.projected, minimum: b.minimum };
}

async function setMinimum(orgId: string, minimum: number): Promise<void> {
  const b = (await getBaseline(orgId, 'cyber'))!;
  await updateBaseline(orgId, 'cyber', { minimum }, { version: b.version, via: 'body' }, SYSTEM_ACTOR);
}

/** Five TITAN and five ERSOU cyber officers (SC, PIP1). */
async function tenOfficers(): Promise<Officer[]> {
  const out: Officer[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(await makeOfficer({ homeOrgId: 'titan', region: 'north-west', capabilities: ['cyber'], pipLevel: 1 }));
    out.push(await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: ['cyber'], pipLevel: 1 }));
  }
  return out;
}

/** A three-place NCA cyber placement, and an application from each officer; returns the application ids in officer order. */
async function applications(officers: Officer[]): Promise<{ placementId: string; ids: string[] }> {
  const today = todayIso();
  const placement = await ncaHr.post('/v1/placements', {
    title: 'National Cyber Crime Unit secondment',
    hostOrgId: 'nca',
    capabilityId: 'cyber',
    places: 3,
    startDate: addDays(today, 60),
    durationMonths: 6,
    region: 'north-west',
    eligibility: { homeOrgTypes: ['rocu'], vetting: 'sc', minPipLevel: 1 },
    pipDevelopmentLevel: 2,
    closesOn: addDays(today, 30),
  });
  expect(placement.status).toBe(201);
  const ids = await Promise.all(
    officers.map(async (o) => {
      const res = await asOfficer(o).post(`/v1/placements/${placement.json.id}/applications`, { statement: 'I want to develop PIP2 in the NCCU.' });
      expect(res.status).toBe(201);
      return res.json.id as string;
    }),
  );
  return { placementId: placement.json.id, ids };
}

/** The NCA's HR lead accepts every application at the same moment; returns the responses in officer order. */
async function acceptAll(ids: string[]) {
  return Promise.all(ids.map((id) => ncaHr.post(`/v1/secondment-applications/${id}/host-decision`, { decision: 'accept' })));
}

/** The flows report's ROCU→NCA counts for the North West, as the NCA's HR lead reads them. */
async function northWestRocuToNca(): Promise<{ confirmed: number; active: number; completed: number }> {
  const res = await ncaHr.get('/v1/reports/secondment-flows?region=north-west');
  expect(res.status).toBe(200);
  return res.json.regions[0].rocuToNca;
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 0, 12);
  await setBaseline('ersou', 'cyber', 0, 14);
});

describe('ten host acceptances racing for three places', () => {
  it('exactly three are confirmed, seven get 409 “full”, and each confirmed officer’s home counts them out', async () => {
    const officers = await tenOfficers();
    const { placementId, ids } = await applications(officers);
    // Their home ROCU heads release them (the ROCU head's approval is the release decision).
    const released = await Promise.all(
      officers.map((o, i) => as(heads[o.homeOrgId]).post(`/v1/secondment-applications/${ids[i]}/home-decision`, { decision: 'approve', note: 'Released for development.' })),
    );
    for (const res of released) expect(res.json.homeDecision.release).toBe(true);
    const before = { titan: await cyber('titan'), ersou: await cyber('ersou') };
    const flowsBefore = await northWestRocuToNca();

    const results = await acceptAll(ids);

    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    for (const r of results.filter((r) => r.status === 409)) {
      expect(r.json.error.code).toBe('conflict');
      expect(r.json.error.message).toMatch(/placement is full/);
    }
    expect((await getPlacement(placementId, true))!.confirmed).toBe(3);
    expect((await ncaHr.get(`/v1/placements/${placementId}`)).json).toMatchObject({ confirmed: 3, placesLeft: 0 });

    const confirmed = officers.filter((_, i) => statuses[i] === 200);
    for (const org of ['titan', 'ersou'] as const) {
      const won = confirmed.filter((o) => o.homeOrgId === org).length;
      expect((await cyber(org)).committedOut, org).toBe(before[org].committedOut + won);
    }
    const listed = await ncaHr.get(`/v1/placements/${placementId}/applications?status=confirmed`);
    expect(listed.json.items.map((a: { officerId: string }) => a.officerId).sort()).toEqual(confirmed.map((o) => o.id).sort());

    // The secondment-flows report shows them: three more ROCU officers confirmed into the NCA in the placement's region.
    expect(await northWestRocuToNca()).toEqual({ ...flowsBefore, confirmed: flowsBefore.confirmed + 3 });
    // Forty-odd requests, ten of them racing transactions: more than the default 30 s on a loaded shared machine.
  }, 90_000);

  it('places and the home minimum race together: without a release, TITAN never goes below its minimum and the placement never overfills', async () => {
    const officers = await tenOfficers();
    const { placementId, ids } = await applications(officers);
    // HR leads approve while both teams have room: no release is recorded.
    const approved = await Promise.all(
      officers.map((o, i) => as(hrLeads[o.homeOrgId]).post(`/v1/secondment-applications/${ids[i]}/home-decision`, { decision: 'approve', note: '' })),
    );
    for (const res of approved) expect(res.json.homeDecision.release).toBe(false);
    // Then TITAN's head raises the minimum so that one more TITAN officer fits.
    const titanBefore = await cyber('titan');
    await setMinimum('titan', titanBefore.projected - 1);
    try {
      const statuses = (await acceptAll(ids)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
      expect((await getPlacement(placementId, true))!.confirmed).toBe(3);
      const titanWon = officers.filter((o, i) => o.homeOrgId === 'titan' && statuses[i] === 200).length;
      expect(titanWon).toBeLessThanOrEqual(1);
      const titanAfter = await cyber('titan');
      expect(titanAfter.committedOut).toBe(titanBefore.committedOut + titanWon);
      expect(titanAfter.projected).toBeGreaterThanOrEqual(titanAfter.minimum);
    } finally {
      await setMinimum('titan', 0);
    }
  });
});
