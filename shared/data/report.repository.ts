import { BatchGetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { PipelineDelta } from '../domain/pip-rules';
import type { Campaign } from '../schemas/campaign.schema';
import { campaignFromItem } from './campaign.repository';
import { baselineFromItem, type Baseline } from './capability.repository';
import { documentClient, tableName } from './client';
import { keys, pipelineKeys } from './keys';
import { queryAll } from './query-all';
import type { GuardedAction } from './transact';

/**
 * Reads behind the reports (capability heatmap, PIP pipeline, campaign
 * calendar), and the PIP pipeline's maintained counters. Every report is a
 * few bounded Queries; none reads officers one by one, none Scans.
 */

/**
 * A pipeline counter change as an Update that rides in the transaction that
 * changes the officer (create, edit, import, leave, move, development started,
 * sign-off): the counters are never recounted. The first write makes the item.
 */
export function pipelineCounterAction(delta: PipelineDelta): GuardedAction {
  const values: Record<string, unknown> = {
    ':orgId': delta.orgId,
    ':shard': delta.shard,
    ':entity': 'pip-pipeline',
    ...Object.fromEntries(Object.entries(pipelineKeys.counterAll(delta.orgId, delta.shard)).map(([k, v]) => [`:${k}`, v])),
  };
  const adds: string[] = [];
  for (const [name, n] of Object.entries(delta.counters)) {
    adds.push(`${name} :${name}`);
    values[`:${name}`] = n;
  }
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: pipelineKeys.counter(delta.orgId, delta.shard),
        UpdateExpression: `SET orgId = :orgId, #shard = :shard, entity = :entity, gsi2pk = :gsi2pk, gsi2sk = :gsi2sk ADD ${adds.join(', ')}`,
        // `shard` is a DynamoDB reserved word.
        ExpressionAttributeNames: { '#shard': 'shard' },
        ExpressionAttributeValues: values,
      },
    },
  };
}

/** Every pipeline shard item of every organisation: one Query of gsi2 (a few hundred small items at most). */
export async function listPipelineCounters(): Promise<Record<string, unknown>[]> {
  return queryAll({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': pipelineKeys.allPartition },
  });
}

/** Every baseline of every organisation: one Query of gsi2 `CAPBASE` (paged internally past 1 MB). */
export async function listAllBaselines(capabilityId?: string): Promise<Baseline[]> {
  const items = await queryAll({
    TableName: tableName(),
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ...(capabilityId ? { FilterExpression: 'capabilityId = :cap' } : {}),
    ExpressionAttributeValues: { ':pk': keys.baselineAll('', '').gsi2pk, ...(capabilityId ? { ':cap': capabilityId } : {}) },
  });
  return items.map(baselineFromItem);
}

/** Most campaigns one calendar reads per status; a window holding more is cut short and says so. */
export const CALENDAR_MAX_PER_STATUS = 500;

async function queryBounded(input: QueryCommandInput, max: number): Promise<{ items: Record<string, unknown>[]; truncated: boolean }> {
  const items: Record<string, unknown>[] = [];
  let start: QueryCommandInput['ExclusiveStartKey'];
  do {
    const out = await documentClient().send(new QueryCommand({ ...input, Limit: Math.min(200, max - items.length), ExclusiveStartKey: start }));
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start && items.length < max);
  return { items, truncated: start !== undefined };
}

/**
 * Campaigns of one status whose window meets [from, to]: a range of gsi1
 * `CAMPAIGN#STATUS#<status>` (sorted by opening date) up to `to`, with
 * `closesOn >= from` as a filter. Bounded by `CALENDAR_MAX_PER_STATUS`.
 */
export async function campaignsInWindow(status: Campaign['status'], from: string, to: string): Promise<{ campaigns: Campaign[]; truncated: boolean }> {
  const { items, truncated } = await queryBounded(
    {
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :last',
      FilterExpression: 'closesOn >= :from',
      ExpressionAttributeValues: { ':pk': keys.campaignsWithStatus(status), ':last': keys.sortKeyThrough(to), ':from': from },
    },
    CALENDAR_MAX_PER_STATUS,
  );
  return { campaigns: items.map(campaignFromItem), truncated };
}

/**
 * One organisation's draft campaigns meeting [from, to]: its membership
 * partition (summary copies), filtered, then the campaigns themselves in one
 * BatchGetItem (chunks of 100 in parallel). Drafts are seen only by their
 * owner's and partners' HR leads, so this is how they reach the calendar.
 */
export async function draftCampaignsOfOrg(orgId: string, from: string, to: string): Promise<{ campaigns: Campaign[]; truncated: boolean }> {
  const { items, truncated } = await queryBounded(
    {
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status = :draft AND opensOn <= :to AND closesOn >= :from',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':pk': keys.orgPartition(orgId), ':prefix': keys.campaignMembershipPrefix, ':draft': 'draft', ':from': from, ':to': to },
    },
    CALENDAR_MAX_PER_STATUS,
  );
  const ids = items.map((i) => i.id as string);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += 100) chunks.push(ids.slice(i, i + 100));
  const found = await Promise.all(
    chunks.map(async (chunk) => {
      const got: Record<string, unknown>[] = [];
      let left: Record<string, unknown>[] = chunk.map((id) => keys.campaign(id));
      for (let round = 1; left.length > 0 && round <= 4; round++) {
        const out = await documentClient().send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: left } } }));
        got.push(...(out.Responses?.[tableName()] ?? []));
        left = out.UnprocessedKeys?.[tableName()]?.Keys ?? [];
        if (left.length) await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** round));
      }
      return got;
    }),
  );
  return { truncated, campaigns: found.flat().map(campaignFromItem) };
}
