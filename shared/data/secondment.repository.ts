import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgType } from '../domain/reference';
import { flowBucket, secondmentDue, type FlowSide, type SecondmentStatus } from '../domain/secondment-rules';
import { ConflictError, type AppError } from '../errors';
import type {
  ExtensionRecord,
  HomeDecisionRecord,
  HostDecisionRecord,
  PendingExtension,
  SecondmentApplication,
  SecondmentHistoryEntry,
} from '../schemas/secondment.schema';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { keys, secondmentKeys } from './keys';
import type { Page } from './paging';
import type { GuardedAction } from './transact';
import { putNew, replaceIfCurrent } from './conditional-writes';
import { queryAll } from './query-all';
import { queryPage } from './query-page';

/**
 * A secondment application as stored: what the API shows, plus what the
 * service needs to undo its effects exactly and to condition the
 * confirmation (the home's type when last decided; the baseline whose
 * `committedOut` the confirmation added to).
 */
export interface StoredSecondment extends SecondmentApplication {
  /** The home organisation's type (recorded on applying, refreshed by the home decision): only a ROCU's minimum conditions the confirmation. */
  homeOrgType: OrgType | null;
  /** The baseline the confirmation added to `committedOut`; withdrawal and completion take it off again. */
  /** The unit and teams the commitment this application made counts in (the officer record holds the commitment itself). */
  commitment: { orgId: string; capabilityIds: string[] } | null;
  /** The placement's region and the direction (home type → host type), recorded on confirmation: which flow counter it counts in. */
  flow: { region: string; from: FlowSide; to: FlowSide } | null;
}

export function secondmentFromItem(item: Record<string, unknown>): StoredSecondment {
  const nul = <T>(v: unknown) => (v ?? null) as T | null;
  return {
    id: item.id as string,
    applicationType: 'secondment',
    placementId: item.placementId as string,
    placementTitle: item.placementTitle as string,
    hostOrgId: item.hostOrgId as string,
    capabilityId: item.capabilityId as string,
    startDate: item.startDate as string,
    endDate: item.endDate as string,
    officerId: item.officerId as string,
    officerName: item.officerName as string,
    homeOrgId: item.homeOrgId as string,
    statement: item.statement as string,
    status: item.status as SecondmentStatus,
    homeDecision: nul<HomeDecisionRecord>(item.homeDecision),
    hostDecision: nul<HostDecisionRecord>(item.hostDecision),
    history: (item.history as SecondmentHistoryEntry[]) ?? [],
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    pendingExtension: nul<PendingExtension>(item.pendingExtension),
    extensions: (item.extensions as ExtensionRecord[]) ?? [],
    homeOrgType: nul(item.homeOrgType),
    commitment: nul(item.commitment),
    flow: nul(item.flow),
  };
}

function secondmentItem(app: StoredSecondment): Record<string, unknown> {
  return {
    ...secondmentKeys.secondment(app.id),
    ...secondmentKeys.secondmentByPlacement(app.placementId, app.createdAt, app.id),
    // The applicant's list is one partition for both kinds of application; `applicationType` tells them apart.
    ...keys.applicationByOfficer(app.officerId, app.createdAt, app.id),
    ...secondmentKeys.secondmentByHome(app.homeOrgId, app.createdAt, app.id),
    entity: 'secondment-application',
    ...app,
  };
}

/** Everyone whose audit trail a secondment application belongs to: the host and the home. */
export function secondmentOrgIds(app: Pick<StoredSecondment, 'homeOrgId' | 'hostOrgId'>): string[] {
  return [...new Set([app.hostOrgId, app.homeOrgId])];
}

export function secondmentAudit(app: StoredSecondment, action: string, actor: Actor, at: string, note?: string, changes?: Record<string, unknown>): GuardedAction {
  return auditAction({
    entityType: 'secondment-application',
    entityId: app.id,
    action,
    actor,
    orgIds: secondmentOrgIds(app),
    at,
    ...(note ? { note } : {}),
    ...(changes ? { changes } : {}),
  });
}

// ---------------------------------------------------------------- writes (as transaction actions)

/** A new application and its claim: one application per officer per placement, ever (a withdrawn one is not replaced). */
export function newSecondmentActions(app: StoredSecondment): GuardedAction[] {
  return [
    putNew(secondmentItem(app)),
    putNew(
      { ...secondmentKeys.placementApplicant(app.placementId, app.officerId), entity: 'placement-applicant', applicationId: app.id, createdAt: app.createdAt },
      () => new ConflictError('You have already applied for this placement.', [{ field: 'placementId', message: 'already applied' }]),
    ),
  ];
}

/**
 * Replace an application with its next state, only if it is still the
 * version (and so the status) that was read: a home and a host deciding at
 * once, or a decision racing a withdrawal, cannot both win. What follows
 * from the state comes with it, in the same transaction, so no caller can
 * forget it: the due marker moves (a confirmed secondment is due on its
 * start date, an active one on its end date, any other none), and the
 * secondment-flows counter of its region × direction moves from the old
 * status's bucket to the new one's.
 */
export function saveSecondmentActions(before: StoredSecondment, after: StoredSecondment, onStale: () => AppError): GuardedAction[] {
  const actions: GuardedAction[] = [replaceIfCurrent(secondmentItem(after), before, onStale)];
  const [was, will] = [secondmentDue(before), secondmentDue(after)];
  if (was?.date !== will?.date) {
    if (was) actions.push({ action: { Delete: { TableName: tableName(), Key: secondmentKeys.secondmentDue(was.date, before.id) } } });
    if (will) {
      actions.push({
        action: {
          Put: {
            TableName: tableName(),
            Item: { ...secondmentKeys.secondmentDue(will.date, after.id), entity: 'secondment-due', applicationId: after.id, dueOn: will.date, status: after.status },
          },
        },
      });
    }
  }
  const flow = after.flow ?? before.flow;
  const [from, to] = [flowBucket(before.status), flowBucket(after.status)];
  if (flow && from !== to) actions.push(flowCounterAction(flow, { ...(from ? { [from]: -1 } : {}), ...(to ? { [to]: 1 } : {}) }, after.updatedAt));
  return actions;
}

/**
 * Move a flow counter: `ADD` on the region × direction item (created by its
 * first confirmation). Not conditioned: it only ever moves with a
 * secondment's own conditional write, so it cannot drift from the statuses.
 */
function flowCounterAction(flow: { region: string; from: FlowSide; to: FlowSide }, deltas: Record<string, number>, at: string): GuardedAction {
  const entries = Object.entries(deltas);
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: secondmentKeys.flowCounter(flow.region, flow.from, flow.to),
        UpdateExpression: `SET #region = :region, #from = :from, #to = :to, updatedAt = :at ADD ${entries.map((_, i) => `#b${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: { '#region': 'region', '#from': 'from', '#to': 'to', ...Object.fromEntries(entries.map(([b], i) => [`#b${i}`, b])) },
        ExpressionAttributeValues: {
          ':region': flow.region,
          ':from': flow.from,
          ':to': flow.to,
          ':at': at,
          ...Object.fromEntries(entries.map(([, d], i) => [`:d${i}`, d])),
        },
      },
    },
  };
}

// ---------------------------------------------------------------- reads

export async function getSecondment(applicationId: string, consistent = true): Promise<StoredSecondment | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: secondmentKeys.secondment(applicationId), ConsistentRead: consistent }),
  );
  return out.Item ? secondmentFromItem(out.Item) : undefined;
}

/** Applications to one placement in the order they came: a Query of gsi1, optionally filtered by status. */
export async function listSecondmentsOfPlacement(
  placementId: string,
  filter: { status?: SecondmentStatus },
  page: { limit: number; cursor?: string },
): Promise<Page<StoredSecondment>> {
  return queryPage({ index: 'gsi1', partition: secondmentKeys.secondmentsOfPlacement(placementId), filter: { status: filter.status }, page, fromItem: secondmentFromItem });
}

/** One home organisation's officers' applications, newest first: a Query of gsi3, optionally filtered by status. */
export async function listSecondmentsOfHome(
  homeOrgId: string,
  filter: { status?: SecondmentStatus },
  page: { limit: number; cursor?: string },
): Promise<Page<StoredSecondment>> {
  return queryPage({ index: 'gsi3', partition: secondmentKeys.secondmentsOfHome(homeOrgId), filter: { status: filter.status }, newestFirst: true, page, fromItem: secondmentFromItem });
}

/**
 * Secondments due to start or end on or before `today`, oldest first: the
 * `DUE#SECONDMENT` partition with `sk <= '<today>#~'` (`~` sorts after every
 * id character). The markers are written with the secondment, so this is a
 * strongly consistent read; the job re-reads each secondment anyway.
 */
export async function queryDueSecondmentIds(today: string, page: { limit: number; start?: Record<string, unknown> }): Promise<{ ids: string[]; next?: Record<string, unknown> }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk <= :until',
      ExpressionAttributeValues: { ':pk': secondmentKeys.secondmentsDuePartition, ':until': keys.sortKeyThrough(today) },
      ProjectionExpression: 'applicationId',
      ConsistentRead: true,
      Limit: page.limit,
      ...(page.start ? { ExclusiveStartKey: page.start } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((item) => item.applicationId).filter((id): id is string => typeof id === 'string');
  return { ids, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey as Record<string, unknown> } : {}) };
}

export interface FlowCounter {
  region: string;
  from: FlowSide;
  to: FlowSide;
  confirmed: number;
  active: number;
  completed: number;
}

/** Every secondment-flows counter: one Query of one partition (a few dozen items at most: regions × directions). */
export async function listFlowCounters(): Promise<FlowCounter[]> {
  const items = await queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': secondmentKeys.flowsPartition } });
  return items.map((item) => ({
    region: item.region as string,
    from: item.from as FlowSide,
    to: item.to as FlowSide,
    confirmed: Number(item.confirmed ?? 0),
    active: Number(item.active ?? 0),
    completed: Number(item.completed ?? 0),
  }));
}

/**
 * One officer's applications (of one kind, or both), newest first: a Query of
 * the gsi2 partition both kinds share (`keys.applicationsOfOfficer`),
 * filtered on `applicationType` when a kind is named. A filtered page may hold fewer than `limit` items; the
 * cursor carries on.
 */
export async function listApplicationsOfOfficerOfType<T>(
  officerId: string,
  applicationType: 'campaign' | 'secondment' | undefined,
  fromItem: (item: Record<string, unknown>) => T,
  page: { limit: number; cursor?: string },
): Promise<Page<T>> {
  return queryPage({ index: 'gsi2', partition: keys.applicationsOfOfficer(officerId), filter: { applicationType }, newestFirst: true, page, fromItem });
}
