import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from '../../local/dynamodb-local';
import { resetConfig } from '../../shared/config';
import { resetDocumentClient } from '../../shared/data/client';
import { resetIdempotencyStore } from '../../shared/http/idempotency';
import { errorResponse as errorShape } from '../../shared/schemas/common.schema';
import { as, users, type ApiResponse } from './support/api';
import { makeOfficer, seedReference, setBaseline } from './support/fixtures';
import { checkInvariants } from './support/invariants';

/**
 * DynamoDB unreachable mid-run. This file runs its OWN DynamoDB Local (on
 * disk, so a restart keeps the data), stops it while requests are in flight
 * and while clients keep calling, then starts it again on the same port:
 * requests meanwhile get 503 `service_unavailable` with Retry-After in the
 * error shape; afterwards everything carries on, and the table's invariants
 * hold (every transaction happened whole or not at all).
 */

let engine: RunningDynamoDb;
let port: number;
const dir = mkdtempSync(join(tmpdir(), 'faults-ddb-'));
const titanHr = as(users.titanHr);
const officerBody = (n: number) => ({ name: `Fault Officer ${n}`, homeOrgId: 'titan', capabilities: ['cyber'], vetting: 'sc', pipLevel: 2, region: 'north-west' });

function pointAt(endpoint: string) {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  resetConfig();
  resetDocumentClient();
  resetIdempotencyStore();
}

async function cyberStrength(): Promise<number> {
  const res = await titanHr.get('/v1/organisations/titan/capabilities');
  return res.json.items.find((r: { capabilityId: string }) => r.capabilityId === 'cyber').strength as number;
}

function expectUnavailable(res: ApiResponse, what: string) {
  expect(res.status, `${what}: ${res.body}`).toBe(503);
  expect(res.json.error.code).toBe('service_unavailable');
  expect(errorShape.safeParse(res.json).success).toBe(true);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
}

beforeAll(async () => {
  engine = await startDynamoDbLocal({ dbPath: dir });
  port = engine.port;
  await ensureTable(engine.endpoint, process.env.TABLE_NAME!);
  pointAt(engine.endpoint);
  await seedReference();
  await setBaseline('titan', 'cyber', 2, 12);
  for (let i = 0; i < 3; i++) await makeOfficer();
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  resetDocumentClient();
  resetIdempotencyStore();
  rmSync(dir, { recursive: true, force: true });
});

describe('DynamoDB unreachable mid-run', () => {
  let officerId: string;
  let before: number;

  it('works before the outage', async () => {
    const res = await titanHr.post('/v1/officers', officerBody(0));
    expect(res.status).toBe(201);
    officerId = res.json.id;
    before = await cyberStrength();
  });

  it('writes in flight when the engine stops either happen whole or not at all; calls meanwhile get 503 with Retry-After', async () => {
    const inFlight = Array.from({ length: 6 }, (_, i) => titanHr.post('/v1/officers', officerBody(100 + i), { headers: { 'idempotency-key': `fault-${i}` } }));
    await engine.stop();
    const settled = await Promise.all(inFlight);
    for (const res of settled) expect([201, 503]).toContain(res.status);

    expectUnavailable(await titanHr.get(`/v1/officers/${officerId}`), 'read');
    expectUnavailable(await titanHr.get('/v1/organisations/titan/capabilities'), 'parallel reads');
    expectUnavailable(await titanHr.post('/v1/officers', officerBody(1)), 'transaction');
    expectUnavailable(await titanHr.post('/v1/officers', officerBody(2), { headers: { 'idempotency-key': 'during-outage' } }), 'idempotent create');
    expectUnavailable(await titanHr.patch(`/v1/officers/${officerId}`, { pipLevel: 3, version: 1 }), 'read then transaction');
    (globalThis as { faultSettled?: ApiResponse[] }).faultSettled = settled;
  });

  it('after a restart everything carries on: retries succeed once, nothing is half-written', async () => {
    engine = await startDynamoDbLocal({ port, dbPath: dir });
    const settled = (globalThis as { faultSettled?: ApiResponse[] }).faultSettled ?? [];
    const created = settled.filter((r) => r.status === 201).length;
    expect(await checkInvariants()).toEqual([]);

    // Clients retry what failed with the same keys: each officer exists exactly once.
    const retried = await Promise.all(Array.from({ length: 6 }, (_, i) => titanHr.post('/v1/officers', officerBody(100 + i), { headers: { 'idempotency-key': `fault-${i}` } })));
    for (const res of retried) expect(res.status).toBe(201);
    expect(new Set(retried.map((r) => r.json.id)).size).toBe(6);
    const replayed = retried.filter((r) => r.headers['idempotency-replayed'] === 'true').length;
    expect(replayed).toBeLessThanOrEqual(created);
    expect(await cyberStrength()).toBe(before + 6);

    const patched = await titanHr.patch(`/v1/officers/${officerId}`, { pipLevel: 3, version: 1 });
    expect(patched.status).toBe(200);
    expect(await checkInvariants()).toEqual([]);
  }, 60_000);
});
