import { fileURLToPath } from 'node:url';
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Schedule } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { checkRouteKind, FUNCTION_KIND_NAMES, FUNCTION_KINDS, functionKind, routesOfKind, type FunctionKind } from '../shared/api/function-kinds';
import { routeList } from '../shared/api/routes';
import type { RouteDef } from '../shared/http/route';
import { Alarms } from './constructs/alarms';
import { ApiFunction, SERVICE_NAME } from './constructs/api-function';
import { FunctionRoles } from './constructs/function-roles';
import { Identity } from './constructs/identity';
import { Notifications } from './constructs/notifications';
import { OutboxNotifier } from './constructs/outbox-notifier';
import { ScheduledJob } from './constructs/scheduled-job';
import { ServiceApi } from './constructs/service-api';
import { ServiceTable } from './constructs/service-table';
import { SIGN_IN_CALLBACK_PATH, WebHosting } from './constructs/web-hosting';
import type { ServiceSettings } from './service-settings';

export interface ServiceStackProps extends StackProps {
  settings: ServiceSettings;
  /** Defaults to the route table; tests may pass a different list. */
  routes?: readonly RouteDef[];
}

/**
 * The whole service in one stack: the table, the Cognito identity, one Lambda
 * function per permission kind of API route (read, write, import; see
 * `shared/api/function-kinds.ts`) and one HTTP API route per route-table
 * entry sent to its kind's function, the scheduled jobs, and the outbox
 * notifier, the one function that may publish (event bus, SES). Nothing here is per-route: adding a route
 * is an entry in `shared/api/routes.ts`, its handler, and its loader in its
 * kind's entry (`functions/api/<kind>.ts`).
 *
 * A route costs one resource (its API route). An API function costs 9
 * (function, log group, role, policy, integration, invoke permission, three
 * alarms), a scheduled job 12 (function, log group, role, policy, rule,
 * invoke permission, queue, queue policy, async-invoke config, three alarms),
 * so the stack stays well under 250 of CloudFormation's 500 resources
 * (test/infra/alarms.test.ts).
 */
export class ServiceStack extends Stack {
  readonly table: ServiceTable;
  readonly identity: Identity;
  readonly api: ServiceApi;
  readonly notifications: Notifications;
  readonly escalationJob: ScheduledJob;
  readonly moveJob: ScheduledJob;
  readonly secondmentJob: ScheduledJob;
  readonly campaignCloseJob: ScheduledJob;
  readonly workforceJob: ScheduledJob;
  readonly notifier: OutboxNotifier;
  readonly web: WebHosting;
  readonly alarms: Alarms;
  /** The API's functions, by kind. */
  readonly apiFunctions = new Map<FunctionKind, ApiFunction>();

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const logPrefix = `/${SERVICE_NAME}/${settings.stage}/`;
    const functionLogGroup = (name: string) => `${logPrefix}functions/${name}`;

    this.table = new ServiceTable(this, 'Data');
    this.notifications = new Notifications(this, 'Notifications', {
      stage: settings.stage,
      senderEmail: settings.senderEmail,
      appUrl: settings.appUrl,
    });
    const roles = new FunctionRoles(this, 'FunctionRoles', { table: this.table.table, logGroupNamePrefix: logPrefix });
    const base = { TABLE_NAME: this.table.table.tableName, STAGE: settings.stage };
    // Only the outbox notifier publishes, so only it knows where to; the rest say they publish nothing, so
    // none can send by mistake (their events are outbox items in the transaction of the change).
    const environment = { ...base, NOTIFY_MODE: 'off' };

    const preTokenGeneration = new ApiFunction(this, 'PreTokenGenerationFunction', {
      handler: 'identity/pre-token-generation',
      role: roles.createRole('PreTokenGenerationRole', 'The sign-in trigger: reshapes the token claims, touches nothing else', 'none'),
      logGroupName: functionLogGroup('preTokenGeneration'),
      logRetention: settings.logRetention,
      environment: { STAGE: settings.stage },
      // Runs on every sign-in and token refresh; it only reshapes the event.
      timeoutSeconds: 5,
      memoryMb: 128,
    });
    // The web UI's distribution comes before the identity: the Cognito client returns to it after sign-in.
    // Its CSP cannot name the API's id (the API's JWT authorizer names the client, whose callback names
    // the distribution: a cycle), so it allows this region's execute-api hosts and the hosted sign-in domain.
    const hostedSignIn = `https://${settings.cognitoDomainPrefix}.auth.${Aws.REGION}.amazoncognito.com`;
    this.web = new WebHosting(this, 'Web', {
      distDir: fileURLToPath(new URL('../web/dist', import.meta.url)),
      connectSources: [hostedSignIn, `https://*.execute-api.${Aws.REGION}.amazonaws.com`],
    });
    this.identity = new Identity(this, 'Identity', {
      callbackUrls: [...settings.callbackUrls, `${this.web.url}${SIGN_IN_CALLBACK_PATH}`],
      logoutUrls: [...settings.logoutUrls, `${this.web.url}/`],
      domainPrefix: settings.cognitoDomainPrefix,
      preTokenGeneration,
    });

    this.api = new ServiceApi(this, 'Api', {
      jwtIssuer: this.identity.issuerUrl,
      jwtAudience: [this.identity.webClient.userPoolClientId],
      allowedOrigins: [...settings.allowedOrigins, this.web.url],
      throttleRateLimit: settings.throttleRateLimit,
      throttleBurstLimit: settings.throttleBurstLimit,
      accessLogGroupName: `${logPrefix}api-access`,
      logRetention: settings.logRetention,
    });

    const routes = props.routes ?? routeList;
    for (const route of routes) checkRouteKind(route);
    // A function for each kind that serves at least one route, each with a role of its own.
    for (const kind of FUNCTION_KIND_NAMES) {
      if (routesOfKind(kind, routes).length === 0) continue;
      const spec = FUNCTION_KINDS[kind];
      const name = `${pascal(kind)}Api`;
      this.apiFunctions.set(
        kind,
        new ApiFunction(this, `${name}Function`, {
          handler: `api/${kind}`,
          role: roles.createRole(`${name}Role`, `The ${kind} API function: ${spec.description}`, spec.access),
          logGroupName: functionLogGroup(`api-${kind}`),
          logRetention: settings.logRetention,
          environment,
          memoryMb: spec.memoryMb,
          timeoutSeconds: spec.timeoutSeconds,
        }),
      );
    }
    for (const route of routes) this.api.addRoute(route, this.apiFunctions.get(functionKind(route))!);

    // BRIEF.md rule 3: an alert nobody answers within 10 working days escalates to the ROCC by itself, and one
    // the ROCC does not decide within 5 working days gets the default outcome.
    this.escalationJob = new ScheduledJob(this, 'EscalateDueAlertsJob', {
      handler: 'jobs/escalate-due-alerts',
      description: 'Escalate capability alerts unanswered past their due time to the ROCC; give escalated alerts the ROCC did not decide in time the default outcome',
      schedule: Schedule.rate(Duration.minutes(15)),
      // Its escalations' events are outbox items, so no bus or SES grants.
      role: roles.createRole('EscalateDueAlertsJobRole', 'The alert escalation job: reads and writes the table', 'write'),
      logGroupName: functionLogGroup('escalateDueAlertsJob'),
      logRetention: settings.logRetention,
      environment,
    });

    // BRIEF.md "Capability protection": when an accepted move takes effect the officer's home changes,
    // and strength and committedOut drop by one together. Start dates are days, so hourly is prompt enough.
    this.moveJob = new ScheduledJob(this, 'ApplyDueMovesJob', {
      handler: 'jobs/apply-due-moves',
      description: 'Apply accepted moves whose start date has come: the officer moves home, counters follow',
      schedule: Schedule.rate(Duration.hours(1)),
      role: roles.createRole('ApplyDueMovesJobRole', 'The move job: reads and writes the table', 'write'),
      logGroupName: functionLogGroup('applyDueMovesJob'),
      logRetention: settings.logRetention,
      environment,
    });

    // A confirmed secondment becomes active on its start date and completes on its end date
    // (the officer counts in the home team's projection again). Hourly, five past, so it does not start with the move job.
    this.secondmentJob = new ScheduledJob(this, 'AdvanceDueSecondmentsJob', {
      handler: 'jobs/advance-due-secondments',
      description: 'Start confirmed secondments on their start date and complete active ones on their end date',
      schedule: Schedule.cron({ minute: '5' }),
      role: roles.createRole('AdvanceDueSecondmentsJobRole', 'The secondment lifecycle job: reads and writes the table', 'write'),
      logGroupName: functionLogGroup('advanceDueSecondmentsJob'),
      logRetention: settings.logRetention,
      environment,
    });

    // BRIEF.md "Recruitment campaigns": a job closes a campaign at its closing date. Applying is refused
    // after closesOn by the application's own condition, so this only moves the status on: hourly at ten past.
    this.campaignCloseJob = new ScheduledJob(this, 'CloseDueCampaignsJob', {
      handler: 'jobs/close-due-campaigns',
      description: 'Close open campaigns whose closing date has passed',
      schedule: Schedule.cron({ minute: '10' }),
      role: roles.createRole('CloseDueCampaignsJobRole', 'The campaign closing job: reads and writes the table', 'write'),
      logGroupName: functionLogGroup('closeDueCampaignsJob'),
      logRetention: settings.logRetention,
      environment,
    });

    // BRIEF.md "The capability forecast": postings end and leavers leave on their dates (counters follow), then a
    // daily check warns each ROCU head of a team whose forecast falls below its minimum within the window. Dates
    // are days: once a day, just after midnight UTC. Its alerts go through the outbox like every other change's.
    this.workforceJob = new ScheduledJob(this, 'WorkforceDailyJob', {
      handler: 'jobs/workforce-daily',
      description: 'End postings and mark leavers on their dates (counters follow), then raise or resolve forecast early warnings',
      schedule: Schedule.cron({ minute: '20', hour: '0' }),
      role: roles.createRole('WorkforceDailyJobRole', 'The daily workforce job: reads and writes the table', 'write'),
      logGroupName: functionLogGroup('workforceDailyJob'),
      logRetention: settings.logRetention,
      environment,
      timeoutSeconds: 300,
    });

    // Every domain event is written to the table's outbox in its change's transaction; this delivers them.
    // Reads the contacts and officers, writes delivery records, deletes delivered events, and alone publishes.
    const notifierRole = roles.createRole('OutboxNotifierRole', 'The notifier: reads the table stream, writes delivery records, publishes domain events', 'write');
    this.notifications.grantPublish(notifierRole);
    this.notifier = new OutboxNotifier(this, 'OutboxNotifier', {
      table: this.table.table,
      role: notifierRole,
      logGroupName: functionLogGroup('outboxNotifier'),
      logRetention: settings.logRetention,
      environment: { ...base, ...this.notifications.environment },
    });

    // config.json, written at deploy time: the app reads it at start and signs in through the hosted UI.
    this.web.deploy({
      apiUrl: this.api.url,
      cognitoDomain: this.identity.domain.baseUrl(),
      clientId: this.identity.webClient.userPoolClientId,
      region: Aws.REGION,
      redirectUri: `${this.web.url}${SIGN_IN_CALLBACK_PATH}`,
      logoutUri: `${this.web.url}/`,
    });

    // API 5xx, each function's errors, throttles and p99 duration, failure-queue depth: to one topic.
    const jobs = {
      EscalateDueAlertsJob: this.escalationJob,
      ApplyDueMovesJob: this.moveJob,
      AdvanceDueSecondmentsJob: this.secondmentJob,
      CloseDueCampaignsJob: this.campaignCloseJob,
      WorkforceDailyJob: this.workforceJob,
    };
    const notifier = { name: 'OutboxNotifier', fn: this.notifier.function };
    const functions = [
      ...[...this.apiFunctions].map(([kind, fn]) => ({ name: `${pascal(kind)}Api`, fn })),
      ...Object.entries(jobs).map(([name, job]) => ({ name, fn: job.function })),
      notifier,
      { name: 'PreTokenGeneration', fn: preTokenGeneration },
    ];
    this.alarms = new Alarms(this, 'Alarms', {
      httpApi: this.api.httpApi,
      functions: functions.map(({ name, fn }) => ({ name, fn, timeout: fn.timeout! })),
      failureQueues: [...Object.values(jobs).map((job) => job.failures), this.notifier.failures],
    });

    new CfnOutput(this, 'WebUrl', { value: this.web.url, description: 'The web UI (CloudFront)' });
    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API (routes start with /v1)' });
    new CfnOutput(this, 'UserPoolId', { value: this.identity.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.identity.webClient.userPoolClientId });
    new CfnOutput(this, 'CognitoDomain', { value: this.identity.domain.baseUrl(), description: 'Hosted sign-in base URL' });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.notifications.bus.eventBusName, description: 'Domain events, source rocu-workforce' });
    new CfnOutput(this, 'EscalationFailuresQueueUrl', {
      value: this.escalationJob.failures.queueUrl,
      description: 'Escalation runs that failed after retries (look here when an alert did not escalate)',
    });
  }
}

function pascal(slug: string): string {
  return slug
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
