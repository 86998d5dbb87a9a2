import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { newId } from '../ids';
import type { DomainEvent } from '../notify/domain-event';
import { documentClient, tableName } from './client';
import { keys } from './keys';
import { TTL_ATTRIBUTE } from './table-definition';
import type { GuardedAction } from './transact';

/** A domain event as the outbox keeps it: with the id deliveries are deduplicated by. */
export interface OutboxEvent extends DomainEvent {
  id: string;
}

/** Long enough for a stalled notifier to be fixed; an undelivered event never outlives it unnoticed (the notifier's DLQ alarms). */
const KEEP_SECONDS = 14 * 24 * 60 * 60;

/**
 * The events a change reports, as Puts that ride in the change's own
 * transaction: the event lands exactly when the change does, so a crash or a
 * timeout after the commit cannot lose it (the notifier delivers it later),
 * and a change that fails writes none.
 */
export function outboxActions(events: readonly DomainEvent[]): GuardedAction[] {
  return events.map((event) => {
    const id = newId('evt');
    const stored: OutboxEvent = { ...event, id };
    return {
      action: {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.outboxEvent(event.at, id),
            entity: 'outbox-event',
            event: stored,
            [TTL_ATTRIBUTE]: Math.floor(Date.parse(event.at) / 1000) + KEEP_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    };
  });
}

/** The event an outbox item holds (from a Query, or a stream record's new image once unmarshalled). */
export function outboxEventOf(item: Record<string, unknown>): OutboxEvent | undefined {
  if (item.pk !== keys.outboxPartition || item.entity !== 'outbox-event') return undefined;
  return item.event as OutboxEvent;
}

/** Undelivered events, oldest first: one strongly consistent Query of the outbox partition. */
export async function pendingOutboxEvents(limit: number): Promise<OutboxEvent[]> {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.outboxPartition },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(outboxEventOf).filter((e): e is OutboxEvent => e !== undefined);
}

/** Take a delivered event out of the outbox (already gone is fine: another drain delivered it too, once). */
export async function removeFromOutbox(event: OutboxEvent): Promise<void> {
  await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.outboxEvent(event.at, event.id) }));
}
