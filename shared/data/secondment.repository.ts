import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgType } from '../domain/reference';
import type { SecondmentStatus } from '../domain/secondment-rules';
import { ConflictError, type AppError } from '../errors';
import type { HomeDecisionRecord, HostDecisionRecord, SecondmentApplication, SecondmentHistoryEntry } from '../schemas/secondment.schema';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import type { Page } from './paging';
import type { GuardedAction } from './transact';
import { putNew, replaceIfCurrent } from './conditional-writes';
import { queryPage } from './query-page';

/** Secondment application key layouts (the conventions of keys.ts). */
export const secondmentKeys = {
  secondment: (applicationId: string) => ({ pk: `SECAPP#${applicationId}`, sk: 'SECAPP' }),
  /** gsi1: applications to one placement, in the order they came. */
  secondmentByPlacement: (placementId: string, createdAt: string, applicationId: string) => ({
    gsi1pk: `PLACEMENT#${placementId}#APP`,
    gsi1sk: `${createdAt}#${applicationId}`,
  }),
  secondmentsOfPlacement: (placementId: string) => `PLACEMENT#${placementId}#APP`,
  /** One application per officer per placement: a claim item in the placement's partition. */
  placementApplicant: (placementId: string, officerId: string) => ({ pk: `PLACEMENT#${placementId}`, sk: `APPLICANT#${officerId}` }),
};

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
  commitment: { orgId: string; capabilityId: string } | null;
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
    homeOrgType: nul(item.homeOrgType),
    commitment: nul(item.commitment),
  };
}

function secondmentItem(app: StoredSecondment): Record<string, unknown> {
  return {
    ...secondmentKeys.secondment(app.id),
    ...secondmentKeys.secondmentByPlacement(app.placementId, app.createdAt, app.id),
    // The applicant's list is one partition for both kinds of application; `applicationType` tells them apart.
    ...keys.applicationByOfficer(app.officerId, app.createdAt, app.id),
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
 * once, or a decision racing a withdrawal, cannot both win.
 */
export function saveSecondmentAction(before: StoredSecondment, after: StoredSecondment, onStale: () => AppError): GuardedAction {
  return replaceIfCurrent(secondmentItem(after), before, onStale);
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
