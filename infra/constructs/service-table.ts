import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { STREAM_VIEW, TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/data/table-definition';

/**
 * The service's single DynamoDB table, built from `shared/data/table-definition`
 * (the same source DynamoDB Local is created from), so keys and indexes cannot drift.
 */
export class ServiceTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const string = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(TABLE_KEYS.partitionKey),
      sortKey: string(TABLE_KEYS.sortKey),
      globalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        // The indexes are overloaded across entities, so every read needs the whole item.
        projectionType: ProjectionType.ALL,
      })),
      billing: Billing.onDemand(),
      // The audit trail and every decision live here: recoverable to the second, never deleted with the stack.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryptionV2.awsManagedKey(),
      timeToLiveAttribute: TTL_ATTRIBUTE,
      dynamoStream: StreamViewType[STREAM_VIEW],
    });
  }
}
