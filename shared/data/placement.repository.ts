import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CONFIRMING_STATUSES, takesApplications, type PlacementStatus } from '../domain/secondment-rules';
import { ConflictError, ValidationError, type AppError } from '../errors';
import type { Placement } from '../schemas/placement.schema';
import { auditAction, type Actor } from './audit.repository';
import { capabilityExists } from './capability.repository';
import { documentClient, tableName } from './client';
import { placementKeys } from './keys';
import { organisationExists } from './organisation.repository';
import { decodeCursor, encodeCursor, type Page } from './paging';
import { queryPage } from './query-page';
import { transactWrite, type GuardedAction } from './transact';

/** A placement as stored: what the API shows except the fields derived per caller (`eligible`) or on the way out (`placesLeft`, `takingApplications`). */
export type StoredPlacement = Omit<Placement, 'eligible' | 'placesLeft' | 'takingApplications'>;

function placementFromItem(item: Record<string, unknown>): StoredPlacement {
  return {
    id: item.id as string,
    title: item.title as string,
    hostOrgId: item.hostOrgId as string,
    capabilityId: item.capabilityId as string,
    description: (item.description as string | undefined) ?? null,
    places: Number(item.places),
    confirmed: Number(item.confirmed ?? 0),
    startDate: item.startDate as string,
    durationMonths: Number(item.durationMonths),
    endDate: item.endDate as string,
    region: item.region as string,
    eligibility: item.eligibility as StoredPlacement['eligibility'],
    pipDevelopmentLevel: item.pipDevelopmentLevel === undefined || item.pipDevelopmentLevel === null ? null : Number(item.pipDevelopmentLevel),
    closesOn: item.closesOn as string,
    status: item.status as PlacementStatus,
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

/**
 * The API view on `today`: places left and whether it takes applications are
 * derived, so they can never disagree with `confirmed`, the status or the date.
 */
export function placementView(p: StoredPlacement, today: string): Omit<Placement, 'eligible'> {
  return { ...p, placesLeft: Math.max(0, p.places - p.confirmed), takingApplications: takesApplications(p, today) };
}

function placementItem(p: StoredPlacement): Record<string, unknown> {
  const { description, pipDevelopmentLevel, ...rest } = p;
  return {
    ...placementKeys.placement(p.id),
    ...placementKeys.placementByStatus(p.status, p.closesOn, p.id),
    ...placementKeys.placementByHost(p.hostOrgId, p.closesOn, p.id),
    entity: 'placement',
    ...rest,
    // Absent rather than null, so the `pipDevelopment` filter is `attribute_exists`.
    ...(description !== null ? { description } : {}),
    ...(pipDevelopmentLevel !== null ? { pipDevelopmentLevel } : {}),
  };
}

/**
 * Post a placement: the item (its `confirmed` counter starting at 0), a check
 * that the host organisation and the capability exist, and the audit entry,
 * in one transaction.
 */
export async function createPlacement(p: StoredPlacement, actor: Actor): Promise<StoredPlacement> {
  await transactWrite([
    { action: { Put: { TableName: tableName(), Item: placementItem(p), ConditionExpression: 'attribute_not_exists(pk)' } } },
    organisationExists(p.hostOrgId, () => new ValidationError(`No organisation "${p.hostOrgId}".`, [{ field: 'hostOrgId', message: 'unknown organisation' }])),
    capabilityExists(p.capabilityId, () => new ValidationError(`No capability "${p.capabilityId}".`, [{ field: 'capabilityId', message: 'unknown capability' }])),
    auditAction({
      entityType: 'placement',
      entityId: p.id,
      action: 'placement.created',
      actor,
      orgIds: [p.hostOrgId],
      at: p.createdAt,
      changes: { title: p.title, capabilityId: p.capabilityId, places: p.places, startDate: p.startDate, closesOn: p.closesOn },
    }),
  ]);
  return p;
}

export async function getPlacement(placementId: string, consistent = false): Promise<StoredPlacement | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: placementKeys.placement(placementId), ConsistentRead: consistent }),
  );
  return out.Item ? placementFromItem(out.Item) : undefined;
}

export interface PlacementFilter {
  region?: string;
  capabilityId?: string;
  hostOrgId?: string;
  pipDevelopment?: boolean;
  /** Leave out this host's placements (an officer's own organisation). */
  excludeHostOrgId?: string;
}

/**
 * Open placements still taking applications on `today`, by closing date: a
 * Query of gsi1 `PLACEMENT#STATUS#open` from today on, or, for one host, of
 * its gsi2 partition from today on with the status as a filter. Region,
 * capability and PIP development narrow the page (a filtered page may hold
 * fewer than `limit` items; the cursor carries on).
 */
export async function listOpenPlacements(filter: PlacementFilter, today: string, page: { limit: number; cursor?: string }): Promise<Page<StoredPlacement>> {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':today': today };
  const equals = (field: string, value: unknown) => {
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  };
  if (filter.region) equals('region', filter.region);
  if (filter.capabilityId) equals('capabilityId', filter.capabilityId);
  if (filter.pipDevelopment !== undefined) filters.push(`${filter.pipDevelopment ? 'attribute_exists' : 'attribute_not_exists'}(pipDevelopmentLevel)`);
  if (filter.excludeHostOrgId) {
    filters.push('#hostOrgId <> :excludeHostOrgId');
    names['#hostOrgId'] = 'hostOrgId';
    values[':excludeHostOrgId'] = filter.excludeHostOrgId;
  }

  const byHost = filter.hostOrgId !== undefined;
  if (byHost) equals('status', 'open');
  const [index, pkAttr, skAttr, pk] = byHost
    ? (['gsi2', 'gsi2pk', 'gsi2sk', placementKeys.placementsOfHost(filter.hostOrgId!)] as const)
    : (['gsi1', 'gsi1pk', 'gsi1sk', placementKeys.placementsWithStatus('open')] as const);
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: index,
      // Sort keys start with the closing date: `>= today` keeps only placements still taking applications.
      KeyConditionExpression: `${pkAttr} = :pk AND ${skAttr} >= :today`,
      ExpressionAttributeValues: { ':pk': pk, ...values },
      ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: pkAttr, value: pk }),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(placementFromItem), ...(cursor ? { cursor } : {}) };
}

/**
 * Every placement of one host, whatever its status or dates, latest closing
 * date first: a Query of its gsi2 partition.
 */
export async function listPlacementsOfHost(hostOrgId: string, page: { limit: number; cursor?: string }): Promise<Page<StoredPlacement>> {
  return queryPage({ index: 'gsi2', partition: placementKeys.placementsOfHost(hostOrgId), newestFirst: true, page, fromItem: placementFromItem });
}

// ---------------------------------------------------------------- places (as transaction actions)

/**
 * Take a place: `ADD confirmed 1` on the placement, conditioned on
 * `confirmed < places` and on the placement still confirming places, so
 * hosts accepting at once can never confirm more than there are: the
 * transactions that lose the race get `onFull`.
 */
export function takePlaceAction(placementId: string, at: string, onFull: () => AppError): GuardedAction {
  const statuses = Object.fromEntries(CONFIRMING_STATUSES.map((s, i) => [`:s${i}`, s]));
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: placementKeys.placement(placementId),
        UpdateExpression: 'SET updatedAt = :at ADD confirmed :one',
        ConditionExpression: `confirmed < places AND #status IN (${Object.keys(statuses).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':at': at, ':one': 1, ...statuses },
      },
    },
    onConditionFailed: onFull,
  };
}

/** Give a confirmed place back (a confirmed secondment withdrawn): `ADD confirmed -1`, never below zero. */
export function givePlaceBackAction(placementId: string, at: string): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: placementKeys.placement(placementId),
        UpdateExpression: 'SET updatedAt = :at ADD confirmed :minusOne',
        ConditionExpression: 'confirmed > :zero',
        ExpressionAttributeValues: { ':at': at, ':minusOne': -1, ':zero': 0 },
      },
    },
    onConditionFailed: () => new ConflictError('The placement has no confirmed place to give back.'),
  };
}

/**
 * A guard: the placement takes applications when the transaction commits —
 * open, not past its closing date, and a place still free (a host filling the
 * last place meanwhile stops it) — whatever the read before it showed.
 */
export function placementOpenCheck(placementId: string, today: string, onClosed: () => AppError): GuardedAction {
  return {
    action: {
      ConditionCheck: {
        TableName: tableName(),
        Key: placementKeys.placement(placementId),
        ConditionExpression: '#status = :open AND closesOn >= :today AND confirmed < places',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':today': today },
      },
    },
    onConditionFailed: onClosed,
  };
}

/** An audit entry in the placement's trail (a place confirmed or given back). */
export function placementAudit(p: Pick<StoredPlacement, 'id' | 'hostOrgId'>, action: string, actor: Actor, at: string, orgIds: string[], changes?: Record<string, unknown>): GuardedAction {
  return auditAction({
    entityType: 'placement',
    entityId: p.id,
    action,
    actor,
    orgIds: [...new Set([p.hostOrgId, ...orgIds])],
    at,
    ...(changes ? { changes } : {}),
  });
}
