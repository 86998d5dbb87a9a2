import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '../../shared/api/routes';
import { isDateInRange } from '../../shared/domain/date-range';
import { REGIONS, ROLES } from '../../shared/domain/reference';
import type { RouteDef } from '../../shared/http/route';
import { errorResponse } from '../../shared/schemas/common.schema';
import { as, asOfficer, users, type Claims } from './support/api';
import { cyberCampaign, openCampaign, seedTitanStory } from './support/campaigns';
import { seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';
import { placementBody } from './support/placements';
import { fuzzedValueOf, garbageValue, arbitraryOf } from './support/zod-arbitrary';

/**
 * Property-based fuzzing of every route in the route table, in process
 * through the dispatch the local gateway uses, against DynamoDB Local holding
 * the seeded reference data and TITAN's and ERSOU's cyber teams, a campaign in
 * consultation (TITAN's head holds its alert), an open campaign with
 * applications and an offer, and a placement with secondment applications.
 *
 * Each case draws a caller (every role, own or another organisation, or no
 * token), path parameters (real ids or garbage), a query string, headers, a
 * content type and a body (valid-shaped from the route's zod schema, the same
 * with mutations, or garbage). Properties: never a 5xx; every 4xx has the
 * error shape; and after each route's run the table's invariants hold
 * (support/invariants.ts). Ids in successful responses join the pool, so later
 * cases reach records the earlier ones created, and cursors lists issued are
 * sent back as they are or mangled (an attribute dropped, added or of the
 * wrong type). The generators reach the edges too: dates at and past the
 * calendar's ends, huge and fractional numbers and versions, separators
 * inside ids and keys, NUL, lone surrogates and overlong text.
 *
 * A write never stores what a reader cannot read back: a 2xx write's body
 * passes its route's response schema, and after each writing route every
 * read that answered 200 before fuzzing (each list and record of the seeded
 * state, for a caller who may read it) still answers 200 with a body its
 * schema accepts.
 *
 * `npm test` runs 60 cases per route (1–3 concurrent requests each, ~120 requests); `npm run fuzz`
 * runs 1,000 (FUZZ_RUNS=n sets any number, FUZZ_SEED=n replays a failure).
 */
const LONG = process.env.npm_lifecycle_event === 'fuzz';
const RUNS = Number(process.env.FUZZ_RUNS ?? (LONG ? 1000 : 60));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const known = new Set<string>(['titan', 'ersou', 'nca', 'viper', 'cyber', 'surveillance', ...REGIONS]);
const cursors = new Set<string>();
const actors: Claims[] = [];

/** Every id-like string in a response joins the pool, and every cursor the pool of cursors. */
function harvest(value: unknown, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) harvest(v, depth + 1);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' && (k === 'id' || /Id$/.test(k)) && v.length <= 64 && known.size < 2000) known.add(v);
    else if (typeof v === 'string' && k === 'cursor' && cursors.size < 200) cursors.add(v);
    else harvest(v, depth + 1);
  }
}

/** Dates (fields named …Date, …On or …Start) in a body that fall outside the service's calendar: a write must never store one. */
function datesOutOfRange(value: unknown, path = '', depth = 0, out: string[] = []): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (typeof v === 'string' && /(Date|On|Start)$/.test(k) && !isDateInRange(v)) out.push(`${at}=${v}`);
    else datesOutOfRange(v, at, depth + 1, out);
  }
  return out;
}

/** A path segment as a client would send it (a lone surrogate cannot be percent-encoded: it goes as U+FFFD, as a browser sends it). */
function segmentOf(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));
}

/** Reads that answered 200 before fuzzing: after each writing route they must still (see `readsStillAnswer`). */
const reads: { route: RouteDef; url: string; actor: Claims }[] = [];

beforeAll(async () => {
  await seedReference();
  const { titanCyber, ersouCyber } = await seedTitanStory();
  await setBaseline('titan', 'surveillance', 2, 4);
  for (const id of [...titanCyber, ...ersouCyber]) known.add(id);
  for (const u of Object.values(users)) actors.push(u);
  for (const role of ROLES) {
    for (const org of ['titan', 'ersou', 'nca']) actors.push({ sub: `fuzz-${role}-${org}`, org, roles: [role], ...(role === 'rocc' ? { regions: ['north-west'] } : {}) });
  }
  actors.push({ sub: 'fuzz-multi', org: 'titan', roles: ['hr-lead', 'rocu-head'] });
  const officers = [...titanCyber.slice(0, 5).map((id) => ({ id, homeOrgId: 'titan' })), ...ersouCyber.slice(0, 2).map((id) => ({ id, homeOrgId: 'ersou' }))];
  for (const o of officers) actors.push({ sub: `u-${o.id}`, org: o.homeOrgId, roles: ['officer'], officerId: o.id });

  // Records in several states for the fuzzer to act on: a campaign in consultation
  // (TITAN's head has an alert), an open one with applications and an offer, a placement with applications.
  const ncaHr = as(users.ncaHr);
  const draft = await ncaHr.post('/v1/campaigns', cyberCampaign());
  harvest(draft.json);
  harvest((await ncaHr.post(`/v1/campaigns/${draft.json.id}/publish`)).json);
  const campaign = await openCampaign();
  known.add(campaign.id);
  const applications: string[] = [];
  for (const o of officers.slice(0, 4)) {
    const res = await asOfficer(o).post(`/v1/campaigns/${campaign.id}/applications`, { statement: 'I would like to apply.' });
    if (res.status === 201) applications.push(res.json.id as string);
    harvest(res.json);
  }
  if (applications[0]) {
    await ncaHr.post(`/v1/applications/${applications[0]}/shortlist`, {});
    harvest((await ncaHr.post(`/v1/applications/${applications[0]}/offer`, { startDate: '2027-03-01' })).json);
  }
  const placement = await ncaHr.post('/v1/placements', placementBody());
  harvest(placement.json);
  for (const o of officers.slice(0, 2)) harvest((await asOfficer(o).post(`/v1/placements/${placement.json.id}/applications`, { statement: 'Keen.' })).json);
  harvest((await as(users.titanHead).get('/v1/alerts')).json);
  // One draft campaign and a pending transfer, so the lists that show them are among the reads checked.
  harvest((await ncaHr.post('/v1/campaigns', cyberCampaign({ title: 'A draft nobody outside NCA HR sees' }))).json);
  harvest((await as(users.titanHr).post(`/v1/officers/${titanCyber[8]}/transfer`, { toOrgId: 'ersou', version: 1 })).json);
  // Cursors of several lists (table, gsi1, gsi2, gsi3 and inbox cursors), for the fuzzer to send back and to mangle.
  for (const [who, url] of [
    [users.titanHr, '/v1/officers?limit=2'],
    [users.ncaHr, '/v1/campaigns?limit=1'],
    [users.ncaHr, '/v1/campaigns?capabilityId=cyber&limit=1'],
    [users.ncaHr, '/v1/campaigns?status=open&limit=1'],
    [users.titanHead, '/v1/alerts?limit=1'],
    [users.ncaHr, `/v1/audit?entity=campaign:${campaign.id}&limit=1`],
    [users.ncaHr, `/v1/campaigns/${campaign.id}/applications?limit=1`],
    [users.ersouHr, '/v1/organisations/ersou/incoming-transfers?limit=1'],
  ] as const) {
    harvest((await as(who).get(url)).json);
  }
  await collectReads({ campaign: campaign.id, placement: placement.json.id as string, application: applications[0], officer: titanCyber[0]! });
  expect(reads.length).toBeGreaterThan(20);
  expect(await checkInvariants()).toEqual([]);
}, 180_000);

/**
 * Every GET route, with its path filled from the seeded state, as the first
 * of a few callers it answers 200 for: the reads whose answers the writes
 * must not break.
 */
async function collectReads(ids: { campaign: string; placement: string; application?: string; officer: string }): Promise<void> {
  const titanOfficer: Claims = { sub: `u-${ids.officer}`, org: 'titan', roles: ['officer'], officerId: ids.officer };
  const callers: Claims[] = [users.ncaHr, users.titanHr, users.titanHead, users.roccNorthWest, users.admin, titanOfficer];
  const fill = (route: RouteDef) =>
    route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
      if (/orgId$/i.test(name)) return 'titan';
      if (/capabilityId$/i.test(name)) return 'cyber';
      if (/officerId$/i.test(name)) return ids.officer;
      if (route.path.startsWith('/v1/placements')) return ids.placement;
      if (route.path.startsWith('/v1/applications')) return ids.application ?? 'app_none';
      return ids.campaign;
    });
  for (const route of routeList.filter((r) => r.method === 'GET' && r.path !== '/v1/openapi.json')) {
    const url = fill(route);
    for (const actor of callers) {
      const res = await as(actor).get(url);
      if (res.status === 200) {
        reads.push({ route, url, actor });
        harvest(res.json);
        break;
      }
    }
  }
}

/** After a writing route: every read that answered 200 still does, with a body its route's schema accepts. */
async function readsStillAnswer(after: RouteDef): Promise<void> {
  const broken: string[] = [];
  for (const { route, url, actor } of reads) {
    const res = await as(actor).get(url);
    if (res.status !== 200) broken.push(`${url} as ${actor.sub}: ${res.status} ${res.body.slice(0, 200)}`);
    else if (!route.response.safeParse(res.json).success) broken.push(`${url} as ${actor.sub}: body fails ${route.id}'s response schema`);
  }
  expect(broken, `after fuzzing ${after.method} ${after.path}`).toEqual([]);
}

/** The id prefix of the records under each top-level path (`shared/ids.ts` newId). */
const ID_PREFIX: Record<string, string> = {
  campaigns: 'cmp_',
  applications: 'app_',
  alerts: 'alt_',
  placements: 'plc_',
  'secondment-applications': 'sec_',
  courses: 'crs_',
  'course-bookings': 'cbk_',
  officers: 'off_',
};

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', 'text/csv', 'application/x-www-form-urlencoded', 'multipart/form-data', '', 'application/jsonx'];

function requestArbitrary(route: RouteDef) {
  const pool = [...known];
  const allowed = route.auth.kind === 'roles' ? actors.filter((a) => a.roles.some((r) => (route.auth as { roles: readonly string[] }).roles.includes(r))) : actors;
  const actor = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(allowed.length ? allowed : actors)) },
    { weight: 2, arbitrary: fc.constantFrom(...actors) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const opts = { known: pool, cursors: [...cursors] };
  // A path's id is drawn from the ids of its own kind (an application route gets app_ ids), so requests reach records.
  const prefix = ID_PREFIX[route.path.split('/')[2] ?? ''];
  const paramOpts = { ...opts, known: prefix ? pool.filter((v) => !/^[a-z]+_/.test(v) || v.startsWith(prefix)) : pool };
  const goodParams = route.params
    ? fc.oneof({ weight: 4, arbitrary: arbitraryOf(route.params, paramOpts) }, { weight: 1, arbitrary: arbitraryOf(route.params, { ...paramOpts, edges: true }) })
    : fc.constant({});
  const segment = fc.oneof(
    { weight: 6, arbitrary: fc.constant(undefined) }, // keep the schema-shaped value
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 80 }).map((s) => encodeURIComponent(s)) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%E0%A4%A', '..', '%2F', 'a%00b', 'x'.repeat(300)) },
  );
  const params = fc.tuple(goodParams, fc.array(segment, { minLength: names.length, maxLength: names.length })).map(([good, raw]) =>
    names.map((n, i) => raw[i] ?? segmentOf(String((good as Record<string, unknown>)[n] ?? 'x'))),
  );
  // An unknown parameter now and then (1 in 5: a strict query refuses it, so more would keep most reads from the table).
  const extraParam = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })) });
  const query = fc.tuple(fuzzedValueOf(route.query, opts), extraParam).map(
    ([q, extra]) => {
      const search = new URLSearchParams();
      if (q && typeof q === 'object' && !Array.isArray(q)) {
        for (const [k, v] of Object.entries(q)) search.append(k, Array.isArray(v) ? v.join(',') : typeof v === 'object' ? JSON.stringify(v) : String(v));
      }
      if (extra) search.append(extra[0] || 'x', extra[1]);
      const s = search.toString();
      return s ? `?${s}` : '';
    },
  );
  const body =
    route.bodyType === 'csv'
      ? fc.oneof(
          fc.constant('name,homeOrgId,capabilities,vetting,pipLevel,region\nFuzz Person,titan,cyber,sc,2,north-west\n'),
          fc.array(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('titan', 'cyber', 'sc', '2', 'north-west', '"', '""', '\n')), { maxLength: 8 }).map((r) => r.join(',')), { maxLength: 5 }).map(
            (rows) => `name,homeOrgId,capabilities,vetting,pipLevel,region,staffNumber\n${rows.join('\n')}`,
          ),
          fc.string({ maxLength: 200 }),
        ).map((raw) => ({ raw, contentType: 'text/csv' as string | undefined }))
      : fc.tuple(
          route.body ? fuzzedValueOf(route.body, opts) : fc.option(garbageValue, { freq: 3 }),
          fc.oneof({ weight: 12, arbitrary: fc.constant('json') }, { weight: 1, arbitrary: fc.constant('raw') }, { weight: 1, arbitrary: fc.constant('none') }),
          fc.oneof({ weight: 10, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
          fc.string({ maxLength: 60 }),
        ).map(([value, how, contentType, raw]) => {
          if (how === 'none') return { raw: undefined, contentType: undefined };
          if (how === 'raw') return { raw, contentType };
          return { raw: value === undefined ? undefined : JSON.stringify(value), contentType };
        });
  const headers = fc.record(
    {
      'idempotency-key': fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/) }, { weight: 1, arbitrary: fc.string({ maxLength: 300 }) }),
      'if-match': fc.oneof(
        fc.nat({ max: 5 }).map((n) => `"${n}"`),
        fc.string({ maxLength: 20 }),
        fc.constantFrom('9'.repeat(400), `1${'0'.repeat(200)}`, '"9007199254740992"', '"9007199254740991"', '"1.5"', '"-1"', '"1e3"', '*', 'W/"2"'),
      ),
      accept: fc.constantFrom('application/json', '*/*', 'text/html'),
      'x-forwarded-for': fc.string({ maxLength: 30 }),
    },
    { requiredKeys: [] },
  );
  // Half the time a body naming an organisation of its own (a home, an owner, a host) names the caller's,
  // as a real client's would, so creating writes get past the organisation check and reach the table.
  return fc.record({ actor, params, query, body, headers, ownOrg: fc.boolean() }).map(({ ownOrg, ...req }) => ({ ...req, body: ownOrg ? withCallerOrg(req.body, req.actor) : req.body }));
}

const ORG_FIELDS = ['homeOrgId', 'ownerOrgId', 'hostOrgId'];

function withCallerOrg(body: { raw: string | undefined; contentType: string | undefined }, actor: Claims | undefined) {
  if (!actor || body.raw === undefined || body.contentType === 'text/csv') return body;
  try {
    const value = JSON.parse(body.raw) as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) return body;
    const present = ORG_FIELDS.filter((f) => f in value);
    if (!present.length) return body;
    return { ...body, raw: JSON.stringify({ ...value, ...Object.fromEntries(present.map((f) => [f, actor.org])) }) };
  } catch {
    return body;
  }
}

function urlOf(route: RouteDef, params: string[], query: string): string {
  let i = 0;
  return route.path.replace(/\{[^}]+\}/g, () => params[i++] ?? 'x') + query;
}

// Reads first, so their responses fill the pool of ids the writes then use.
const ordered = [...routeList].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

type FuzzRequest = ReturnType<typeof requestArbitrary> extends fc.Arbitrary<infer T> ? T : never;

async function send(route: RouteDef, { actor, params, query, body, headers }: FuzzRequest): Promise<void> {
  const url = urlOf(route, params, query);
  const hdrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) hdrs[k] = v;
  const res = await as(actor).send(route.method, url, undefined, {
    headers: hdrs,
    ...(body.raw !== undefined ? { raw: body.raw } : {}),
    ...(body.contentType ? { contentType: body.contentType } : {}),
  });
  const where = `${route.method} ${url} as ${actor ? `${actor.sub} (${actor.roles.join(',')}@${actor.org})` : 'nobody'} → ${res.status} ${res.body.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) expect(errorResponse.safeParse(res.json).success, where).toBe(true);
  else if (res.json) {
    // What a write answers is what it stored: it must read back through the route's own response schema.
    if (route.method !== 'GET' && res.status !== 204) {
      expect(route.response.safeParse(res.json).success, `${where}: body fails ${route.id}'s response schema`).toBe(true);
      expect(datesOutOfRange(res.json), `${where}: dates outside the calendar`).toEqual([]);
    }
    harvest(res.json);
  }
}

describe('fuzzing every route: never a 5xx, always the error shape, invariants hold', () => {
  for (const route of ordered) {
    // Each case sends up to three requests at once: races between them must keep the invariants too.
    it(`${route.method} ${route.path}`, { timeout: 90_000 + RUNS * 300 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(requestArbitrary(route), { minLength: 1, maxLength: 3 }), async (batch) => {
          await Promise.all(batch.map((req) => send(route, req)));
        }),
        { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), endOnFailure: true },
      );
      // Reads write nothing: the table is checked after each writing route (and once after the reads).
      if (route.method !== 'GET' || ordered[ordered.indexOf(route) + 1]?.method !== 'GET') expect(await checkInvariants()).toEqual([]);
      if (route.method !== 'GET') await readsStillAnswer(route);
    });
  }
});
