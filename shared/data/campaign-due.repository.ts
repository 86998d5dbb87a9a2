import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { keys } from './keys';

type Key = Record<string, unknown>;

/**
 * Open campaigns whose closing date is before `today`, earliest first: gsi3
 * `DUE#CAMPAIGN` with `gsi3sk < today`. The sort key is `<closesOn>#<id>`,
 * and `2026-12-01#…` sorts after `2026-12-01`, so a campaign closing today
 * is not listed until tomorrow: its closing day is the last day it takes
 * applications. The index is sparse (only open campaigns carry the keys) and
 * eventually consistent: a caller re-reads each campaign before acting on it.
 */
export async function queryCampaignsDueToClose(today: string, page: { limit: number; start?: Key }): Promise<{ ids: string[]; next?: Key }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :today',
      ExpressionAttributeValues: { ':pk': keys.campaignsDuePartition, ':today': today },
      ProjectionExpression: 'id',
      Limit: page.limit,
      ...(page.start ? { ExclusiveStartKey: page.start } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((item) => item.id).filter((id): id is string => typeof id === 'string');
  return { ids, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey as Key } : {}) };
}
