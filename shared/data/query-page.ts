import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import type { IndexName } from './table-definition';
import { decodeCursor, encodeCursor, type Page } from './paging';

/**
 * One page of a partition (of the table or an index), with equality filters
 * on plain attributes (those left undefined are ignored). A filtered page may
 * hold fewer than `limit` items; its cursor carries on from where it stopped.
 */
export async function queryPage<T>(options: {
  index?: IndexName;
  partition: string;
  filter?: Record<string, string | undefined>;
  newestFirst?: boolean;
  page: { limit: number; cursor?: string };
  fromItem: (item: Record<string, unknown>) => T;
}): Promise<Page<T>> {
  const keyAttribute = options.index ? `${options.index}pk` : 'pk';
  const filters = Object.entries(options.filter ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      ...(options.index ? { IndexName: options.index } : {}),
      KeyConditionExpression: '#pk = :pk',
      ...(filters.length ? { FilterExpression: filters.map(([name]) => `#${name} = :${name}`).join(' AND ') } : {}),
      ExpressionAttributeNames: { '#pk': keyAttribute, ...Object.fromEntries(filters.map(([name]) => [`#${name}`, name])) },
      ExpressionAttributeValues: { ':pk': options.partition, ...Object.fromEntries(filters.map(([name, value]) => [`:${name}`, value])) },
      ...(options.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: options.page.limit,
      ExclusiveStartKey: decodeCursor(options.page.cursor, { attribute: keyAttribute, value: options.partition }),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(options.fromItem), ...(cursor ? { cursor } : {}) };
}
