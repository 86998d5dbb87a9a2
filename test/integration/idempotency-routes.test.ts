import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes';
import { baseClient } from '../../shared/data/client';
import { addDays, todayIso } from '../../shared/domain/working-days';
import { as, asOfficer, users, type Claims } from './support/api';
import { cyberCampaign, openCampaign } from './support/campaigns';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';
import { placementBody } from './support/placements';

/**
 * Idempotency, generic over the route table: every creating POST (201) must
 * declare `idempotent: true`, and every route that does is checked the same
 * way: a retry returns the first response and writes nothing; concurrent
 * duplicates create once (the others get the first response or 409); the
 * same key with a different body is 422 and writes nothing.
 *
 * "Writes" are counted by an SDK middleware on the one DynamoDB client:
 * items put, updated or deleted, other than the idempotency records
 * themselves. A new idempotent route needs a request builder below.
 */

interface Request {
  as: Claims;
  url: string;
  body: unknown;
  /** The same request with a different body (for the 422 case). */
  otherBody: unknown;
}

let serial = 0;
const next = () => ++serial;

async function titanOfficer() {
  return makeOfficer({ homeOrgId: 'titan', capabilities: ['surveillance'], vetting: 'sc', pipLevel: 2, region: 'north-west' });
}
const officerClaims = (o: { id: string; homeOrgId: string }): Claims => ({ sub: `u-${o.id}`, org: o.homeOrgId, roles: ['officer'], officerId: o.id });

/** A fresh, valid request per call: each case creates its own preconditions. */
const builders: Record<string, () => Promise<Request>> = {
  createCapability: async () => {
    const n = next();
    return { as: users.admin, url: '/v1/capabilities', body: { id: `idem-cap-${n}`, name: `Capability ${n}` }, otherBody: { id: `idem-cap-${n}`, name: 'Something else' } };
  },
  createOfficer: async () => {
    const body = { name: `Idem Officer ${next()}`, homeOrgId: 'titan', capabilities: ['surveillance'], vetting: 'sc', pipLevel: 2, region: 'north-west' };
    return { as: users.titanHr, url: '/v1/officers', body, otherBody: { ...body, pipLevel: 3 } };
  },
  createCampaign: async () => {
    const body = cyberCampaign({ title: `Idem campaign ${next()}` });
    return { as: users.ncaHr, url: '/v1/campaigns', body, otherBody: { ...body, posts: 2 } };
  },
  applyToCampaign: async () => {
    const [campaign, officer] = await Promise.all([openCampaign({ capabilityId: 'surveillance', roleProfile: { jobDescription: 'x', terms: 'x', grade: 'G4', salaryBand: 'B', vetting: 'sc', minPipLevel: 1, locations: ['Manchester'] } }), titanOfficer()]);
    return { as: officerClaims(officer), url: `/v1/campaigns/${campaign.id}/applications`, body: { statement: 'Please.' }, otherBody: { statement: 'Different.' } };
  },
  inviteCandidate: async () => {
    const profile = { jobDescription: 'x', terms: 'x', grade: 'G4', salaryBand: 'B', vetting: 'sc' as const, minPipLevel: 1, locations: ['Manchester'] };
    const [source, target, officer] = await Promise.all([
      openCampaign({ ownerOrgId: 'titan', capabilityId: 'surveillance', roleProfile: profile }),
      openCampaign({ ownerOrgId: 'titan', capabilityId: 'surveillance', roleProfile: profile }),
      makeOfficer({ homeOrgId: 'ersou', capabilities: ['surveillance'], vetting: 'sc', pipLevel: 2, region: 'east-of-england' }),
    ]);
    const titanHr = as(users.titanHr);
    const applied = await asOfficer(officer).post(`/v1/campaigns/${source.id}/applications`, { statement: 'Pool me.' });
    const app: string = applied.json.id;
    for (const [path, body] of [['shortlist', {}], ['reject', {}], ['appointable', { appointable: true }]] as const) {
      const res = await titanHr.post(`/v1/applications/${app}/${path}`, body);
      if (res.status !== 200) throw new Error(`fixture ${path}: ${res.status} ${res.body}`);
    }
    const consent = await asOfficer(officer).post(`/v1/applications/${app}/pool-consent`, { consent: true });
    if (consent.status !== 200) throw new Error(`fixture consent: ${consent.status} ${consent.body}`);
    return { as: users.titanHr, url: `/v1/campaigns/${target.id}/candidate-pool/invitations`, body: { entryId: app }, otherBody: { entryId: app, message: 'A different body.' } };
  },
  createPlacement: async () => {
    const body = placementBody({ title: `Idem placement ${next()}`, capabilityId: 'surveillance' });
    return { as: users.ncaHr, url: '/v1/placements', body, otherBody: { ...body, places: 1 } };
  },
  applyToPlacement: async () => {
    const placement = await as(users.ncaHr).post('/v1/placements', placementBody({ title: `Idem placement ${next()}`, capabilityId: 'surveillance' }));
    const officer = await titanOfficer();
    return { as: officerClaims(officer), url: `/v1/placements/${placement.json.id}/applications`, body: { statement: 'Please.' }, otherBody: { statement: 'Different.' } };
  },
  createCourse: async () => {
    const body = courseBody(`Idem course ${next()}`);
    return { as: users.ncaHr, url: '/v1/courses', body, otherBody: { ...body, location: 'Elsewhere' } };
  },
  bookCourse: async () => {
    const course = await as(users.ncaHr).post('/v1/courses', courseBody(`Idem course ${next()}`));
    const officer = await titanOfficer();
    return { as: officerClaims(officer), url: `/v1/courses/${course.json.id}/bookings`, body: {}, otherBody: { note: 'A different body.' } };
  },
};

function courseBody(title: string) {
  const today = todayIso();
  return {
    title,
    capabilityId: 'surveillance',
    hostOrgId: 'nca',
    location: 'NCA Academy, Manchester',
    region: 'north-west',
    startDate: addDays(today, 60),
    endDate: addDays(today, 64),
    allocations: [
      { orgId: 'nca', seats: 1 },
      { orgId: 'titan', seats: 2 },
    ],
  };
}

// ---- counting writes (other than idempotency records) at the SDK
let writes = 0;
const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand', 'PutCommand', 'UpdateCommand', 'DeleteCommand', 'TransactWriteCommand', 'BatchWriteCommand']);

async function writesDuring<T>(fn: () => Promise<T>): Promise<{ result: T; writes: number }> {
  const before = writes;
  const result = await fn();
  return { result, writes: writes - before };
}

beforeAll(async () => {
  await seedReference();
  await setBaseline('titan', 'surveillance', 1, 30);
  baseClient().middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (WRITE_COMMANDS.has(context.commandName ?? '')) {
        const input = args.input as { TransactItems?: unknown[] };
        const items = input.TransactItems ?? [args.input];
        writes += items.filter((i) => !JSON.stringify(i).includes('IDEMPOTENCY')).length;
      }
      return out;
    },
    { step: 'initialize', name: 'countWrites' },
  );
}, 60_000);

const idempotentRoutes = routeList.filter((r) => r.idempotent);

describe('every creating POST honours Idempotency-Key', () => {
  it('a POST route answering 201 declares idempotent: true', () => {
    expect(routeList.filter((r) => r.method === 'POST' && r.status === 201 && !r.idempotent).map((r) => r.id)).toEqual([]);
  });

  it('every idempotent route has a request builder in this file', () => {
    expect(idempotentRoutes.map((r) => r.id).filter((id) => !builders[id])).toEqual([]);
  });

  for (const route of idempotentRoutes) {
    describe(`${route.method} ${route.path}`, () => {
      it('a retry returns the first response and writes nothing; a different body with the key is 422 and writes nothing', async () => {
        const build = builders[route.id];
        if (!build) return; // the test above names it
        const req = await build();
        const client = as(req.as);
        const key = { headers: { 'idempotency-key': `${route.id}-${next()}` } };
        const first = await writesDuring(() => client.post(req.url, req.body, key));
        expect(first.result.status, first.result.body).toBe(route.status);
        expect(first.writes).toBeGreaterThan(0);
        const retry = await writesDuring(() => client.post(req.url, req.body, key));
        expect(retry.result.status).toBe(route.status);
        expect(retry.result.json).toEqual(first.result.json);
        expect(retry.result.headers['idempotency-replayed']).toBe('true');
        expect(retry.writes).toBe(0);
        const other = await writesDuring(() => client.post(req.url, req.otherBody, key));
        expect(other.result.status).toBe(422);
        expect(other.result.json.error.code).toBe('unprocessable');
        expect(other.writes).toBe(0);
      });

      it('concurrent duplicates create once: the others get the first response or 409', async () => {
        const build = builders[route.id];
        if (!build) return;
        const req = await build();
        const client = as(req.as);
        const key = { headers: { 'idempotency-key': `${route.id}-race-${next()}` } };
        const single = await build();
        const once = await writesDuring(() => as(single.as).post(single.url, single.body));
        const race = await writesDuring(() => Promise.all(Array.from({ length: 4 }, () => client.post(req.url, req.body, key))));
        const ok = race.result.filter((r) => r.status === route.status);
        expect(ok.length).toBeGreaterThanOrEqual(1);
        expect(race.result.every((r) => r.status === route.status || r.status === 409), race.result.map((r) => r.status).join()).toBe(true);
        expect(new Set(ok.map((r) => JSON.stringify(r.json))).size).toBe(1);
        // The four together wrote what one request writes.
        expect(race.writes).toBe(once.writes);
      });
    });
  }

  it('the table’s invariants hold afterwards', async () => {
    expect(await checkInvariants()).toEqual([]);
  });
});
