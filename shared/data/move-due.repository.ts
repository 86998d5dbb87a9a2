import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { keys } from './keys';

type Key = Record<string, unknown>;

/**
 * Accepted moves whose start date has come, oldest first: gsi3 `DUE#MOVE`
 * with `gsi3sk <= '<today>#~'`. The sort key is `<startDate>#<applicationId>`
 * and `~` sorts after every id character, so the bound takes in every
 * application starting on `today` and none starting later. The index is sparse
 * (only accepted applications carry gsi3 keys) and eventually consistent: a
 * caller re-reads each application before acting on it.
 */
export async function queryDueMoveIds(today: string, page: { limit: number; start?: Key }): Promise<{ ids: string[]; next?: Key }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.movesDuePartition, ':until': keys.sortKeyThrough(today) },
      ProjectionExpression: 'id',
      Limit: page.limit,
      ...(page.start ? { ExclusiveStartKey: page.start } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((item) => item.id).filter((id): id is string => typeof id === 'string');
  return { ids, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey as Key } : {}) };
}
