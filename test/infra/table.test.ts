import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { STREAM_VIEW, TABLE_INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../shared/data/table-definition';
import { resourcesOfType, synthService } from './support/synth-service';

describe('the service table', () => {
  let template: Template;
  let table: Record<string, any>;

  beforeAll(() => {
    template = synthService().template();
    const tables = Object.values(resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'));
    expect(tables).toHaveLength(1);
    table = tables[0]!;
  });

  it('is billed on demand', () => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('can be restored to any second of the last 35 days (point-in-time recovery)', () => {
    expect(table.Properties.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('cannot be deleted by accident: deletion protection on, and kept when the stack goes', () => {
    expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('is encrypted with KMS', () => {
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('has the keys of the shared table definition', () => {
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
  });

  it('has exactly the indexes of the shared table definition, each projecting whole items', () => {
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      TABLE_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
  });

  it('streams old and new images and expires items by the TTL attribute', () => {
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: STREAM_VIEW });
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TTL_ATTRIBUTE, Enabled: true });
  });
});
