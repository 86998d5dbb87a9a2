import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Alias } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  httpApi: HttpApi;
  /** Every Lambda function of the service, by a short name for the alarm ids (`ReadApi`, `EscalateDueAlertsJob`, …). */
  functions: readonly { name: string; fn: IFunction; timeout: Duration }[];
  /** Failure (dead-letter) queues of the scheduled and asynchronous functions. */
  failureQueues: readonly IQueue[];
}

const PERIOD = Duration.minutes(5);
/** A p99 this close to the timeout means some requests are about to be cut off (and answer 503). */
const DURATION_SHARE_OF_TIMEOUT = 0.8;

/**
 * The service's alarms, to one topic. With a handful of functions (one per
 * permission kind of API route, the scheduled jobs, the sign-in trigger),
 * alarms per function are affordable: three per function, whatever the
 * number of routes.
 *
 * - API 5xx: the contract is never a 5xx except 503 while the table is
 *   unreachable, so five in five minutes is worth a look;
 * - per function: any error (an unhandled error or a timeout: for an API
 *   function a 5xx the handler could not even shape, for a job a failed
 *   run), any throttle (a request refused or a run delayed at the
 *   concurrency limit), and a p99 duration past 80% of its timeout;
 * - messages in any failure queue (a scheduled run or event that failed
 *   after its retries).
 *
 * Which route misbehaves is in the per-route metrics (`RequestDuration`,
 * `ServerError` by `route`, shared/metrics.ts) and on every log line.
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
    for (const { name, fn, timeout } of props.functions) {
      add(`${name}Errors`, `${name}: an invocation failed (unhandled error or timeout)`, fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), 1);
      add(`${name}Throttles`, `${name}: an invocation was throttled (concurrency limit reached)`, fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), 1);
      const limitMs = Math.round(timeout.toMilliseconds() * DURATION_SHARE_OF_TIMEOUT);
      add(
        `${name}DurationP99`,
        `${name}: p99 duration over ${limitMs} ms, 80% of its ${timeout.toSeconds()} s timeout`,
        fn.metricDuration({ period: PERIOD, statistic: 'p99' }),
        limitMs,
      );
    }

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
