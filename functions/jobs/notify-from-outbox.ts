import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { outboxEventOf } from '../../shared/data/outbox.repository';
import { logger } from '../../shared/logger';
import { deliverOutboxEvent } from '../../shared/use-cases/deliver-outbox';

/**
 * The notifier, fed by the table's stream: every outbox event written in a
 * change's transaction is delivered (EventBridge, and SES to its audiences'
 * contacts) once, by event id, then taken out of the outbox. Records are
 * handled in stream order; at the first that fails (or whose delivery is
 * still running elsewhere) the rest of the batch is reported back as failed
 * from there, so Lambda retries them in order (bisecting on error), and past
 * the retries the batch goes to the notifier's failure queue. Every other
 * record of the stream (any other item, a removal) is skipped.
 */
export async function handler(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
  logger.addContext(context);
  for (const record of event.Records) {
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
