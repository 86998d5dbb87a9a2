import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { keys } from './keys';

type Key = Record<string, unknown>;

/**
 * Alerts whose deadline has passed, oldest first: gsi3 `DUE#ALERT` with
 * `gsi3sk <= now`. The sort key is `<deadline>#<alertId>` (an open alert's
 * `dueAt`, an escalated one's `decideBy`), so an ISO timestamp bounds it. The
 * index is sparse (only alerts waiting on a deadline carry gsi3 keys) and
 * eventually consistent: a caller re-reads each alert before acting on it.
 */
export async function queryDueAlertIds(now: Date, page: { limit: number; start?: Key }): Promise<{ ids: string[]; next?: Key }> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :now',
      // An alert due at exactly `now` is listed too.
      ExpressionAttributeValues: { ':pk': keys.alertsDuePartition, ':now': keys.sortKeyThrough(now.toISOString()) },
      ProjectionExpression: 'id',
      Limit: page.limit,
      ...(page.start ? { ExclusiveStartKey: page.start } : {}),
    }),
  );
  const ids = (out.Items ?? []).map((item) => item.id).filter((id): id is string => typeof id === 'string');
  return { ids, ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey as Key } : {}) };
}
