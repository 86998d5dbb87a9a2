import type { AppError } from '../errors';
import { tableName } from './client';
import type { GuardedAction } from './transact';

/** Put an item that must not exist yet (a new entity). */
export function putNew(item: Record<string, unknown>, onExists?: () => AppError): GuardedAction {
  return {
    action: { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...(onExists ? { onConditionFailed: onExists } : {}),
  };
}

/**
 * Replace an item with its next state, only if it is still the version (and
 * so the status) that was read: two people acting on the same record at once
 * cannot both win, and nothing the other wrote is lost.
 */
export function replaceIfCurrent(
  item: Record<string, unknown>,
  read: { version: number; status: string },
  onStale: () => AppError,
): GuardedAction {
  return {
    action: {
      Put: {
        TableName: tableName(),
        Item: item,
        ConditionExpression: 'version = :expected AND #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':expected': read.version, ':status': read.status },
      },
    },
    onConditionFailed: onStale,
  };
}
