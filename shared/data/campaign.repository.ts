import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ready } from '../domain/campaign-readiness';
import type { AppError } from '../errors';
import { nowIso } from '../ids';
import type { Campaign, CampaignSummary } from '../schemas/campaign.schema';
import { auditAction, type Actor } from './audit.repository';
import { documentClient, tableName } from './client';
import { staleVersionError, type ExpectedVersion } from './expected-version';
import { keys } from './keys';
import { decodeCursor, encodeCursor, type Page } from './paging';
import { queryAll } from './query-all';
import { transactWrite, type GuardedAction } from './transact';

/** Fields a membership entry copies, so an organisation's campaign list is one Query. */
const SUMMARY_FIELDS = ['id', 'title', 'capabilityId', 'ownerOrgId', 'status', 'opensOn', 'closesOn', 'posts', 'regions'] as const;

/**
 * A campaign as a list reads it: the summary a list shows, with the partners,
 * which decide who may see a draft (canSeeCampaign) and which the response
 * schema leaves out.
 */
export type CampaignListItem = CampaignSummary & { partnerOrgIds: string[] };

function roleProfileFromItem(p: Partial<Campaign['roleProfile']>): Campaign['roleProfile'] {
  return {
    jobDescription: p.jobDescription ?? null,
    terms: p.terms ?? null,
    grade: p.grade ?? null,
    salaryBand: p.salaryBand ?? null,
    vetting: p.vetting ?? null,
    minPipLevel: Number(p.minPipLevel ?? 0),
    locations: p.locations ?? [],
  };
}

export function campaignFromItem(item: Record<string, unknown>): Campaign {
  return {
    id: item.id as string,
    title: item.title as string,
    capabilityId: item.capabilityId as string,
    ownerOrgId: item.ownerOrgId as string,
    partnerOrgIds: (item.partnerOrgIds as string[]) ?? [],
    regions: (item.regions as string[]) ?? [],
    posts: item.posts === null || item.posts === undefined ? null : Number(item.posts),
    allocations: (item.allocations as Campaign['allocations']) ?? [],
    opensOn: (item.opensOn as string | null | undefined) ?? null,
    closesOn: (item.closesOn as string | null | undefined) ?? null,
    maxAppointmentsPerSource: (item.maxAppointmentsPerSource as number | null | undefined) ?? null,
    sourceCaps: (item.sourceCaps as Record<string, number>) ?? {},
    roleProfile: roleProfileFromItem((item.roleProfile ?? {}) as Partial<Campaign['roleProfile']>),
    status: item.status as Campaign['status'],
    consultation: (item.consultation as Campaign['consultation']) ?? {},
    coordination: (item.coordination as Campaign['coordination']) ?? [],
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    publishedAt: (item.publishedAt as string | null | undefined) ?? null,
  };
}

const UNDATED = 'undated';

/** The stored campaign item (also what the bulk loader of `npm run bench` writes). */
export function campaignItem(c: Campaign): Record<string, unknown> {
  // A draft without dates sorts after every dated campaign ('u' > any digit), so a range of dates never reads it.
  const opens = c.opensOn ?? UNDATED;
  return {
    ...keys.campaign(c.id),
    ...keys.campaignByStatus(c.status, opens, c.id),
    ...keys.campaignByCapability(c.capabilityId, opens, c.id),
    // The closing job's marker moves with the status in the same Put: set by the write that opens the
    // campaign, gone with the one that closes or cancels it. (Its dates cannot change once it is open.)
    ...(c.status === 'open' ? keys.campaignCloseDue(ready(c).closesOn, c.id) : {}),
    entity: 'campaign',
    ...c,
  };
}

export function memberOrgIds(c: Pick<Campaign, 'ownerOrgId' | 'partnerOrgIds'>): string[] {
  return [c.ownerOrgId, ...c.partnerOrgIds];
}

/**
 * The summary copy of a campaign in each member organisation's partition
 * (owner and partners), with the partner list so that a list read from it
 * applies the same visibility rule as a read of the campaign.
 */
export function campaignMembershipItems(c: Campaign): Record<string, unknown>[] {
  const summary = { ...Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, c[f]])), partnerOrgIds: c.partnerOrgIds };
  return memberOrgIds(c).map((orgId) => ({
    ...keys.campaignMembership(orgId, c.id),
    entity: 'campaign-membership',
    role: orgId === c.ownerOrgId ? 'owner' : 'partner',
    ...summary,
  }));
}

function membershipActions(after: Campaign, before?: Campaign): GuardedAction[] {
  const actions: GuardedAction[] = campaignMembershipItems(after).map((Item) => ({ action: { Put: { TableName: tableName(), Item } } }));
  if (before) {
    for (const dropped of memberOrgIds(before).filter((o) => !memberOrgIds(after).includes(o))) {
      actions.push({ action: { Delete: { TableName: tableName(), Key: keys.campaignMembership(dropped, after.id) } } });
    }
  }
  return actions;
}

/** Create a draft: the campaign, its membership copies and the audit entry, in one transaction. */
export async function createCampaign(campaign: Campaign, actor: Actor, guards: GuardedAction[] = []): Promise<Campaign> {
  await transactWrite([
    { action: { Put: { TableName: tableName(), Item: campaignItem(campaign), ConditionExpression: 'attribute_not_exists(pk)' } } },
    ...guards,
    ...membershipActions(campaign),
    auditAction({
      entityType: 'campaign',
      entityId: campaign.id,
      action: 'campaign.created',
      actor,
      orgIds: memberOrgIds(campaign),
      changes: { title: campaign.title, capabilityId: campaign.capabilityId, posts: campaign.posts },
      at: campaign.createdAt,
    }),
  ]);
  return campaign;
}

export async function getCampaign(campaignId: string, consistent = false): Promise<Campaign | undefined> {
  const out = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.campaign(campaignId), ConsistentRead: consistent }),
  );
  return out.Item ? campaignFromItem(out.Item) : undefined;
}

/**
 * Write a changed campaign. The item is replaced only if its version is still
 * the one read (a stale edit gets 409/412), and the replacement carries the
 * next version; membership copies and the audit entry ride in the same
 * transaction, with any further actions the change needs (alerts, counters).
 */
export async function saveCampaign(
  before: Campaign,
  after: Campaign,
  expected: ExpectedVersion,
  audit: { action: string; actor: Actor; note?: string; changes?: Record<string, unknown>; /** A job's own clock; now otherwise. */ at?: string },
  extra: GuardedAction[] = [],
  options: { reduce?: string } = {},
): Promise<Campaign> {
  const saved: Campaign = { ...after, version: before.version + 1, updatedAt: audit.at ?? nowIso() };
  await transactWrite(
    [
      {
        action: {
          Put: {
            TableName: tableName(),
            Item: campaignItem(saved),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expected.version },
          },
        },
        onConditionFailed: () => staleVersionError('campaign', expected),
      },
      ...membershipActions(saved, before),
      ...extra,
      auditAction({
        entityType: 'campaign',
        entityId: saved.id,
        action: audit.action,
        actor: audit.actor,
        orgIds: [...new Set([...memberOrgIds(saved), ...Object.keys(saved.consultation)])],
        ...(audit.note ? { note: audit.note } : {}),
        ...(audit.changes ? { changes: audit.changes } : {}),
        at: saved.updatedAt,
      }),
    ],
    options,
  );
  return saved;
}

export interface CampaignFilter {
  status?: Campaign['status'];
  capabilityId?: string;
  orgId?: string;
}

async function queryPage(input: QueryCommandInput, partition: { attribute: string; value: string }, page: { limit: number; cursor?: string }) {
  const out = await documentClient().send(
    new QueryCommand({ ...input, Limit: page.limit, ExclusiveStartKey: decodeCursor(page.cursor, partition) }),
  );
  return { items: (out.Items ?? []) as Record<string, unknown>[], cursor: encodeCursor(out.LastEvaluatedKey) };
}

/**
 * Campaigns by organisation (its membership partition), by status (gsi1) or by
 * capability (gsi2), in opening order; the other filters narrow the page.
 * Lists return summaries; `GET /v1/campaigns/{id}` has the whole campaign.
 */
export async function listCampaigns(filter: CampaignFilter, page: { limit: number; cursor?: string }): Promise<Page<CampaignListItem>> {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const narrow = (field: 'status' | 'capabilityId', value: string | undefined) => {
    if (value === undefined) return;
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  };
  let result: { items: Record<string, unknown>[]; cursor?: string };
  if (filter.orgId) {
    narrow('status', filter.status);
    narrow('capabilityId', filter.capabilityId);
    const pk = keys.orgPartition(filter.orgId);
    result = await queryPage(
      {
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.campaignMembershipPrefix, ...values },
        ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
      },
      { attribute: 'pk', value: pk },
      page,
    );
  } else if (filter.status) {
    narrow('capabilityId', filter.capabilityId);
    const pk = keys.campaignsWithStatus(filter.status);
    result = await queryPage(
      {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...values },
        ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
      },
      { attribute: 'gsi1pk', value: pk },
      page,
    );
  } else {
    const pk = keys.campaignsOfCapability(filter.capabilityId!);
    result = await queryPage(
      { TableName: tableName(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': pk } },
      { attribute: 'gsi2pk', value: pk },
      page,
    );
  }
  const items = result.items.map((item) => ({ ...(Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, item[f]])) as CampaignSummary), partnerOrgIds: partnersOf(item) }));
  return { items, ...(result.cursor ? { cursor: result.cursor } : {}) };
}

/**
 * The partners of a listed campaign. A membership copy written before copies
 * carried the list knows at least that its own organisation is a partner.
 */
function partnersOf(item: Record<string, unknown>): string[] {
  if (Array.isArray(item.partnerOrgIds)) return item.partnerOrgIds as string[];
  if (item.entity === 'campaign-membership' && item.role === 'partner') return [String(item.pk).replace(/^ORG#/, '')];
  return [];
}

/** Campaigns for one capability whose window may overlap [opensOn, closesOn]: a bounded gsi2 range. */
export async function campaignsOfCapabilityOpeningBy(capabilityId: string, closesOn: string): Promise<Campaign[]> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :last',
      ExpressionAttributeValues: { ':pk': keys.campaignsOfCapability(capabilityId), ':last': keys.sortKeyThrough(closesOn) },
      ScanIndexForward: false,
      Limit: 200,
    }),
  );
  return (out.Items ?? []).map(campaignFromItem);
}

/**
 * A guard: the campaign takes applications on `today` when the transaction
 * commits — open, and `opensOn <= today <= closesOn` — so an application
 * cannot land before the opening date, after the closing date (even before
 * the closing job has run), or after the campaign was closed or cancelled.
 */
export function campaignTakingApplicationsCheck(campaignId: string, today: string, onFail: () => AppError): GuardedAction {
  return {
    action: {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.campaign(campaignId),
        ConditionExpression: '#status = :open AND opensOn <= :today AND closesOn >= :today',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'open', ':today': today },
      },
    },
    onConditionFailed: onFail,
  };
}

/**
 * Record where one ROCU's consultation stands on the campaign. An update of the
 * named entry only, but it bumps the version: an HR lead's edit made from an
 * older read then fails instead of writing the old consultation back.
 */
export function consultationEntryAction(campaignId: string, orgId: string, entry: Campaign['consultation'][string]): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.campaign(campaignId),
        UpdateExpression: 'SET consultation.#org = :entry, updatedAt = :now ADD version :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#org': orgId },
        ExpressionAttributeValues: { ':entry': entry, ':now': nowIso(), ':one': 1 },
      },
    },
  };
}

/** A cap on offers to one source ROCU, imposed by a ROCC upholding an objection (bumps the version, as above). */
export function sourceCapAction(campaignId: string, orgId: string, cap: number, entry: Campaign['consultation'][string]): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: keys.campaign(campaignId),
        UpdateExpression: 'SET sourceCaps.#org = :cap, consultation.#org = :entry, updatedAt = :now ADD version :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#org': orgId },
        ExpressionAttributeValues: { ':cap': cap, ':entry': entry, ':now': nowIso(), ':one': 1 },
      },
    },
  };
}

/** Every campaign with one status (gsi1 `CAMPAIGN#STATUS#<status>`, read to its end): the open ones number in the hundreds at most. */
export async function listAllCampaignsWithStatus(status: Campaign['status']): Promise<Campaign[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.campaignsWithStatus(status) },
  });
  return items.map(campaignFromItem);
}
