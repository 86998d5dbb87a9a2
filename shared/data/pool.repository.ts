import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { VettingLevel } from '../domain/reference';
import { ConflictError, type AppError } from '../errors';
import type { PoolInvitation } from '../schemas/pool.schema';
import { documentClient, tableName } from './client';
import { keys, poolKeys } from './keys';
import { decodeCursor, encodeCursor, type Page } from './paging';
import type { GuardedAction } from './transact';

/** A pool entry as stored: the summary a recruiter sees, taken when the officer consented. */
export interface PoolEntry {
  /** The source application's id. */
  entryId: string;
  capabilityId: string;
  officerId: string;
  officerName: string;
  homeOrgId: string;
  vetting: VettingLevel;
  pipLevel: number;
  sourceCampaignId: string;
  sourceCampaignTitle: string;
  sourceOrgIds: string[];
  pooledAt: string;
  /** The source application's createdAt (half of the sort key). */
  applicationCreatedAt: string;
}

/** The fields of an application that place its pool entry. */
export type PooledApplication = { id: string; capabilityId: string; createdAt: string };

function entryKey(app: PooledApplication) {
  return poolKeys.entry(app.capabilityId, app.createdAt, app.id);
}

function poolEntryFromItem(item: Record<string, unknown>): PoolEntry {
  return {
    entryId: item.entryId as string,
    capabilityId: item.capabilityId as string,
    officerId: item.officerId as string,
    officerName: item.officerName as string,
    homeOrgId: item.homeOrgId as string,
    vetting: item.vetting as VettingLevel,
    pipLevel: Number(item.pipLevel),
    sourceCampaignId: item.sourceCampaignId as string,
    sourceCampaignTitle: item.sourceCampaignTitle as string,
    sourceOrgIds: (item.sourceOrgIds as string[]) ?? [],
    pooledAt: item.pooledAt as string,
    applicationCreatedAt: item.applicationCreatedAt as string,
  };
}

// ---------------------------------------------------------------- writes (as transaction actions)

/**
 * Put a pool entry. Unconditional: it rides with the application's Put,
 * conditioned on the version in which consent was not yet given, so this is
 * the only writer of the entry at that moment.
 */
export function putPoolEntryAction(entry: PoolEntry): GuardedAction {
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: { ...poolKeys.entry(entry.capabilityId, entry.applicationCreatedAt, entry.entryId), entity: 'pool-entry', ...entry },
      },
    },
  };
}

/** Take an application's entry out of the pool (a no-op if it is not there). */
export function deletePoolEntryAction(app: PooledApplication): GuardedAction {
  return { action: { Delete: { TableName: tableName(), Key: entryKey(app) } } };
}

/** A guard: the candidate is still in the pool when the invitation lands (consent may be withdrawn meanwhile). */
export function poolEntryExistsCheck(app: PooledApplication, onMissing: () => AppError): GuardedAction {
  return {
    action: { ConditionCheck: { TableName: tableName(), Key: entryKey(app), ConditionExpression: 'attribute_exists(pk)' } },
    onConditionFailed: onMissing,
  };
}

/** A guard: the officer has not applied to the campaign (its one-application-per-officer claim is absent). */
export function notYetAppliedCheck(campaignId: string, officerId: string, onApplied: () => AppError): GuardedAction {
  return {
    action: {
      ConditionCheck: { TableName: tableName(), Key: keys.campaignApplicant(campaignId, officerId), ConditionExpression: 'attribute_not_exists(pk)' },
    },
    onConditionFailed: onApplied,
  };
}

/** A stored invitation: what the officer sees, plus who invited and from which pool entry. */
export type StoredInvitation = PoolInvitation;

/** An invitation, once per officer per campaign: a second one is a 409, decided by the condition rather than a read. */
export function putInvitationAction(invitation: StoredInvitation): GuardedAction {
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: { ...poolKeys.invitation(invitation.officerId, invitation.campaignId), entity: 'pool-invitation', ...invitation },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () =>
      new ConflictError('This candidate has already been invited to this campaign.', [{ field: 'entryId', message: 'already invited' }]),
  };
}

// ---------------------------------------------------------------- reads

/** One page of a capability's pool, newest applications first. */
export async function listPoolEntries(capabilityId: string, page: { limit: number; cursor?: string }): Promise<Page<PoolEntry>> {
  const pk = poolKeys.partition(capabilityId);
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'pk', value: pk }),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(poolEntryFromItem), ...(cursor ? { cursor } : {}) };
}

/** BatchGetItem takes at most 100 keys. */
const MAX_BATCH_KEYS = 100;
/** Rounds for keys DynamoDB returned unprocessed (throttling); a few, with a short backoff. */
const MAX_ROUNDS = 4;

type Key = { pk: string; sk: string };

async function batchGet(allKeys: Key[], projection: string): Promise<Record<string, unknown>[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < allKeys.length; i += MAX_BATCH_KEYS) chunks.push(allKeys.slice(i, i + MAX_BATCH_KEYS));
  const results = await Promise.all(
    chunks.map(async (chunk) => {
      const found: Record<string, unknown>[] = [];
      let left: Record<string, unknown>[] = chunk;
      for (let round = 1; left.length > 0; round++) {
        const out = await documentClient().send(
          new BatchGetCommand({
            RequestItems: { [tableName()]: { Keys: left, ProjectionExpression: projection, ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' } } },
          }),
        );
        found.push(...(out.Responses?.[tableName()] ?? []));
        left = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
        if (left.length && round >= MAX_ROUNDS) throw new Error(`pool: ${left.length} key(s) still unprocessed after ${round} rounds`);
        if (left.length) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      }
      return found;
    }),
  );
  return results.flat();
}

/**
 * For the officers on one page of the pool: who has already applied to the
 * campaign (its applicant claims) and when each was invited to it. One
 * BatchGetItem (two keys per officer), chunked in parallel past 100 keys.
 */
export async function applicantsAndInvitations(
  campaignId: string,
  officerIds: readonly string[],
): Promise<{ applied: Set<string>; invitedAt: Map<string, string> }> {
  // Each key read, by its `pk|sk`, to the officer and what finding it means.
  const wanted = new Map<string, { key: Key; officerId: string; kind: 'applied' | 'invited' }>();
  for (const officerId of new Set(officerIds)) {
    for (const [kind, key] of [
      ['applied', keys.campaignApplicant(campaignId, officerId)],
      ['invited', poolKeys.invitation(officerId, campaignId)],
    ] as const) {
      wanted.set(`${key.pk}|${key.sk}`, { key, officerId, kind });
    }
  }
  const items = wanted.size ? await batchGet([...wanted.values()].map((w) => w.key), '#pk, #sk, invitedAt') : [];
  const applied = new Set<string>();
  const invitedAt = new Map<string, string>();
  for (const item of items) {
    const found = wanted.get(`${String(item.pk)}|${String(item.sk)}`);
    if (found?.kind === 'applied') applied.add(found.officerId);
    if (found?.kind === 'invited') invitedAt.set(found.officerId, String(item.invitedAt));
  }
  return { applied, invitedAt };
}

/** One officer's invitations, newest campaign first (campaign ids sort by creation time). */
export async function listInvitationsOfOfficer(officerId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredInvitation>> {
  const pk = keys.officer(officerId).pk;
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': poolKeys.invitationPrefix },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'pk', value: pk }),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  const items = (out.Items ?? []).map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => ({ message: null, ...rest }) as StoredInvitation);
  return { items, ...(cursor ? { cursor } : {}) };
}
