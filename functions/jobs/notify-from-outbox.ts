import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { deliverStreamRecords } from '../../shared/use-cases/deliver-outbox';

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
  return deliverStreamRecords(event.Records, context);
}
