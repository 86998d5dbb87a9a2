import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  httpApi: HttpApi;
  /** Failure (dead-letter) queues of the scheduled and asynchronous functions. */
  failureQueues: readonly IQueue[];
}

const PERIOD = Duration.minutes(5);

/**
 * A few aggregate alarms rather than one per function, so the stack stays far
 * from CloudFormation's 500-resource limit however many routes there are (a
 * topic, its policy and four alarms, whatever the route count):
 *
 * - API 5xx: the contract is never a 5xx except 503 while the table is
 *   unreachable, so five in five minutes is worth a look;
 * - Lambda errors and throttles, across the account's functions in the
 *   region (the service runs in an account of its own per stage; a function
 *   that errors or is throttled answers 5xx or misses a scheduled run);
 * - messages in any failure queue (a scheduled run or event that failed
 *   after its retries).
 *
 * Every alarm notifies the `Alarms` topic (encrypted, TLS only); subscribe
 * the on-call address or chat integration to it.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'rocu-workforce alarms',
      masterKey: Alias.fromAliasName(this, 'SnsKey', 'alias/aws/sns'),
      enforceSSL: true,
    });
    const action = new SnsAction(this.topic);

    const add = (name: string, description: string, metric: IMetric, threshold: number) => {
      const alarm = new Alarm(this, name, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };

    add('Api5xx', 'The HTTP API answered 5xx (5 or more in 5 minutes)', props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }), 5);
    const lambda = (metricName: string) => new Metric({ namespace: 'AWS/Lambda', metricName, statistic: 'Sum', period: PERIOD });
    add('LambdaErrors', 'A Lambda function failed (unhandled error or timeout)', lambda('Errors'), 1);
    add('LambdaThrottles', 'A Lambda invocation was throttled (concurrency limit reached)', lambda('Throttles'), 1);

    // One alarm for every failure queue: the sum of their visible messages (metric math takes up to 10 metrics).
    const depths = Object.fromEntries(
      props.failureQueues.slice(0, 10).map((q, i) => [`q${i}`, q.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' })]),
    );
    if (Object.keys(depths).length) {
      add(
        'FailureQueueDepth',
        'A scheduled job or asynchronous event failed after its retries: see the failure queues',
        new MathExpression({ expression: Object.keys(depths).join(' + '), usingMetrics: depths, period: PERIOD, label: 'Messages in failure queues' }),
        1,
      );
    }
  }
}
