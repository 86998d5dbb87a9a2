import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { baseClient, tableName } from './client';
import { keys } from './keys';
import { TTL_ATTRIBUTE } from './table-definition';

const stores = new Map<string, DynamoDBPersistenceLayer>();

/**
 * Powertools' DynamoDB persistence in the service's own table: the records of
 * one kind live in one partition (`IDEMPOTENCY` for creating requests,
 * `IDEMPOTENCY#DELIVERY` for outbox deliveries), keyed by Powertools' hash of
 * what the caller keys them by, and expire through the table's TTL attribute.
 */
export function idempotencyStore(kind: 'request' | 'delivery'): DynamoDBPersistenceLayer {
  const partition = kind === 'request' ? keys.requestIdempotencyPartition : keys.deliveryIdempotencyPartition;
  let store = stores.get(partition);
  if (!store) {
    store = new DynamoDBPersistenceLayer({
      tableName: tableName(),
      keyAttr: 'pk',
      sortKeyAttr: 'sk',
      staticPkValue: partition,
      expiryAttr: TTL_ATTRIBUTE,
      awsSdkV3Client: baseClient(),
    });
    stores.set(partition, store);
  }
  return store;
}

/** For tests that point the process at a fresh table. */
export function resetIdempotencyStores(): void {
  stores.clear();
}
