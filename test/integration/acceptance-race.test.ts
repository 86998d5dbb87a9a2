import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { createCampaign } from '../../shared/data/campaign.repository';
import { getBaseline, updateBaseline } from '../../shared/data/capability.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { newId, nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';

/**
 * BRIEF.md rule 4: two acceptances racing each other can never together take
 * a team below its minimum without a release decision. The offers are made
 * while TITAN has room (minimum 0), then the ROCU head raises the minimum so
 * that only `headroom` of them fit, and every applicant accepts at once.
 */

const ncaHr = as(users.ncaHr);
const start = addDays(todayIso(), 30);
const officers: Officer[] = [];

async function setMinimum(minimum: number): Promise<void> {
  const b = await getBaseline('titan', 'cyber');
  await updateBaseline('titan', 'cyber', { minimum }, { version: b!.version, via: 'body' }, SYSTEM_ACTOR);
}

/** A fresh open campaign with an `offered` application from each of `applicants`; returns the application ids. */
async function offersTo(applicants: Officer[]): Promise<string[]> {
  const now = nowIso();
  const campaign = await createCampaign(
    {
      id: newId('cmp'),
      title: 'Cyber investigators',
      capabilityId: 'cyber',
      ownerOrgId: 'nca',
      partnerOrgIds: [],
      regions: ['north-west'],
      posts: 10,
      allocations: [],
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      maxAppointmentsPerSource: null,
      sourceCaps: {},
      roleProfile: { jobDescription: 'x', terms: 'x', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 2, locations: ['Manchester'] },
      status: 'open',
      consultation: {},
      coordination: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
    },
    SYSTEM_ACTOR,
  );
  await setMinimum(0);
  const out = await Promise.all(
    applicants.map(async (o) => {
      const app = await asOfficer(o).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'Ready.' });
      expect(app.status).toBe(201);
      expect((await ncaHr.post(`/v1/applications/${app.json.id}/shortlist`)).status).toBe(200);
      const offer = await ncaHr.post(`/v1/applications/${app.json.id}/offer`, { startDate: start });
      expect(offer.json.status).toBe('offered');
      return app.json.id as string;
    }),
  );
  return out;
}

/** Every applicant accepts at the same moment; returns the statuses in applicant order. */
async function acceptAll(applicants: Officer[], ids: string[]): Promise<number[]> {
  const results = await Promise.all(applicants.map((o, i) => asOfficer(o).post(`/v1/applications/${ids[i]}/accept`)));
  for (const r of results.filter((r) => r.status !== 200)) {
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/below its minimum/);
  }
  return results.map((r) => r.status);
}

/** Withdraw the round's applications (accepted or not), so the next round starts from the same team. */
async function withdrawAll(applicants: Officer[], ids: string[]): Promise<void> {
  for (const [i, o] of applicants.entries()) {
    const res = await asOfficer(o).post(`/v1/applications/${ids[i]}/withdraw`);
    expect(res.status).toBe(200);
  }
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'cyber', 0, 12);
  for (let i = 0; i < 8; i++) officers.push(await makeOfficer({ homeOrgId: 'titan', name: `Racer ${i}` }));
});

describe('acceptances racing for the last place above TITAN’s minimum', () => {
  it('two at minimum + 1: exactly one succeeds, every round, and projected never drops below the minimum', async () => {
    const pair = officers.slice(0, 2);
    for (let round = 0; round < 3; round++) {
      const ids = await offersTo(pair);
      const before = (await getBaseline('titan', 'cyber'))!;
      const minimum = before.projected - 1;
      await setMinimum(minimum);

      const statuses = await acceptAll(pair, ids);
      expect(statuses.sort()).toEqual([200, 409]);
      const after = (await getBaseline('titan', 'cyber'))!;
      expect(after.projected).toBe(minimum);
      expect(after.committedOut).toBe(before.committedOut + 1);

      await withdrawAll(pair, ids);
      expect((await getBaseline('titan', 'cyber'))!.projected).toBe(before.projected);
    }
  });

  it('five at minimum + 2: exactly two succeed', async () => {
    const five = officers.slice(2, 7);
    const ids = await offersTo(five);
    const before = (await getBaseline('titan', 'cyber'))!;
    const minimum = before.projected - 2;
    await setMinimum(minimum);

    const statuses = await acceptAll(five, ids);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    const after = (await getBaseline('titan', 'cyber'))!;
    expect(after.projected).toBe(minimum);
    expect(after.committedOut).toBe(before.committedOut + 2);
  });
});

/**
 * An officer accepting while their HR lead marks them as having left: the
 * leaving is refused while a commitment stands, and the two racing can never
 * both land (an officer who left, still counted in the home team's
 * committedOut). The acceptance moves the officer record's version on, so
 * whichever commits second fails its condition.
 */
describe('an acceptance racing the officer being marked as left', () => {
  it('never lets both land: either the officer accepted and is still serving, or left and accepted nothing', async () => {
    const leavers: Officer[] = [];
    for (let i = 0; i < 6; i++) leavers.push(await makeOfficer({ homeOrgId: 'titan', name: `Leaver ${i}` }));
    const ids = await offersTo(leavers);
    const titanHr = as(users.titanHr);
    const committedBefore = (await getBaseline('titan', 'cyber'))!.committedOut;
    let accepted = 0;
    for (const [i, o] of leavers.entries()) {
      const record = (await titanHr.get(`/v1/officers/${o.id}`)).json;
      const [accept, leave] = await Promise.all([
        asOfficer(o).post(`/v1/applications/${ids[i]}/accept`),
        titanHr.patch(`/v1/officers/${o.id}`, { status: 'left', version: record.version }),
      ]);
      expect([accept.status, leave.status].filter((s) => s === 200).length, `round ${i}: accept ${accept.status}, leave ${leave.status}`).toBe(1);
      const after = (await titanHr.get(`/v1/officers/${o.id}`)).json;
      const application = (await asOfficer(o).get(`/v1/applications/${ids[i]}`)).json;
      if (accept.status === 200) {
        accepted++;
        expect(leave.status).toBe(409);
        expect(after.status).toBe('active');
        expect(application.status).toBe('accepted');
      } else {
        expect(accept.status).toBeGreaterThanOrEqual(400);
        expect(accept.status).toBeLessThan(500);
        expect(after.status).toBe('left');
        expect(application.status).not.toBe('accepted');
      }
    }
    expect((await getBaseline('titan', 'cyber'))!.committedOut).toBe(committedBefore + accepted);
  });
});
