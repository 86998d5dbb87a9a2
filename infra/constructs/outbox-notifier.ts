import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { ApiFunction } from './api-function';

export interface OutboxNotifierProps {
  table: ITableV2;
  role: IRole;
  logGroupName: string;
  logRetention: RetentionDays;
  environment: Record<string, string>;
}

/**
 * The notifier: the table's stream, filtered to new outbox items, feeds one
 * function that delivers each event once (by event id) and deletes it. A
 * failing record is reported back (partial batch responses) and the batch
 * bisected, so Lambda retries in order; past the retries the batch's
 * description goes to the notifier's failure queue, and its events stay in
 * the outbox (TTL 14 days) for an operator to replay.
 */
export class OutboxNotifier extends Construct {
  readonly function: ApiFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: OutboxNotifierProps) {
    super(scope, id);
    this.failures = new Queue(this, 'Failures', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    acknowledge(this.failures, 'AwsSolutions-SQS3', 'This queue is itself the on-failure destination of the notifier’s stream mapping; nothing consumes it, so it needs no DLQ of its own.');
    this.function = new ApiFunction(this, 'Function', {
      handler: 'jobs/notify-from-outbox',
      role: props.role,
      logGroupName: props.logGroupName,
      logRetention: props.logRetention,
      environment: props.environment,
      timeoutSeconds: 60,
      memoryMb: 256,
    });
    this.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.failures),
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { pk: { S: FilterRule.isEqual('OUTBOX') } } } })],
      }),
    );
  }
}
