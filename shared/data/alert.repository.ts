import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deadlineOf, type AlertState } from '../domain/alert-rules';
import { ValidationError } from '../errors';
import type { Alert, AlertSummary } from '../schemas/alert.schema';
import { documentClient, tableName } from './client';
import { staleVersionError, type ExpectedVersion } from './expected-version';
import { keys } from './keys';
import { checkStartKey, type Page } from './paging';
import type { GuardedAction } from './transact';

/**
 * Who sees an alert: the ROCU head of the unit concerned, the HR leads of the
 * campaign's owner and partners, and — once escalated — the ROCC of the
 * unit's region. Each audience has an inbox partition with a copy of the alert's
 * summary, rewritten in the same transaction as the alert.
 */
export function audiencesOf(alert: Pick<Alert, 'kind' | 'orgId' | 'status' | 'region' | 'escalationReason'>, hrOrgIds: readonly string[]): string[] {
  const audiences = new Set<string>();
  if (alert.kind !== 'coordination') audiences.add(`rocu-head:${alert.orgId}`);
  for (const org of hrOrgIds) audiences.add(`hr-lead:${org}`);
  if (alert.region && (alert.status === 'escalated' || alert.escalationReason !== null)) audiences.add(`rocc:${alert.region}`);
  return [...audiences];
}

export interface StoredAlert extends Alert {
  audiences: string[];
}

function alertFromItem(item: Record<string, unknown>): StoredAlert {
  const { pk: _pk, sk: _sk, entity: _e, gsi3pk: _g, gsi3sk: _h, ...rest } = item;
  // Alerts escalated before the ROCC's deadline existed have neither field.
  return { escalatedAt: null, decideBy: null, ...rest } as unknown as StoredAlert;
}

export function alertState(a: Alert): AlertState {
  return {
    kind: a.kind,
    status: a.status,
    level: a.level,
    projected: a.projected,
    minimum: a.minimum,
    ...(a.teams?.length ? { teams: a.teams } : {}),
    requestedCap: a.requestedCap,
    requestedStart: a.requestedStart,
    releaseDate: a.releaseDate,
    imposedCap: a.imposedCap,
    outcome: a.outcome as AlertState['outcome'],
    escalationReason: a.escalationReason as AlertState['escalationReason'],
  };
}

const SUMMARY_FIELDS = [
  'id', 'kind', 'orgId', 'capabilityId', 'campaignId', 'campaignTitle', 'applicationId', 'level', 'status',
  'projected', 'projectedAfter', 'minimum', 'createdAt', 'dueAt', 'escalatedAt', 'decideBy',
] as const;

function inboxPuts(alert: StoredAlert): GuardedAction[] {
  const summary = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, alert[f]]));
  return alert.audiences.map((audience) => ({
    action: {
      Put: {
        TableName: tableName(),
        Item: { ...keys.inboxEntry(audience, alert.createdAt, alert.id), entity: 'inbox-entry', audience, ...summary },
      },
    },
  }));
}

function alertItem(alert: StoredAlert): Record<string, unknown> {
  // Only an alert waiting on a deadline is on the due index the scheduled job reads: the ROCU head's
  // while open, the ROCC's while escalated. Any other status drops the keys, so the index never lists it.
  const deadline = deadlineOf(alert);
  const due = deadline ? keys.alertDue(deadline, alert.id) : {};
  return { ...keys.alert(alert.id), entity: 'alert', ...alert, ...due };
}

/** A new alert and its inbox entries, as transaction actions. */
export function createAlertActions(alert: StoredAlert): GuardedAction[] {
  return [
    { action: { Put: { TableName: tableName(), Item: alertItem(alert), ConditionExpression: 'attribute_not_exists(pk)' } } },
    ...inboxPuts(alert),
  ];
}

/**
 * The alert rewritten after a decision, conditioned on the version that was
 * read (two heads answering at once: one wins, the other gets 409), with its
 * inbox entries; an audience gained by escalation gets a new entry.
 */
export function updateAlertActions(next: StoredAlert, expected: ExpectedVersion): GuardedAction[] {
  return [
    {
      action: {
        Put: {
          TableName: tableName(),
          Item: alertItem(next),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expected.version },
        },
      },
      onConditionFailed: () => staleVersionError('alert', expected),
    },
    ...inboxPuts(next),
  ];
}

export async function getAlert(alertId: string): Promise<StoredAlert | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.alert(alertId), ConsistentRead: true }));
  return out.Item ? alertFromItem(out.Item) : undefined;
}

type InboxCursor = Record<string, Record<string, unknown> | null>;

function decodeInboxCursor(cursor: string | undefined, audiences: string[]): InboxCursor | undefined {
  if (!cursor) return undefined;
  const invalid = () => new ValidationError('The cursor is not valid for this list.', [{ field: 'cursor', message: 'not a cursor this list issued' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid();
  const state: InboxCursor = {};
  for (const [aud, key] of Object.entries(parsed)) {
    if (!audiences.includes(aud)) throw invalid();
    // Each inbox's position is a full key of that inbox's partition (checkStartKey), or null when read to the end.
    state[aud] = key === null ? null : (checkStartKey(key, { attribute: 'pk', value: keys.inboxPartition(aud) }) as InboxCursor[string]);
  }
  return state;
}

export interface InboxFilter {
  status?: string;
  kind?: string;
  campaignId?: string;
}

/**
 * A caller's alerts, newest first, across the inboxes they may read (one
 * Query per inbox, in parallel, merged). Status, kind and campaign are
 * filters within an inbox partition, which holds one organisation's alerts.
 */
export async function listInbox(audiences: string[], filter: InboxFilter, page: { limit: number; cursor?: string }): Promise<Page<AlertSummary>> {
  const state = decodeInboxCursor(page.cursor, audiences);
  const live = audiences.filter((a) => state?.[a] !== null);
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  }
  const results = await Promise.all(
    live.map(async (audience) => {
      const start = state?.[audience] ?? undefined;
      const out = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: { ':pk': keys.inboxPartition(audience), ...values },
          ScanIndexForward: false,
          Limit: page.limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      return { audience, items: (out.Items ?? []) as Record<string, unknown>[], last: out.LastEvaluatedKey };
    }),
  );
  const merged = results
    .flatMap((r) => r.items.map((item) => ({ audience: r.audience, item })))
    .sort((a, b) => String(b.item.sk).localeCompare(String(a.item.sk)));
  // The same alert reaches a caller with two roles through two inboxes: show it once.
  const seen = new Set<string>();
  const taken: typeof merged = [];
  for (const entry of merged) {
    if (taken.length >= page.limit) break;
    const id = String(entry.item.id);
    if (!seen.has(id)) taken.push(entry);
    seen.add(id);
  }
  // Per inbox: absent = not started, a key = resume after it, null = read to the end.
  const next: InboxCursor = {};
  for (const a of audiences) if (state?.[a] === null) next[a] = null;
  for (const r of results) {
    const mine = taken.filter((t) => t.audience === r.audience);
    const previous = state?.[r.audience];
    if (mine.length === r.items.length) next[r.audience] = (r.last as Record<string, unknown> | undefined) ?? null;
    else if (mine.length > 0) next[r.audience] = { pk: mine.at(-1)!.item.pk, sk: mine.at(-1)!.item.sk };
    else if (previous) next[r.audience] = previous;
  }
  const more = audiences.some((a) => next[a] !== null);
  const items = taken.map(({ item }) => {
    const { pk: _pk, sk: _sk, entity: _e, audience: _a, ...rest } = item;
    // Inbox entries written before the ROCC's deadline existed have neither field.
    return { escalatedAt: null, decideBy: null, ...rest } as AlertSummary;
  });
  return { items, ...(more ? { cursor: Buffer.from(JSON.stringify(next), 'utf8').toString('base64url') } : {}) };
}
