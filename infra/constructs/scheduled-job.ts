import { Duration } from 'aws-cdk-lib';
import { Rule, type Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { ApiFunction } from './api-function';

export interface ScheduledJobProps {
  /** Module under `functions/` that exports `handler`, without extension. */
  handler: string;
  description: string;
  schedule: Schedule;
  /** The job's own role: the failure queue's send permission is added to it. */
  role: IRole;
  logGroupName: string;
  logRetention: RetentionDays;
  environment: Record<string, string>;
  timeoutSeconds?: number;
  memoryMb?: number;
}

/** Attempts after the first: EventBridge delivering to Lambda, and Lambda running the async invocation. */
const RETRY_ATTEMPTS = 2;
/** A run older than this is pointless: the next scheduled one has started by then. */
const MAX_EVENT_AGE = Duration.hours(1);

/**
 * A function run on a schedule (an EventBridge rule), with the project's
 * function defaults. Nothing fails silently: an event EventBridge cannot
 * deliver goes to the job's failure queue (the rule target's dead-letter
 * queue), and so does an invocation that still fails after Lambda's retries
 * (the function's on-failure destination). One queue for both: either way
 * the job did not run to the end, and an operator looks in one place.
 */
export class ScheduledJob extends Construct {
  readonly function: ApiFunction;
  readonly rule: Rule;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.failures = new Queue(this, 'Failures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS keeps a message: time to notice and look.
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.failures,
      'AwsSolutions-SQS3',
      'This queue is itself a dead-letter queue: of the schedule rule target and of the function’s on-failure destination, which cdk-nag does not recognise as such. Nothing consumes it, so it needs no DLQ of its own.',
    );

    this.function = new ApiFunction(this, 'Function', {
      handler: props.handler,
      role: props.role,
      logGroupName: props.logGroupName,
      logRetention: props.logRetention,
      environment: props.environment,
      timeoutSeconds: props.timeoutSeconds ?? 120,
      memoryMb: props.memoryMb ?? 256,
    });
    this.function.configureAsyncInvoke({
      onFailure: new SqsDestination(this.failures),
      retryAttempts: RETRY_ATTEMPTS,
      maxEventAge: MAX_EVENT_AGE,
    });

    this.rule = new Rule(this, 'Schedule', {
      description: props.description,
      schedule: props.schedule,
      targets: [
        new LambdaFunction(this.function, { deadLetterQueue: this.failures, retryAttempts: RETRY_ATTEMPTS, maxEventAge: MAX_EVENT_AGE }),
      ],
    });
  }
}
