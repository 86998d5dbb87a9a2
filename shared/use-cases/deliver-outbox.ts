import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { idempotencyStore } from '../data/idempotency-store';
import { outboxEventOf, pendingOutboxEvents, removeFromOutbox, type OutboxEvent } from '../data/outbox.repository';
import { logger } from '../logger';
import { publishEvents } from '../notify/publish-events';

/**
 * A delivered event's record (Powertools idempotency, keyed by the event id) is
 * kept as long as the outbox keeps an event, so a retried stream batch, a
 * second drain or a restarted process finds it delivered and sends nothing again.
 */
const KEEP_SECONDS = 14 * 24 * 60 * 60;

export type DeliveryOutcome = 'delivered' | 'in-progress';

/**
 * Deliver one outbox event at most once per event id (EventBridge and the
 * emails to its audiences, or locally the outbox files), then take it out of
 * the outbox. A delivery still running elsewhere (a concurrent drain, a
 * stream retry) is left for it: the event stays in the outbox until one of
 * them finishes. An event already delivered is only removed.
 */
export async function deliverOutboxEvent(event: OutboxEvent, context?: Context): Promise<DeliveryOutcome> {
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: KEEP_SECONDS });
  if (context?.getRemainingTimeInMillis) config.registerLambdaContext(context);
  const once = makeIdempotent(
    async (e: OutboxEvent) => {
      const { undelivered } = await publishEvents([e]);
      // Thrown, so Powertools records no delivery and the outbox keeps the event for the next attempt.
      if (undelivered > 0) throw new Error(`Event ${e.id}: ${undelivered} part(s) not delivered; it stays in the outbox`);
      return { deliveredAt: new Date().toISOString() };
    },
    { persistenceStore: idempotencyStore('delivery'), config },
  );
  try {
    await once(event);
  } catch (err) {
    if (err instanceof IdempotencyAlreadyInProgressError || (err as Error).name === 'IdempotencyAlreadyInProgressError') return 'in-progress';
    throw err;
  }
  await removeFromOutbox(event);
  return 'delivered';
}

/**
 * Deliver a batch of the table's stream (in AWS, the notifier's). Primary
 * course: each new outbox item, in stream order, is delivered once by event
 * id (`deliverOutboxEvent`); every other record (any other item, a removal)
 * is skipped. At the first record that fails, or whose delivery is still
 * running elsewhere, the batch stops and reports that record as failed, so
 * Lambda retries the batch from there, in order.
 */
export async function deliverStreamRecords(records: readonly DynamoDBRecord[], context?: Context): Promise<DynamoDBBatchResponse> {
  for (const record of records) {
    const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : undefined;
    const outboxEvent = image ? outboxEventOf(unmarshall(image as Record<string, AttributeValue>)) : undefined;
    if (!outboxEvent) continue;
    try {
      const outcome = await deliverOutboxEvent(outboxEvent, context);
      if (outcome === 'in-progress') throw new Error('delivery still in progress elsewhere');
      logger.info('Outbox event delivered', { eventId: outboxEvent.id, type: outboxEvent.type });
    } catch (err) {
      logger.error('Outbox event not delivered; retried from here', { eventId: outboxEvent.id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * A local drain holds each delivery's in-progress claim as a notifier Lambda
 * with a one-minute timeout would: a process killed mid-delivery leaves a
 * claim that expires, and the next drain delivers the event.
 */
const LOCAL_DRAIN_MS = 60_000;

function localDrainContext(): Context {
  const deadline = Date.now() + LOCAL_DRAIN_MS;
  return { getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) } as Context;
}

/**
 * Locally (the gateway after each request and on a timer, `npm run jobs`, the
 * tests' client): deliver what the outbox holds, oldest first, up to `limit`
 * events. Drains in one process run one after another, so each sees what
 * the ones before it left and none writes for an event another delivered.
 */
export function drainOutbox(limit = 100): Promise<number> {
  const run = chain.then(async () => {
    let delivered = 0;
    let pending: OutboxEvent[];
    try {
      pending = await pendingOutboxEvents(limit);
    } catch (err) {
      // The table is unreachable: the events wait there for the next drain.
      logger.warn('Could not read the outbox; the next drain tries again', { errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
      return 0;
    }
    for (const event of pending) {
      try {
        if ((await deliverOutboxEvent(event, localDrainContext())) === 'delivered') delivered++;
      } catch (err) {
        logger.error('Could not deliver an outbox event; it stays for the next drain', { eventId: event.id, type: event.type, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
      }
    }
    return delivered;
  });
  chain = run.catch(() => undefined);
  return run;
}
