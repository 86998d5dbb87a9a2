/**
 * The table's shape, in one place: the CDK stack and the local setup both build
 * the table from this, so the keys and indexes cannot drift apart.
 *
 * One table, generic key names, overloaded indexes (see README.md beside this
 * file for which entity uses which index for what).
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
}

export const TABLE_INDEXES = [
  /** Lists by parent: officers by home org, baselines by capability, campaigns by status, alerts by org+status. */
  { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Second view of the same items: applications by officer, campaigns by capability, all baselines (heatmap). */
  { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** Sparse, by date: alerts due to escalate, accepted moves due; and a home organisation's secondment applications. */
  { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
] as const satisfies readonly IndexDefinition[];

export type IndexName = (typeof TABLE_INDEXES)[number]['name'];

/** Items with this attribute (epoch seconds) are removed by DynamoDB TTL (idempotency records). */
export const TTL_ATTRIBUTE = 'expiresAt';

export const STREAM_VIEW = 'NEW_AND_OLD_IMAGES' as const;

/** CreateTable input for DynamoDB Local (and any tool that needs the raw shape). */
export function createTableInput(tableName: string) {
  const attributeNames = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: attributeNames.map((AttributeName) => ({ AttributeName, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: TABLE_INDEXES.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW },
  };
}
