import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { projectedStrength, standingLevel } from '../domain/capability-level';
import { ALL_HOLDER_COUNTERS, CO_HOLDER_PREFIX, type CounterDelta } from '../domain/officer-counters';
import { establishmentAt, type FundingLine } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { ConflictError, NotFoundError, type AppError } from '../errors';
import { staleVersionError, type ExpectedVersion } from './expected-version';
import { nowIso } from '../ids';
import type { Capability, CapabilityRow } from '../schemas/capability.schema';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { organisationExists } from './organisation.repository';
import { queryAll } from './query-all';
import { transactWrite, type GuardedAction } from './transact';

// ---------------------------------------------------------------- catalogue

export async function listCapabilities(): Promise<Capability[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.capabilitiesPartition },
  });
  return items.map((i) => ({ id: i.id as string, name: i.name as string }));
}

/** Add a capability to the catalogue; an id already taken is a conflict, never an overwrite. */
export async function createCapability(capability: Capability, actor: Actor): Promise<Capability> {
  await transactWrite([
    {
      action: {
        Put: {
          TableName: tableName(),
          Item: { ...keys.capability(capability.id), entity: 'capability', ...capability, createdAt: nowIso() },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new ConflictError(`A capability with id "${capability.id}" already exists.`),
    },
    auditAction({ entityType: 'capability', entityId: capability.id, action: 'capability.created', actor, orgIds: [], changes: capability }),
  ]);
  return capability;
}

/** A transaction guard: the capability is in the catalogue. */
export function capabilityExists(capabilityId: string, onMissing: GuardedAction['onConditionFailed']): GuardedAction {
  return {
    action: {
      ConditionCheck: { TableName: tableName(), Key: keys.capability(capabilityId), ConditionExpression: 'attribute_exists(pk)' },
    },
    onConditionFailed: onMissing,
  };
}

// ---------------------------------------------------------------- baselines

export interface Baseline extends CapabilityRow {
  holders: Record<string, number>;
  /** Holders who also hold another capability, by it (`co_<capability>_<vetting>_<pip>`). */
  coHolders: Record<string, number>;
}

/** A stored funding list as the API shows it (an absent `until` is open-ended). */
function fundingFromItem(raw: unknown): { source: string; posts: number; until?: string }[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((l: Record<string, unknown>) => ({ source: String(l.source), posts: Number(l.posts ?? 0), ...(l.until ? { until: String(l.until) } : {}) }));
}

/**
 * A baseline as the service reads it. With funding lines the establishment is
 * their sum today (a line drops out on its `until` date by itself,
 * without a write); without, the number the HR lead set.
 */
export function baselineFromItem(item: Record<string, unknown>): Baseline {
  const strength = Number(item.strength ?? 0);
  const committedOut = Number(item.committedOut ?? 0);
  const minimum = Number(item.minimum ?? 0);
  const holders: Record<string, number> = {};
  for (const name of ALL_HOLDER_COUNTERS) {
    const n = Number(item[name] ?? 0);
    if (n) holders[name] = n;
  }
  const coHolders: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    const n = Number(value ?? 0);
    if (name.startsWith(CO_HOLDER_PREFIX) && n) coHolders[name] = n;
  }
  const funding = fundingFromItem(item.funding);
  return {
    orgId: item.orgId as string,
    capabilityId: item.capabilityId as string,
    strength,
    minimum,
    establishment: funding ? establishmentAt(funding, todayIso()) : Number(item.establishment ?? 0),
    ...(funding ? { funding } : {}),
    committedOut,
    projected: projectedStrength(strength, committedOut),
    level: standingLevel({ strength, committedOut, minimum }),
    version: Number(item.version ?? 0),
    ...(item.updatedAt ? { updatedAt: item.updatedAt as string } : {}),
    holders,
    coHolders,
  };
}

/** A row for a capability the organisation has no baseline item for yet. */
export function emptyBaseline(orgId: string, capabilityId: string): Baseline {
  return baselineFromItem({ orgId, capabilityId });
}

/** Every baseline of one organisation: one Query of its partition. */
export async function listBaselinesOfOrg(orgId: string): Promise<Baseline[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
    ExpressionAttributeValues: { ':pk': keys.orgPartition(orgId), ':sk': keys.baselineSkPrefix },
  });
  return items.map(baselineFromItem);
}

/** Every organisation's baseline for one capability: one Query of gsi1 (impact assessment). */
export async function listBaselinesOfCapability(capabilityId: string): Promise<Baseline[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.baselineByCapability(capabilityId, '').gsi1pk },
  });
  return items.map(baselineFromItem);
}

export async function getBaseline(orgId: string, capabilityId: string): Promise<Baseline | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.baseline(orgId, capabilityId), ConsistentRead: true }),
  );
  return out.Item ? baselineFromItem(out.Item) : undefined;
}

/**
 * Several baselines by key: BatchGetItem in batches of 100 (DynamoDB's limit),
 * in parallel, with unprocessed keys asked for again. A team with no item
 * yet is absent from the result.
 */
export async function getBaselines(teams: readonly { orgId: string; capabilityId: string }[]): Promise<Baseline[]> {
  const all = [...new Map(teams.map((t) => [`${t.orgId}#${t.capabilityId}`, keys.baseline(t.orgId, t.capabilityId)])).values()];
  const batches: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += 100) batches.push(all.slice(i, i + 100));
  const pages = await Promise.all(
    batches.map(async (batch) => {
      const items: Record<string, unknown>[] = [];
      let pending: Record<string, unknown>[] | undefined = batch;
      for (let attempt = 0; pending?.length && attempt < 5; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
        const out = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending } } }));
        items.push(...((out.Responses?.[tableName()] ?? []) as Record<string, unknown>[]));
        pending = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
      }
      if (pending?.length) throw new Error(`${pending.length} baseline(s) left unread after retries`);
      return items;
    }),
  );
  return pages.flat().map(baselineFromItem);
}

/** Attributes every baseline item carries, set only when the item is first made. */
function baselineIdentity(orgId: string, capabilityId: string) {
  return {
    ':orgId': orgId,
    ':capabilityId': capabilityId,
    ':entity': 'baseline',
    ':zero': 0,
    ...Object.fromEntries(Object.entries({ ...keys.baselineByCapability(capabilityId, orgId), ...keys.baselineAll(orgId, capabilityId) }).map(([k, v]) => [`:${k}`, v])),
  };
}

const BASELINE_IDENTITY_SET = [
  'orgId = if_not_exists(orgId, :orgId)',
  'capabilityId = if_not_exists(capabilityId, :capabilityId)',
  'entity = :entity',
  'gsi1pk = :gsi1pk',
  'gsi1sk = :gsi1sk',
  'gsi2pk = :gsi2pk',
  'gsi2sk = :gsi2sk',
  'version = if_not_exists(version, :zero)',
];

/** A change to one baseline's counters. */
export interface BaselineCounterChange {
  orgId: string;
  capabilityId: string;
  /** Holders gained (+) or lost (−). */
  strength?: number;
  /** Holders committed elsewhere (+: an acceptance) or no longer (−). */
  committedOut?: number;
  holders?: Record<string, number>;
  coHolders?: Record<string, number>;
}

/**
 * A change to a baseline's counters as an Update that rides in the caller's
 * transaction (an officer edit, an acceptance, a move taking effect): strength
 * is kept true by the same write that changes the officer, never recounted,
 * and `projected` moves with strength − committedOut in the same ADD. With
 * `protect`, the update holds only while the projection is above the minimum
 * (so an acceptance can never take the team below it); a baseline with no
 * minimum never fails. The identity attributes make a baseline the update
 * creates look like any other.
 */
export function baselineCounterAction(change: BaselineCounterChange, protect?: { onBelowMinimum: () => AppError }): GuardedAction {
  // `projected` (strength − committedOut) is stored as well as derived, because a
  // condition expression cannot do arithmetic: acceptance guards on `projected > minimum`.
  const strength = change.strength ?? 0;
  const committed = change.committedOut ?? 0;
  const adds = [`strength :strength`, `projected :projected`, `committedOut :committed`];
  const values: Record<string, unknown> = {
    ...baselineIdentity(change.orgId, change.capabilityId),
    ':strength': strength,
    ':projected': strength - committed,
    ':committed': committed,
  };
  // Counter names carry capability ids (with hyphens), so every one goes through a name placeholder.
  const names: Record<string, string> = {};
  for (const [i, [name, n]] of [...Object.entries(change.holders ?? {}), ...Object.entries(change.coHolders ?? {})].entries()) {
    names[`#c${i}`] = name;
    values[`:c${i}`] = n;
    adds.push(`#c${i} :c${i}`);
  }
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.baseline(change.orgId, change.capabilityId),
        UpdateExpression: `SET ${BASELINE_IDENTITY_SET.join(', ')} ADD ${adds.join(', ')}`,
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        ...(protect ? { ConditionExpression: 'attribute_not_exists(minimum) OR projected > minimum' } : {}),
      },
    },
    ...(protect ? { onConditionFailed: protect.onBelowMinimum } : {}),
  };
}

/** A whole baseline item: people's numbers (if set) and the service's counters. */
export interface BaselineItemInput {
  orgId: string;
  capabilityId: string;
  /** Set by people (`updateBaseline`); absent on a baseline that exists only as counters. */
  minimum?: number;
  establishment?: number;
  version: number;
  strength: number;
  committedOut: number;
  holders: Record<string, number>;
  coHolders?: Record<string, number>;
  updatedAt?: string;
}

/**
 * A baseline item as the counter Updates and `updateBaseline` leave it, for a
 * bulk load that writes whole items (`npm run bench`); its counters must be
 * the sums of the officers loaded with it, as `counterDeltas` computes them.
 */
export function baselineItem(b: BaselineItemInput): Record<string, unknown> {
  return {
    ...keys.baseline(b.orgId, b.capabilityId),
    ...keys.baselineByCapability(b.capabilityId, b.orgId),
    ...keys.baselineAll(b.orgId, b.capabilityId),
    entity: 'baseline',
    orgId: b.orgId,
    capabilityId: b.capabilityId,
    version: b.version,
    strength: b.strength,
    committedOut: b.committedOut,
    projected: b.strength - b.committedOut,
    ...b.holders,
    ...(b.coHolders ?? {}),
    ...(b.minimum !== undefined ? { minimum: b.minimum, establishment: b.establishment ?? 0 } : {}),
    ...(b.updatedAt ? { updatedAt: b.updatedAt } : {}),
  };
}

/**
 * The counter change an officer write makes to one baseline (see
 * counterDeltas). With `protect`, a change that adds to `committedOut` holds
 * only while the team stays at or above its minimum.
 */
export function counterUpdateAction(delta: CounterDelta, protect?: (delta: CounterDelta) => { onBelowMinimum: () => AppError } | undefined): GuardedAction {
  return baselineCounterAction(delta, delta.committedOut > 0 && delta.strength === 0 ? protect?.(delta) : undefined);
}

export interface BaselineChange {
  minimum?: number;
  establishment?: number;
  /** Replaces the funding lines (an empty list clears them); `establishment` is stored as their sum today too. */
  funding?: FundingLine[];
}

/**
 * Set a baseline's minimum and/or establishment. Optimistic: the write carries
 * the version the caller read and fails if anyone changed the row since
 * (version 0 may also create a row that does not exist yet).
 */
export async function updateBaseline(
  orgId: string,
  capabilityId: string,
  change: BaselineChange,
  expected: ExpectedVersion,
  actor: Actor,
): Promise<Baseline> {
  const now = nowIso();
  const sets = [...BASELINE_IDENTITY_SET.filter((s) => !s.startsWith('version')), 'updatedAt = :now', 'version = :next'];
  const values: Record<string, unknown> = {
    ...baselineIdentity(orgId, capabilityId),
    ':now': now,
    ':next': expected.version + 1,
    ':expected': expected.version,
  };
  for (const counter of ['strength', 'committedOut', 'projected']) sets.push(`${counter} = if_not_exists(${counter}, :zero)`);
  if (change.minimum !== undefined) {
    sets.push('minimum = :minimum');
    values[':minimum'] = change.minimum;
  } else sets.push('minimum = if_not_exists(minimum, :zero)');
  if (change.funding !== undefined) {
    // Stored as well as the lines, for readers of the item that do not compute it (the heatmap's numbers are read through baselineFromItem).
    sets.push('establishment = :establishment', 'funding = :funding');
    values[':establishment'] = establishmentAt(change.funding, todayIso());
    values[':funding'] = change.funding.map((l) => ({ source: l.source, posts: l.posts, ...(l.until ? { until: l.until } : {}) }));
  } else if (change.establishment !== undefined) {
    // One number replaces any funding lines: the establishment is then what the HR lead said.
    sets.push('establishment = :establishment');
    values[':establishment'] = change.establishment;
  } else sets.push('establishment = if_not_exists(establishment, :zero)');

  // Version 0 means "the row I saw did not exist yet" (or exists only as counters).
  const removes = change.funding === undefined && change.establishment !== undefined ? ' REMOVE funding' : '';
  const condition =
    expected.version === 0 ? '(attribute_not_exists(pk) OR version = :expected)' : 'version = :expected';
  const stale = () => staleVersionError('baseline', expected);

  await transactWrite([
    organisationExists(orgId, () => new NotFoundError(`No organisation "${orgId}".`)),
    capabilityExists(capabilityId, () => new NotFoundError(`No capability "${capabilityId}".`)),
    {
      action: {
        Update: {
          TableName: tableName(),
          Key: keys.baseline(orgId, capabilityId),
          UpdateExpression: `SET ${sets.join(', ')}${removes}`,
          ConditionExpression: condition,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: stale,
    },
    auditAction({
      entityType: 'baseline',
      entityId: `${orgId}:${capabilityId}`,
      action: 'baseline.updated',
      actor,
      orgIds: [orgId],
      changes: { ...change },
      at: now,
    }),
  ]);
  const after = await getBaseline(orgId, capabilityId);
  // The transaction returns nothing, so read the row back for the counters the caller did not send.
  return after ?? emptyBaseline(orgId, capabilityId);
}
