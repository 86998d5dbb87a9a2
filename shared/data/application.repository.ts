import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationStatus } from '../domain/application-rules';
import type { OrgType } from '../domain/reference';
import { ConflictError, type AppError } from '../errors';
import type { Application, HistoryEntry } from '../schemas/application.schema';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import type { Page } from './paging';
import type { GuardedAction } from './transact';
import { putNew, replaceIfCurrent } from './conditional-writes';
import { queryPage } from './query-page';

/**
 * A campaign application as stored: what the API shows, plus what the service
 * needs to undo its effects exactly (which source counter holds its slot,
 * which baseline its acceptance committed) and who may manage it.
 */
export interface StoredApplication extends Application {
  /** The campaign's owner and partners when the officer applied (fixed once a campaign is open). */
  campaignOrgIds: string[];
  /** The organisation whose per-source offer counter holds this application's slot; set by the offer. */
  sourceOrgId: string | null;
  /** The home organisation's type, recorded by the offer: only a ROCU's minimum conditions the acceptance. */
  homeOrgType: OrgType | null;
  /** The alert whose release decision covers the acceptance (set when a gated offer is released). */
  releasedBy: string | null;
  /** The unit and teams the commitment this application made counts in (the officer record holds the commitment itself). */
  commitment: { orgId: string; capabilityIds: string[] } | null;
}

export function applicationFromItem(item: Record<string, unknown>): StoredApplication {
  const nul = <T>(v: unknown) => (v ?? null) as T | null;
  return {
    id: item.id as string,
    applicationType: 'campaign',
    campaignId: item.campaignId as string,
    campaignTitle: item.campaignTitle as string,
    capabilityId: item.capabilityId as string,
    ownerOrgId: item.ownerOrgId as string,
    campaignOrgIds: (item.campaignOrgIds as string[]) ?? [],
    officerId: item.officerId as string,
    officerName: item.officerName as string,
    homeOrgId: item.homeOrgId as string,
    statement: item.statement as string,
    status: item.status as ApplicationStatus,
    requestedStartDate: nul(item.requestedStartDate),
    startDate: nul(item.startDate),
    releaseDate: nul(item.releaseDate),
    releaseDecision: nul(item.releaseDecision),
    releasedBy: nul(item.releasedBy),
    alertId: nul(item.alertId),
    allocationOrgId: nul(item.allocationOrgId),
    // Candidate pool flags: applications written before the pool existed lack them.
    appointable: item.appointable === true,
    poolConsent: item.poolConsent === true,
    sourceOrgId: nul(item.sourceOrgId),
    homeOrgType: nul(item.homeOrgType),
    commitment: nul(item.commitment),
    history: (item.history as HistoryEntry[]) ?? [],
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

function applicationItem(app: StoredApplication): Record<string, unknown> {
  return {
    ...keys.application(app.id),
    ...keys.applicationByCampaign(app.campaignId, app.createdAt, app.id),
    ...keys.applicationByOfficer(app.officerId, app.createdAt, app.id),
    // Sparse: only an accepted move waits on the move-due index for its start date.
    ...(app.status === 'accepted' && app.startDate ? keys.moveDue(app.startDate, app.id) : {}),
    entity: 'application',
    ...app,
  };
}

/** Everyone whose audit trail an application belongs to. */
export function applicationOrgIds(app: Pick<StoredApplication, 'homeOrgId' | 'campaignOrgIds'>): string[] {
  return [...new Set([app.homeOrgId, ...app.campaignOrgIds])];
}

export function applicationAudit(app: StoredApplication, action: string, actor: Actor, at: string, changes?: Record<string, unknown>): GuardedAction {
  return auditAction({
    entityType: 'application',
    entityId: app.id,
    action,
    actor,
    orgIds: applicationOrgIds(app),
    at,
    ...(changes ? { changes } : {}),
  });
}

// ---------------------------------------------------------------- writes (as transaction actions)

/** A new application and its uniqueness claim: one application per officer per campaign. */
export function newApplicationActions(app: StoredApplication): GuardedAction[] {
  return [
    putNew(applicationItem(app)),
    putNew(
      { ...keys.campaignApplicant(app.campaignId, app.officerId), entity: 'campaign-applicant', applicationId: app.id, createdAt: app.createdAt },
      () => new ConflictError('You have already applied to this campaign.', [{ field: 'campaignId', message: 'already applied' }]),
    ),
  ];
}

/**
 * Replace an application with its next state, only if it is still the
 * version (and so the status) that was read: two people acting on the same
 * application at once cannot both win, and nothing the other wrote is lost.
 */
export function saveApplicationAction(before: StoredApplication, after: StoredApplication, onStale: () => AppError): GuardedAction {
  return replaceIfCurrent(applicationItem(after), before, onStale);
}

/**
 * A released (or deferred) offer: `awaiting-release → offered` with the
 * decided start date. An Update, not a Put, because it rides in the alert
 * decision's transaction without the application having been read; the
 * status condition is what keeps it from reviving a withdrawn or rejected offer.
 */
export function releaseOfferAction(
  applicationId: string,
  release: { startDate: string; releaseDecision: 'released' | 'deferred'; releasedBy: string; entry: HistoryEntry; at: string },
): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.application(applicationId),
        UpdateExpression:
          'SET #status = :offered, startDate = :start, releaseDate = :start, releaseDecision = :decision, releasedBy = :by, ' +
          'history = list_append(if_not_exists(history, :empty), :entry), updatedAt = :at ADD version :one',
        ConditionExpression: '#status = :awaiting',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':offered': 'offered',
          ':awaiting': 'awaiting-release',
          ':start': release.startDate,
          ':decision': release.releaseDecision,
          ':by': release.releasedBy,
          ':empty': [],
          ':entry': [release.entry],
          ':at': release.at,
          ':one': 1,
        },
      },
    },
    onConditionFailed: () => new ConflictError('The offer is no longer waiting for a release decision (it was withdrawn or rejected).'),
  };
}

/**
 * Take (+1) or give back (−1) a slot on the count of live offers to officers
 * from one source organisation. With a cap, taking one is conditioned on the
 * count being below it, so two HR leads offering at once cannot pass it.
 */
export function sourceSlotAction(campaignId: string, orgId: string, delta: 1 | -1, cap?: { cap: number; onFull: () => AppError }): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.campaignSource(campaignId, orgId),
        UpdateExpression: 'SET entity = :entity, campaignId = :campaignId, orgId = :orgId ADD offers :delta',
        ExpressionAttributeValues: {
          ':entity': 'campaign-source',
          ':campaignId': campaignId,
          ':orgId': orgId,
          ':delta': delta,
          ...(cap ? { ':cap': cap.cap } : {}),
        },
        ...(cap ? { ConditionExpression: 'attribute_not_exists(offers) OR offers < :cap' } : {}),
      },
    },
    ...(cap ? { onConditionFailed: cap.onFull } : {}),
  };
}

/**
 * Take (+1) or give back (−1) a place in one organisation's allocation of a
 * campaign's posts. Taking one is conditioned on the count being below the
 * allocation's posts, so two HR leads offering the last post at once cannot
 * both have it.
 */
export function allocationSlotAction(campaignId: string, orgId: string, delta: 1 | -1, full?: { posts: number; onFull: () => AppError }): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.campaignAllocation(campaignId, orgId),
        UpdateExpression: 'SET entity = :entity, campaignId = :campaignId, orgId = :orgId ADD offers :delta',
        ExpressionAttributeValues: {
          ':entity': 'campaign-allocation',
          ':campaignId': campaignId,
          ':orgId': orgId,
          ':delta': delta,
          ...(full ? { ':posts': full.posts } : {}),
        },
        ...(full ? { ConditionExpression: 'attribute_not_exists(offers) OR offers < :posts' } : {}),
      },
    },
    ...(full ? { onConditionFailed: full.onFull } : {}),
  };
}

/** Live offers counted against one source organisation (0 when none were made). */
export async function getSourceOffers(campaignId: string, orgId: string): Promise<number> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.campaignSource(campaignId, orgId), ConsistentRead: true }),
  );
  return Number(out.Item?.offers ?? 0);
}

/** A guard: the campaign is in one of `statuses` when the transaction commits (not merely when it was read). */
export function campaignStatusCheck(campaignId: string, statuses: readonly string[], onFail: () => AppError): GuardedAction {
  const values = Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s]));
  return {
    action: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.campaign(campaignId),
        ConditionExpression: `#status IN (${Object.keys(values).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      },
    },
    onConditionFailed: onFail,
  };
}

/**
 * A guard: the officer record is still the version a decision was based on
 * (eligibility on applying, home and accreditations on accepting), so a
 * concurrent edit cannot slip between the read and the write.
 */
export function officerVersionCheck(officerId: string, version: number, onFail: () => AppError): GuardedAction {
  return {
    action: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.officer(officerId),
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ':version': version },
      },
    },
    onConditionFailed: onFail,
  };
}

/** Where an accepted offer takes the officer: the allocation it fills (the campaign's owner unless it names a partner's). */
export function destinationOf(app: Pick<StoredApplication, 'allocationOrgId' | 'ownerOrgId'>): string {
  return app.allocationOrgId ?? app.ownerOrgId;
}

// ---------------------------------------------------------------- reads

export async function getApplication(applicationId: string, consistent = true): Promise<StoredApplication | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.application(applicationId), ConsistentRead: consistent }),
  );
  return out.Item ? applicationFromItem(out.Item) : undefined;
}

/** Has the officer applied to the campaign (its one-per-officer claim exists, whatever became of the application)? One GetItem. */
export async function hasApplied(campaignId: string, officerId: string): Promise<boolean> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.campaignApplicant(campaignId, officerId), ProjectionExpression: 'pk' }),
  );
  return out.Item !== undefined;
}

/** Applications to one campaign in the order they came: a Query of gsi1, optionally filtered by status. */
export async function listApplicationsOfCampaign(
  campaignId: string,
  filter: { status?: ApplicationStatus },
  page: { limit: number; cursor?: string },
): Promise<Page<StoredApplication>> {
  return queryPage({ index: 'gsi1', partition: keys.applicationsOfCampaign(campaignId), filter: { status: filter.status }, page, fromItem: applicationFromItem });
}

