/**
 * Seed the table with the reference data, baselines and demo officers, through
 * the same data layer the API uses (so strength counters and audit entries are
 * written exactly as a real change would write them).
 *
 * Idempotent: a marker item written last says "done", and every step before
 * it is safe to repeat, so a seed that died half way is finished by the next
 * run without duplicating anything.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { createCapability, getBaseline, updateBaseline } from '../../shared/data/capability.repository';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { createOfficer, findOfficerIdByStaffNumber } from '../../shared/data/officer.repository';
import { putOrganisation } from '../../shared/data/organisation.repository';
import { ConflictError } from '../../shared/errors';
import { nowIso } from '../../shared/ids';
import { seedContacts } from './contacts';
import { seedDemoCourses } from './courses';
import { seedDemoPip } from './pip';
import { seedScenario } from './scenario';
import { seedDemoSecondments, type DemoSecondmentsResult } from './secondments';
import { financialYearEnd, generateDemoOfficers } from './demo-officers';
import { BASELINES, CAPABILITIES, ORGANISATIONS } from './reference-data';

/** Bump to re-seed a table seeded by an older, incompatible seed. */
export const SEED_VERSION = 'v1';

export type SeedStage = 'organisations' | 'capabilities' | 'baselines' | 'officers' | 'scenario';

export interface SeedProgress {
  stage: SeedStage;
  done: number;
  total: number;
}

export interface SeedCounts {
  organisations: number;
  capabilities: { created: number; existing: number };
  baselines: { created: number; existing: number };
  officers: { created: number; existing: number };
  /** Transactions DynamoDB cancelled for a concurrent write to the same item, then retried. */
  conflictRetries: number;
}

export interface SeedResult {
  /** False when the marker says an earlier run finished: nothing was written. */
  seeded: boolean;
  counts?: SeedCounts;
  /** The demo secondments this run made (none when an earlier run made them). */
  secondments?: DemoSecondmentsResult;
  ms: number;
}

export interface SeedOptions {
  /**
   * Writes in flight at once (default 8). DynamoDB Local applies transactions
   * one at a time, so locally this mostly hides round trips; in AWS it is real parallelism.
   */
  concurrency?: number;
  onProgress?: (progress: SeedProgress) => void;
  /** Date the demo vetting expiries count from (default today). */
  asOf?: Date;
  /** Seed the TITAN walk-through campaign (default true). */
  scenario?: boolean;
}

const MARKER = () => keys.seedMarker(SEED_VERSION);

async function alreadySeeded(): Promise<boolean> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: MARKER(), ConsistentRead: true }));
  return out.Item !== undefined;
}

const SCENARIO_MARKER = () => keys.seedMarker(`${SEED_VERSION}-scenario`);
const COURSES_MARKER = `${SEED_VERSION}-courses`;

async function scenarioSeeded(): Promise<boolean> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: SCENARIO_MARKER(), ConsistentRead: true }));
  return out.Item !== undefined;
}

async function markScenario(campaignId: string): Promise<void> {
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: { ...SCENARIO_MARKER(), entity: 'seed-marker', campaignId, seededAt: nowIso() } }));
}

async function writeMarker(counts: SeedCounts): Promise<void> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...MARKER(), entity: 'seed-marker', seededAt: nowIso(), counts },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    // Another seed finished at the same moment: the data is there either way.
    if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
  }
}

/**
 * Was this a transaction cancelled only because another transaction touched
 * one of its items at the same time? Officers share the organisation and
 * capability items their transaction checks, and the baseline counters they
 * add to, so concurrent creates can collide; nothing was written, so retrying
 * is safe.
 */
function isTransactionConflict(err: unknown): boolean {
  const e = err as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (e?.name === 'TransactionConflictException') return true;
  if (e?.name !== 'TransactionCanceledException') return false;
  const codes = (e.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict');
}

async function withConflictRetry<T>(fn: () => Promise<T>, onRetry: () => void, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= attempts) throw err;
      onRetry();
      await new Promise((r) => setTimeout(r, Math.min(500, 10 * 2 ** attempt)));
    }
  }
}

/** Run `fn` over the items, at most `limit` at a time; stop taking new items after a failure. */
async function forEachLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await fn(item);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** True when the error says "already there", which a repeated seed expects. */
function isExisting(err: unknown): boolean {
  return err instanceof ConflictError;
}

/**
 * A baseline's establishment as the seed sets it: one number, except TITAN's
 * cyber team, whose twelve posts are funded by two lines — four by the Home
 * Office ROCU grant, which ends with the financial year (the day four of its
 * postings end too: the demo's early warning), eight by the constituent forces.
 */
function establishmentOf(b: { orgId: string; capabilityId: string; establishment: number }, asOf: Date): { establishment: number } | { funding: { source: string; posts: number; until?: string }[] } {
  if (b.orgId !== 'titan' || b.capabilityId !== 'cyber') return { establishment: b.establishment };
  return {
    funding: [
      { source: 'Home Office ROCU grant', posts: 4, until: financialYearEnd(asOf) },
      { source: 'Constituent forces', posts: b.establishment - 4 },
    ],
  };
}

/**
 * Seed everything once. Primary course: organisations (overwrites), the
 * capability catalogue, every ROCU baseline, then the demo officers, then the
 * marker. A table that has the marker is left alone.
 */
export async function seedAll(options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Before the marker check: a table seeded before contacts existed gets them too (idempotent Puts).
  await seedContacts();
  // Demo courses for a table seeded before courses existed (their own marker; they need the demo officers).
  if (options.scenario !== false && (await alreadySeeded())) await seedDemoCourses(COURSES_MARKER);
  // Likewise the demo secondments.
  if (options.scenario !== false && (await alreadySeeded())) await seedDemoSecondments(`${SEED_VERSION}-secondments`);
  if (await alreadySeeded()) return { seeded: false, ms: elapsed() };

  const concurrency = options.concurrency ?? 8;
  const progress = options.onProgress ?? (() => {});
  const counts: SeedCounts = {
    organisations: 0,
    capabilities: { created: 0, existing: 0 },
    baselines: { created: 0, existing: 0 },
    officers: { created: 0, existing: 0 },
    conflictRetries: 0,
  };
  const retried = () => {
    counts.conflictRetries++;
  };
  const step = (stage: SeedStage, total: number) => {
    let done = 0;
    return () => progress({ stage, done: ++done, total });
  };

  // Reference data is plain overwrites: repeating them changes nothing.
  const orgDone = step('organisations', ORGANISATIONS.length);
  await forEachLimit(ORGANISATIONS, concurrency, async (org) => {
    await putOrganisation(org);
    counts.organisations++;
    orgDone();
  });

  const capDone = step('capabilities', CAPABILITIES.length);
  await forEachLimit(CAPABILITIES, concurrency, async (capability) => {
    try {
      await withConflictRetry(() => createCapability(capability, SYSTEM_ACTOR), retried);
      counts.capabilities.created++;
    } catch (err) {
      if (!isExisting(err)) throw err;
      counts.capabilities.existing++;
    }
    capDone();
  });

  // Version 0 creates a baseline (or fills one that exists only as counters);
  // a baseline an earlier run already set is at version 1 and answers 409.
  // When an earlier run got as far as the catalogue, look before writing: a
  // read is far cheaper than a transaction DynamoDB has to cancel.
  const resuming = counts.capabilities.existing > 0;
  const baseDone = step('baselines', BASELINES.length);
  await forEachLimit(BASELINES, concurrency, async (b) => {
    if (resuming && ((await getBaseline(b.orgId, b.capabilityId))?.version ?? 0) > 0) {
      counts.baselines.existing++;
      return baseDone();
    }
    try {
      await withConflictRetry(
        () =>
          updateBaseline(b.orgId, b.capabilityId, { minimum: b.minimum, ...establishmentOf(b, new Date()) }, { version: 0, via: 'body' }, SYSTEM_ACTOR),
        retried,
      );
      counts.baselines.created++;
    } catch (err) {
      if (!isExisting(err)) throw err;
      counts.baselines.existing++;
    }
    baseDone();
  });

  // A staff number is unique within its organisation, so an officer an
  // earlier, unfinished run created answers 409 and is skipped (the safety
  // net behind the look-up when resuming).
  const officers = generateDemoOfficers(options.asOf ? { asOf: options.asOf } : {});
  const offDone = step('officers', officers.length);
  await forEachLimit(officers, concurrency, async (officer) => {
    if (resuming && (await findOfficerIdByStaffNumber(officer.homeOrgId, officer.staffNumber))) {
      counts.officers.existing++;
      return offDone();
    }
    try {
      await withConflictRetry(() => createOfficer(officer, SYSTEM_ACTOR), retried);
      counts.officers.created++;
    } catch (err) {
      if (!isExisting(err)) throw err;
      counts.officers.existing++;
    }
    offDone();
  });

  // The walk-through campaign, through the API's own use cases, once: its own marker
  // keeps a run that stopped between it and the main marker from making a second one.
  if (options.scenario !== false && !(await scenarioSeeded())) {
    const scenario = await seedScenario();
    await markScenario(scenario.campaignId);
    progress({ stage: 'scenario', done: 1, total: 1 });
  }
  // The demo training courses, once (their own marker, like the scenario's).
  if (options.scenario !== false) await seedDemoCourses(COURSES_MARKER);
  // The demo secondments in flight both ways, once (their own marker; they need the demo officers).
  const secondments = options.scenario !== false ? await seedDemoSecondments(`${SEED_VERSION}-secondments`) : undefined;
  // The demo PIP records, once; after the secondments, whose completed PIP-development one it leaves awaiting sign-off.
  if (options.scenario !== false) await seedDemoPip(`${SEED_VERSION}-pip`);

  await writeMarker(counts);
  return { seeded: true, counts, ...(secondments ? { secondments } : {}), ms: elapsed() };
}
