import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OfficerCommitment } from '../domain/commitments';
import { counterDeltas, type CountedOfficer, type CounterDelta } from '../domain/officer-counters';
import { pipelineDeltas } from '../domain/pip-rules';
import { nextArrival, officerDueDate, servingOrgOf } from '../domain/posting';
import type { PipLevel } from '../domain/reference';
import { ConflictError, ValidationError, type AppError } from '../errors';
import { staleVersionError, type ExpectedVersion } from './expected-version';
import { newId, nowIso } from '../ids';
import type { CreateOfficerInput, Officer, PendingTransfer } from '../schemas/officer.schema';
import { auditAction, type Actor } from './audit.repository';
import { capabilityExists, counterUpdateAction } from './capability.repository';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { organisationExists } from './organisation.repository';
import { decodeCursor, encodeCursor, type Page } from './paging';
import { pipelineCounterAction } from './report.repository';
import { queryAll } from './query-all';
import { queryPage } from './query-page';
import { transactWrite, type GuardedAction } from './transact';

/** The fields of an officer a change may touch. */
export type OfficerChange = Partial<
  Pick<Officer, 'name' | 'homeOrgId' | 'capabilities' | 'vetting' | 'vettingExpiresOn' | 'pipLevel' | 'region' | 'status' | 'email' | 'servingOrgId' | 'servingUntil' | 'leavingOn'>
>;


/**
 * An officer as stored may also carry `pipTargetLevel`: the PIP level they are
 * developing towards (set and cleared by the PIP record's use cases). It is on
 * the officer item, beside `pipLevel`, so that every officer write sees it and
 * keeps the PIP pipeline counters exact; the officer's API shape leaves it out
 * (the PIP record shows it).
 */
export type OfficerWithPip = Officer & { pipTargetLevel?: PipLevel | null };

/** The PIP level an officer is developing towards, or null. */
export function pipTargetOf(officer: Officer): PipLevel | null {
  return (officer as OfficerWithPip).pipTargetLevel ?? null;
}

export function officerFromItem(item: Record<string, unknown>): Officer {
  const officer: OfficerWithPip = {
    id: item.id as string,
    name: item.name as string,
    staffNumber: (item.staffNumber as string | undefined) ?? null,
    email: (item.email as string | undefined) ?? null,
    homeOrgId: item.homeOrgId as string,
    servingOrgId: (item.servingOrgId as string | undefined) ?? null,
    servingUntil: (item.servingUntil as string | undefined) ?? null,
    leavingOn: (item.leavingOn as string | undefined) ?? null,
    capabilities: (item.capabilities as string[] | undefined) ?? [],
    vetting: item.vetting as Officer['vetting'],
    vettingExpiresOn: (item.vettingExpiresOn as string | undefined) ?? null,
    pipLevel: Number(item.pipLevel ?? 0),
    region: item.region as Officer['region'],
    status: (item.status as Officer['status']) ?? 'active',
    commitments: (item.commitments as OfficerCommitment[] | undefined) ?? [],
    pendingTransfer: (item.pendingTransfer as PendingTransfer | undefined) ?? null,
    version: Number(item.version ?? 1),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
  if (item.pipTargetLevel !== undefined && item.pipTargetLevel !== null) officer.pipTargetLevel = Number(item.pipTargetLevel) as PipLevel;
  return officer;
}

/**
 * The stored officer item (also what the bulk loader of `npm run bench` writes).
 * While a transfer is pending the item is also on gsi3, in the receiving
 * organisation's incoming partition; every officer write is a Put of the
 * whole item, so clearing the transfer takes it off the index.
 */
export function officerItem(officer: Officer): Record<string, unknown> {
  const transfer = officer.pendingTransfer ?? undefined;
  const arrival = nextArrival(officer);
  return {
    ...keys.officer(officer.id),
    ...keys.officerByOrg(servingOrgOf(officer), officer.name, officer.id),
    ...(arrival ? keys.officerArriving(arrival.orgId, arrival.date, officer.id) : {}),
    ...(transfer ? keys.officerTransferIncoming(transfer.toOrgId, transfer.proposedAt, officer.id) : {}),
    entity: 'officer',
    ...officer,
    // For the officer list's name search, which matches any part of the name in any case.
    searchName: officer.name.toLowerCase(),
    // Empty lists and nulls are stored as absent attributes.
    capabilities: officer.capabilities,
    staffNumber: officer.staffNumber ?? undefined,
    email: officer.email ?? undefined,
    vettingExpiresOn: officer.vettingExpiresOn ?? undefined,
    servingOrgId: officer.servingOrgId ?? undefined,
    servingUntil: officer.servingUntil ?? undefined,
    leavingOn: officer.leavingOn ?? undefined,
    pipTargetLevel: pipTargetOf(officer) ?? undefined,
    commitments: officer.commitments?.length ? officer.commitments : undefined,
    pendingTransfer: transfer,
  };
}

/** The officer's live commitments elsewhere. */
export function commitmentsOf(officer: Officer): OfficerCommitment[] {
  return officer.commitments ?? [];
}

function counted(o: Officer): CountedOfficer {
  return {
    homeOrgId: o.homeOrgId,
    servingOrgId: o.servingOrgId ?? null,
    capabilities: o.capabilities,
    vetting: o.vetting,
    pipLevel: o.pipLevel as CountedOfficer['pipLevel'],
    status: o.status,
    committed: commitmentsOf(o).length > 0,
    pipTargetLevel: pipTargetOf(o),
  };
}

/** The PIP pipeline counter changes of an officer write (see pipelineDeltas), as transaction actions. */
function pipelineActions(officerId: string, before: Officer | undefined, after: Officer | undefined): GuardedAction[] {
  return pipelineDeltas(officerId, before && counted(before), after && counted(after)).map(pipelineCounterAction);
}

/**
 * The officer's due item as the officer write from `before` to `after` leaves
 * it (see keys.officerDue): Put with the new date, Deleted when no date is
 * left, nothing when the date did not move. Rides in the officer write's own
 * transaction, so the officer job's index never disagrees with the record.
 */
export function officerDueActions(before: Officer | undefined, after: Officer): GuardedAction[] {
  const was = before ? officerDueDate(before) : null;
  const next = officerDueDate(after);
  if (was === next) return [];
  if (next === null) return [{ action: { Delete: { TableName: tableName(), Key: keys.officerDue(after.id) } } }];
  return [{ action: { Put: { TableName: tableName(), Item: officerDueItem(after)! } } }];
}

/** The officer's due item as stored (also what the bench's bulk load writes), or undefined when nothing is due. */
export function officerDueItem(officer: Officer): Record<string, unknown> | undefined {
  const due = officerDueDate(officer);
  return due === null ? undefined : { ...keys.officerDue(officer.id), ...keys.officerDueMarker(due, officer.id), entity: 'officer-due', officerId: officer.id, dueOn: due };
}

/** The organisations an officer write concerns, for the audit entry: home and the unit served in, before and after. */
function officerOrgIds(...officers: Officer[]): string[] {
  return [...new Set(officers.flatMap((o) => [o.homeOrgId, servingOrgOf(o)]))];
}

/** Guard, inside the transaction, that the home organisation exists. */
function homeOrgGuard(homeOrgId: string): GuardedAction {
  return organisationExists(homeOrgId, () =>
    new ValidationError(`No organisation "${homeOrgId}".`, [{ field: 'homeOrgId', message: 'unknown organisation' }]),
  );
}

/** Guard, inside the transaction, that every capability named is in the catalogue. */
function capabilityGuards(capabilities: readonly string[]): GuardedAction[] {
  return capabilities.map((c) =>
    capabilityExists(c, () => new ValidationError(`No capability "${c}".`, [{ field: 'capabilities', message: `unknown capability ${c}` }])),
  );
}

/** The item claiming a staff number within an organisation. */
export function staffNumberClaimItem(orgId: string, staffNumber: string, officerId: string): Record<string, unknown> {
  return { ...keys.staffNumber(orgId, staffNumber), entity: 'staff-number', officerId };
}

function staffNumberClaim(orgId: string, staffNumber: string, officerId: string): GuardedAction {
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: staffNumberClaimItem(orgId, staffNumber, officerId),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () =>
      new ConflictError(`Staff number ${staffNumber} is already used by another officer of ${orgId}.`, [
        { field: 'staffNumber', message: 'already used in this organisation' },
      ]),
  };
}

/**
 * Create an officer. Primary course: one transaction puts the officer, claims
 * the staff number within the organisation, checks the organisation and
 * capabilities exist, adds one to the strength (and holder counters) of each
 * capability the officer holds, and writes the audit entry.
 */
export async function createOfficer(
  input: CreateOfficerInput & { status?: Officer['status'] },
  actor: Actor,
  now = nowIso(),
): Promise<Officer> {
  const officer: Officer = {
    id: newId('off'),
    name: input.name,
    staffNumber: input.staffNumber ?? null,
    email: input.email ?? null,
    homeOrgId: input.homeOrgId,
    servingOrgId: input.servingOrgId && input.servingOrgId !== input.homeOrgId ? input.servingOrgId : null,
    servingUntil: input.servingOrgId && input.servingOrgId !== input.homeOrgId ? (input.servingUntil ?? null) : null,
    leavingOn: input.leavingOn ?? null,
    capabilities: [...input.capabilities],
    vetting: input.vetting,
    vettingExpiresOn: input.vettingExpiresOn ?? null,
    pipLevel: input.pipLevel,
    region: input.region,
    status: input.status ?? 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await transactWrite([
    {
      action: { Put: { TableName: tableName(), Item: officerItem(officer), ConditionExpression: 'attribute_not_exists(pk)' } },
      onConditionFailed: () => new ConflictError('An officer with this id already exists.'),
    },
    ...(officer.staffNumber ? [staffNumberClaim(officer.homeOrgId, officer.staffNumber, officer.id)] : []),
    homeOrgGuard(officer.homeOrgId),
    ...capabilityGuards(officer.capabilities),
    ...(officer.servingOrgId ? [homeOrgGuard(officer.servingOrgId)] : []),
    ...counterDeltas(undefined, counted(officer)).map((d) => counterUpdateAction(d)),
    ...pipelineActions(officer.id, undefined, officer),
    ...officerDueActions(undefined, officer),
    auditAction({
      entityType: 'officer',
      entityId: officer.id,
      action: 'officer.created',
      actor,
      orgIds: officerOrgIds(officer),
      changes: {
        homeOrgId: officer.homeOrgId,
        capabilities: officer.capabilities,
        vetting: officer.vetting,
        pipLevel: officer.pipLevel,
        ...(officer.servingOrgId ? { servingOrgId: officer.servingOrgId, servingUntil: officer.servingUntil } : {}),
        ...(officer.leavingOn ? { leavingOn: officer.leavingOn } : {}),
      },
      at: now,
    }),
  ]);
  return officer;
}

export async function getOfficer(officerId: string, consistent = false): Promise<Officer | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.officer(officerId), ConsistentRead: consistent }),
  );
  return out.Item ? officerFromItem(out.Item) : undefined;
}

/** The officer id holding a staff number in an organisation (CSV import matches rows by it). */
export async function findOfficerIdByStaffNumber(orgId: string, staffNumber: string): Promise<string | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.staffNumber(orgId, staffNumber), ConsistentRead: true }),
  );
  return out.Item?.officerId as string | undefined;
}

/** Which fields differ, for the audit entry and to skip writes that change nothing. */
export function changedFields(before: Officer, change: OfficerChange): OfficerChange {
  const diff: OfficerChange = {};
  for (const [key, value] of Object.entries(change) as [keyof OfficerChange, unknown][]) {
    if (value === undefined) continue;
    const old = before[key];
    const same = Array.isArray(value) && Array.isArray(old) ? JSON.stringify([...value].sort()) === JSON.stringify([...old].sort()) : old === value;
    if (!same) (diff as Record<string, unknown>)[key] = value;
  }
  return diff;
}

/**
 * Change an officer. Primary course: the officer item is updated only if its
 * version is still the one the caller read, and in the same transaction every
 * affected baseline's counters move (an accreditation gained or lost, a move of
 * home, leaving the service), so strength is never out of step with officers.
 * A change that changes nothing writes nothing.
 */
export async function updateOfficer(
  before: Officer,
  change: OfficerChange,
  expected: ExpectedVersion,
  actor: Actor,
  now = nowIso(),
): Promise<{ officer: Officer; changed: boolean }> {
  const stale = () => staleVersionError('officer record', expected);
  if (before.version !== expected.version) throw stale();

  const diff = changedFields(before, change);
  if (Object.keys(diff).length === 0) return { officer: before, changed: false };

  const merged: Officer = { ...before, ...diff, version: before.version + 1, updatedAt: now };
  // A posting ended (servingOrgId null) takes its end date with it.
  const after: Officer = merged.servingOrgId ? merged : { ...merged, servingOrgId: null, servingUntil: null };
  const movedHome = after.homeOrgId !== before.homeOrgId;

  const actions: GuardedAction[] = [
    {
      // Put the whole item, conditioned on the version read: a lost update is impossible.
      action: {
        Put: {
          TableName: tableName(),
          Item: officerItem(after),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expected.version },
        },
      },
      onConditionFailed: stale,
    },
    // Only what the change names needs checking: a new home, a new list of capabilities.
    ...(movedHome ? [homeOrgGuard(after.homeOrgId)] : []),
    ...capabilityGuards(diff.capabilities ?? []),
    ...counterDeltas(counted(before), counted(after)).map((d) => counterUpdateAction(d)),
    ...pipelineActions(after.id, before, after),
    ...officerDueActions(before, after),
  ];
  if (movedHome && before.staffNumber) {
    // The staff number belongs to the old organisation's numbering; release it there and claim it in the new one.
    actions.push(
      {
        action: {
          Delete: {
            TableName: tableName(),
            Key: keys.staffNumber(before.homeOrgId, before.staffNumber),
            // Only this officer's own claim is released.
            ConditionExpression: 'attribute_not_exists(pk) OR officerId = :id',
            ExpressionAttributeValues: { ':id': before.id },
          },
        },
      },
      staffNumberClaim(after.homeOrgId, before.staffNumber, after.id),
    );
  }
  actions.push(
    auditAction({
      entityType: 'officer',
      entityId: after.id,
      action: movedHome
        ? 'officer.moved-home'
        : after.status === 'left' && before.status !== 'left'
          ? 'officer.left'
          : before.servingOrgId && !after.servingOrgId
            ? 'officer.posting-ended'
            : 'officer.updated',
      actor,
      orgIds: officerOrgIds(before, after),
      changes: diff as Record<string, unknown>,
      at: now,
    }),
  );
  await transactWrite(actions);
  return { officer: after, changed: true };
}

export interface OfficerFilter {
  capabilityId?: string;
  status?: Officer['status'];
  /** Part of the name, any case: "smith" finds "Jo Smith" and "Sam Smithson". */
  name?: string;
  /** Vetting that runs out before this day (YYYY-MM-DD); officers with no expiry recorded are left out. */
  vettingExpiresBefore?: string;
}

/**
 * A filtered page reads up to this many officers per Query, and at most
 * MAX_FILTERED_ROUNDS Queries: a sparse filter still fills a page without
 * reading the whole organisation (500 officers at most per page).
 */
const FILTERED_READ = 100;
const MAX_FILTERED_ROUNDS = 5;

/** The start key a page ends on, when the page stops inside what a Query returned. */
function gsi1KeyOf(item: Record<string, unknown>): Record<string, unknown> {
  return { gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk, pk: item.pk, sk: item.sk };
}

/**
 * Officers serving in one organisation (its own at home and those posted
 * into it) in name order: Queries of gsi1, filtered server-side. Unfiltered, one
 * Query of `limit` officers. Filtered, a Query may match few of what it
 * reads, so up to MAX_FILTERED_ROUNDS Queries of FILTERED_READ fill the
 * page; the cursor carries on from the last officer read (or returned, when
 * a Query matched more than the page has room for).
 */
export async function listOfficersOfOrg(
  orgId: string,
  filter: OfficerFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Officer>> {
  const gsi1pk = keys.officersOfOrg(orgId);
  const filters: string[] = [];
  const values: Record<string, unknown> = { ':pk': gsi1pk };
  const names: Record<string, string> = {};
  if (filter.capabilityId) {
    filters.push('contains(capabilities, :cap)');
    values[':cap'] = filter.capabilityId;
  }
  if (filter.status) {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = filter.status;
  }
  if (filter.name) {
    // searchName is the name in lower case; an item written before it existed is matched on its name as written.
    filters.push('(contains(searchName, :name) OR contains(#name, :nameAsTyped))');
    names['#name'] = 'name';
    values[':name'] = filter.name.toLowerCase();
    values[':nameAsTyped'] = filter.name;
  }
  if (filter.vettingExpiresBefore) {
    filters.push('vettingExpiresOn < :expiresBefore');
    values[':expiresBefore'] = filter.vettingExpiresBefore;
  }
  const rounds = filters.length ? MAX_FILTERED_ROUNDS : 1;
  const found: Record<string, unknown>[] = [];
  let start = decodeCursor(page.cursor, { attribute: 'gsi1pk', value: gsi1pk });
  for (let round = 0; round < rounds; round++) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
        Limit: filters.length ? Math.max(page.limit, FILTERED_READ) : page.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const items = out.Items ?? [];
    const room = page.limit - found.length;
    if (items.length > room) {
      found.push(...items.slice(0, room));
      start = gsi1KeyOf(found[found.length - 1]!);
      break;
    }
    found.push(...items);
    start = out.LastEvaluatedKey;
    if (!start || found.length >= page.limit) break;
  }
  const cursor = encodeCursor(start);
  return { items: found.map(officerFromItem), ...(cursor ? { cursor } : {}) };
}

/**
 * The officers of one home organisation with a live commitment elsewhere
 * (an accepted move, a confirmed outbound secondment): who its teams'
 * `committedOut` counts. A Query of gsi1 read to the end with a filter, so
 * only those officers come back; it reads the organisation's officer items
 * (one round trip per 1 MB, a few thousand officers).
 */
export async function listCommittedOfficersOfOrg(orgId: string): Promise<Officer[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: 'attribute_exists(commitments)',
    ExpressionAttributeValues: { ':pk': keys.officersOfOrg(orgId) },
  });
  return items.map(officerFromItem);
}

// ---------------------------------------------------------------- an officer change inside another transaction

/** What an officer contributes to the counters of its home unit (the input of `counterDeltas`). */
export function countedOfficer(officer: Officer): CountedOfficer {
  return counted(officer);
}

/**
 * An officer change as transaction actions, for a use case whose transaction
 * holds more than the officer (a move taking effect also appoints the
 * application and releases its commitment on a baseline the officer leaves).
 * Written as `updateOfficer` writes it: the whole item Put on the condition
 * that its version is still the one read, the new home checked to exist, and
 * on a move the staff-number claim released in the old organisation (and
 * claimed in the new one only if `after` keeps a staff number), and the PIP
 * pipeline counters moved (no other action of a transaction touches a
 * pipeline item, so nothing needs merging with them). Not included:
 * the counter changes, which the caller merges with its own changes to the
 * same baselines (a transaction may not touch one item twice), from
 * `counterDeltas(countedOfficer(before), countedOfficer(after))`; and the
 * audit entry, whose action and note are the caller's.
 */
export function officerUpdateActions(before: Officer, after: Officer, onStale: () => AppError): GuardedAction[] {
  const movedHome = after.homeOrgId !== before.homeOrgId;
  const actions: GuardedAction[] = [
    {
      action: {
        Put: {
          TableName: tableName(),
          Item: officerItem(after),
          ConditionExpression: 'attribute_exists(pk) AND version = :expected',
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      onConditionFailed: onStale,
    },
    ...(movedHome ? [homeOrgGuard(after.homeOrgId)] : []),
    ...pipelineActions(after.id, before, after),
    ...officerDueActions(before, after),
  ];
  if (movedHome && before.staffNumber) {
    // The number belongs to the old organisation's numbering. Conditioned, so a claim that is not
    // this officer's (it should not happen, but uniqueness rests on it) is never deleted.
    actions.push({
      action: {
        Delete: {
          TableName: tableName(),
          Key: keys.staffNumber(before.homeOrgId, before.staffNumber),
          ConditionExpression: 'attribute_not_exists(pk) OR officerId = :officerId',
          ExpressionAttributeValues: { ':officerId': before.id },
        },
      },
      onConditionFailed: () => new ConflictError(`Staff number ${before.staffNumber} of ${before.homeOrgId} is claimed by another officer.`),
    });
  }
  if (movedHome && after.staffNumber) {
    actions.push(staffNumberClaim(after.homeOrgId, after.staffNumber, after.id));
  }
  return actions;
}

/** What a commitment's write does to the officer and the counters, and the actions that do it. */
export interface CommitmentWrite {
  after: Officer;
  deltas: CounterDelta[];
  actions: GuardedAction[];
}

/**
 * A change to an officer's commitments (one made, one ended, a secondment's
 * end date moved) as transaction actions: the whole officer item Put on the
 * condition that its version is still the one read, and the counters of
 * every team the officer counts in moved by `counterDeltas` — the same
 * function every other officer write uses, so `committedOut` counts each
 * person once in each team. With `protect`, a team whose `committedOut` goes
 * up must stay at or above its minimum when the transaction commits (rule 4),
 * unless `protect` returns undefined for it (a release decision covers it).
 * The caller adds its own actions and audit entries.
 */
export function commitmentWriteActions(
  before: Officer,
  commitments: OfficerCommitment[],
  at: string,
  onStale: () => AppError,
  protect?: (delta: CounterDelta) => { onBelowMinimum: () => AppError } | undefined,
): CommitmentWrite {
  const after: Officer = { ...before, commitments, version: before.version + 1, updatedAt: at };
  const deltas = counterDeltas(counted(before), counted(after));
  return {
    after,
    deltas,
    actions: [...officerUpdateActions(before, after, onStale), ...deltas.map((d) => counterUpdateAction(d, protect))],
  };
}

// ---------------------------------------------------------------- transfers between organisations

/**
 * Write one step of a transfer (proposed, accepted, declined, cancelled) in
 * one transaction: the officer as `officerUpdateActions` writes it (the whole
 * item, on the condition that its version is still the one read; on an
 * accepted transfer the new home checked to exist, the staff-number claim
 * released and the PIP pipeline counters moved), the counters of every
 * baseline the officer leaves or joins (`counterDeltas`, nothing unless the
 * home moved), any further guards (the receiving organisation exists), and
 * the audit entry in the officer's trail, which both organisations read.
 */
export async function saveOfficerTransfer(
  before: Officer,
  after: Officer,
  audit: { action: string; actor: Actor; note?: string; changes: Record<string, unknown>; at: string },
  options: { onStale: () => AppError; guards?: GuardedAction[] },
): Promise<void> {
  const orgIds = [...new Set([...officerOrgIds(before, after), before.pendingTransfer?.toOrgId, after.pendingTransfer?.toOrgId].filter((o): o is string => !!o))];
  await transactWrite([
    ...officerUpdateActions(before, after, options.onStale),
    ...counterDeltas(counted(before), counted(after)).map((d) => counterUpdateAction(d)),
    ...(options.guards ?? []),
    auditAction({
      entityType: 'officer',
      entityId: after.id,
      action: audit.action,
      actor: audit.actor,
      orgIds,
      ...(audit.note ? { note: audit.note } : {}),
      changes: audit.changes,
      at: audit.at,
    }),
  ]);
}

/** Guard, inside a transfer's transaction, that the receiving organisation exists. */
export function receivingOrgGuard(toOrgId: string): GuardedAction {
  return organisationExists(toOrgId, () =>
    new ValidationError(`No organisation "${toOrgId}".`, [{ field: 'toOrgId', message: 'unknown organisation' }]),
  );
}

/** Officers whose transfer to `orgId` waits for its HR lead, oldest proposal first: a Query of gsi3. */
export async function listIncomingTransfers(orgId: string, page: { limit: number; cursor?: string }): Promise<Page<Officer>> {
  return queryPage({ index: 'gsi3', partition: keys.transfersIncomingTo(orgId), page, fromItem: officerFromItem });
}

// ---------------------------------------------------------------- postings and leaving dates

/**
 * Write a change of an officer the service or a person makes outside PATCH
 * (a posting extended, a posting's end or a leaving date reached) in one
 * transaction: the officer as `officerUpdateActions` writes it (the whole
 * item on the version read, the due item moved with its date), the counters
 * of every team the officer leaves or joins (`counterDeltas`: a posting's end
 * moves them from the unit served in to the home), and the audit entry.
 */
export async function saveOfficerChange(
  before: Officer,
  after: Officer,
  audit: { action: string; actor: Actor; note?: string; changes: Record<string, unknown>; at: string },
  options: { onStale: () => AppError; maxAttempts?: number },
): Promise<CounterDelta[]> {
  const deltas = counterDeltas(counted(before), counted(after));
  await transactWrite(
    [
      ...officerUpdateActions(before, after, options.onStale),
      ...deltas.map((d) => counterUpdateAction(d)),
      auditAction({
        entityType: 'officer',
        entityId: after.id,
        action: audit.action,
        actor: audit.actor,
        orgIds: officerOrgIds(before, after),
        ...(audit.note ? { note: audit.note } : {}),
        changes: audit.changes,
        at: audit.at,
      }),
    ],
    options.maxAttempts ? { maxAttempts: options.maxAttempts } : undefined,
  );
  return deltas;
}

/**
 * Officers with a posting's end or a leaving date on or before `today`,
 * oldest first: gsi3 `DUE#OFFICER` with `gsi3sk <= '<today>#~'` (see
 * queryDueMoveIds for the bound). The index lags the table: the job re-reads
 * each officer before acting.
 */
export async function queryDueOfficerIds(today: string, page: { limit: number; start?: Record<string, unknown> }): Promise<{ ids: string[]; next?: Record<string, unknown> }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.officersDuePartition, ':until': `${today}#~` },
      ProjectionExpression: 'officerId',
      Limit: page.limit,
      ...(page.start ? { ExclusiveStartKey: page.start } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((item) => item.officerId).filter((id): id is string => typeof id === 'string');
  return { ids, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey as Record<string, unknown> } : {}) };
}

/** Every officer serving in an organisation (gsi1, all pages; the forecast's roster of the unit's teams). */
export async function listOfficersServingIn(orgId: string): Promise<Officer[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: '#status = :active',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':pk': keys.officersOfOrg(orgId), ':active': 'active' },
  });
  return items.map(officerFromItem);
}

/** Every officer who will next start counting in an organisation's teams (gsi2 `ORG#<org>#ARRIVING`, all pages). */
export async function listOfficersArrivingAt(orgId: string): Promise<Officer[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.officersArrivingAt(orgId) },
  });
  return items.map(officerFromItem);
}
