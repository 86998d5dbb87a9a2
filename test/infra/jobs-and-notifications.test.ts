import { beforeAll, describe, expect, it } from 'vitest';
import { Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { routeList } from '../../shared/api/routes';
import { defineRoute, type RouteDef } from '../../shared/http/route';
import { resourcesOfType, synthService } from './support/synth-service';

type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: Record<string, unknown> };
type Resource = { Properties?: Record<string, any> };

/** A write route beside those the route table holds today. */
const writeProbe: RouteDef = defineRoute({
  ...routeList.find((r) => r.access === 'write')!,
  id: 'probeWrite',
  path: '/v1/probe-write',
});

function statementsOfRole(template: Template, roleId: string): Statement[] {
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
}
const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
const roleOf = (fn: Resource) => (fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

describe('the alert escalation job', () => {
  let template: Template;
  let job: [string, Resource];

  beforeAll(() => {
    template = synthService().template();
    job = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(([id]) => id.startsWith('EscalateDueAlertsJob'))!;
  });

  it('is a function of its own, run every 15 minutes by an EventBridge rule', () => {
    expect(job).toBeDefined();
    expect(job[1].Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 120 });
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).filter(
      (r) => r.Properties!.ScheduleExpression === 'rate(15 minutes)',
    );
    expect(rules).toHaveLength(1);
    const target = rules[0]!.Properties!.Targets[0];
    expect(target.Arn).toEqual({ 'Fn::GetAtt': [job[0], 'Arn'] });
  });

  it('sends an event it cannot deliver to an encrypted, TLS-only dead-letter queue, after retries', () => {
    const rule = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).find((r) => r.Properties!.ScheduleExpression === 'rate(15 minutes)')!;
    const target = rule.Properties!.Targets[0];
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    const queue = resourcesOfType(template, 'AWS::SQS::Queue')[queueId]!;
    expect(queue.Properties!.SqsManagedSseEnabled).toBe(true);
    const policies = Object.values(resourcesOfType(template, 'AWS::SQS::QueuePolicy')).filter((p) =>
      JSON.stringify(p.Properties!.Queues).includes(queueId),
    );
    const statements = policies.flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    // EventBridge may put the undeliverable event there, only for this rule.
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Allow', Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } }),
    );
  });

  it('sends an invocation that still fails after Lambda’s retries to the same queue', () => {
    const configs = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')).filter(
      (c) => c.Properties!.FunctionName.Ref === job[0],
    );
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    const destination = JSON.stringify(configs[0]!.Properties!.DestinationConfig.OnFailure.Destination);
    expect(destination).toMatch(/EscalateDueAlertsJobFailures/);
  });

  it('can write the table, read the due index and report its failures, but neither Scan nor publish (its events go to the outbox)', () => {
    const actions = actionsOf(statementsOfRole(template, roleOf(job[1])));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem', 'sqs:SendMessage']));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => /^(events|ses):/.test(a))).toEqual([]);
  });

  it('knows the table, and not the bus: it publishes nothing itself', () => {
    const vars = job[1].Properties!.Environment.Variables;
    expect(vars).toMatchObject({ TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) }, NOTIFY_MODE: 'off' });
    expect(vars.EVENT_BUS_NAME).toBeUndefined();
    expect(vars.SENDER_EMAIL).toBeUndefined();
  });
});

describe('the move job', () => {
  let template: Template;
  let job: [string, Resource];
  const hourly = (r: Resource) => r.Properties!.ScheduleExpression === 'rate(1 hour)';

  beforeAll(() => {
    template = synthService().template();
    job = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(([id]) => id.startsWith('ApplyDueMovesJob'))!;
  });

  it('is a function of its own, run every hour by an EventBridge rule', () => {
    expect(job).toBeDefined();
    expect(job[1].Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], Timeout: 120 });
    const rules = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).filter(hourly);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties!.Targets[0].Arn).toEqual({ 'Fn::GetAtt': [job[0], 'Arn'] });
  });

  it('has a failure queue of its own: the rule’s dead-letter queue and the function’s on-failure destination', () => {
    const target = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).find(hourly)!.Properties!.Targets[0];
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    expect(queueId).toMatch(/^ApplyDueMovesJobFailures/);
    expect(resourcesOfType(template, 'AWS::SQS::Queue')[queueId]!.Properties!.SqsManagedSseEnabled).toBe(true);

    const configs = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')).filter((c) => c.Properties!.FunctionName.Ref === job[0]);
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties).toMatchObject({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    expect(configs[0]!.Properties!.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
  });

  it('can read the due index and write the table, and report its failures, but not Scan or publish', () => {
    const roleId = roleOf(job[1]);
    expect(roleId).toMatch(/ApplyDueMovesJobRole/);
    const actions = actionsOf(statementsOfRole(template, roleId));
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem', 'sqs:SendMessage']),
    );
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => /^(events|ses):/.test(a))).toEqual([]);
    expect(job[1].Properties!.Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) } });
    expect(job[1].Properties!.Environment.Variables.EVENT_BUS_NAME).toBeUndefined();
  });
});

describe('notifications', () => {
  let template: Template;
  let functions: Record<string, Resource>;
  /** The one function that may publish: the outbox notifier. Every route and job writes its events to the outbox. */
  const publishes = (id: string) => id.startsWith('OutboxNotifier');

  beforeAll(() => {
    template = synthService({ senderEmail: 'workforce@notify.example.police.uk', appUrl: 'https://workforce.example.police.uk/' }).template();
    functions = resourcesOfType(template, 'AWS::Lambda::Function');
  });

  it('has an event bus of its own, named for the stage', () => {
    const buses = Object.values(resourcesOfType(template, 'AWS::Events::EventBus'));
    expect(buses).toHaveLength(1);
    expect(buses[0]!.Properties!.Name).toBe('rocu-workforce-dev');
  });

  it('lets only the notifier’s role put events and send email, from the configured sender only', () => {
    const notifyingRoles = new Set(Object.entries(functions).filter(([id]) => publishes(id)).map(([, fn]) => roleOf(fn)));
    expect(notifyingRoles.size).toBe(1);
    for (const roleId of Object.keys(resourcesOfType(template, 'AWS::IAM::Role'))) {
      const statements = statementsOfRole(template, roleId);
      const actions = actionsOf(statements);
      if (!notifyingRoles.has(roleId)) {
        expect(actions.filter((a) => /^(events|ses):/.test(a)), roleId).toEqual([]);
        continue;
      }
      expect(actions).toEqual(expect.arrayContaining(['events:PutEvents', 'ses:SendEmail']));
      const bus = statements.find((s) => actionsOf([s]).includes('events:PutEvents'))!;
      expect(bus.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^NotificationsBus/), 'Arn'] });
      const ses = statements.find((s) => actionsOf([s]).includes('ses:SendEmail'))!;
      expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'workforce@notify.example.police.uk' } });
      expect(JSON.stringify(ses.Resource)).toContain(':identity/*');
    }
  });

  it('tells only the notifier where to publish; the rest run with NOTIFY_MODE=off', () => {
    for (const [id, fn] of Object.entries(functions)) {
      if (id.startsWith('CustomCDKBucketDeployment') || id.startsWith('PreTokenGeneration')) continue;
      const vars = (fn.Properties!.Environment?.Variables ?? {}) as Record<string, unknown>;
      if (publishes(id)) {
        expect(vars, id).toMatchObject({ NOTIFY_MODE: 'aws', SENDER_EMAIL: 'workforce@notify.example.police.uk', APP_URL: 'https://workforce.example.police.uk' });
        expect(vars.EVENT_BUS_NAME).toBeDefined();
      } else {
        expect(vars.NOTIFY_MODE, id).toBe('off');
        expect(vars.EVENT_BUS_NAME, id).toBeUndefined();
      }
    }
  });

  it('refuses a route its function could not serve: a write on the read function', () => {
    const writesOnRead: RouteDef = { ...writeProbe, function: 'read' };
    expect(() => synthService({}, { routes: [...routeList, writesOnRead] })).toThrow(/may only read/);
  });

  it('rejects a sender that is not an email address', () => {
    expect(() => synthService({ senderEmail: 'workforce' })).toThrow(/senderEmail/);
    expect(() => synthService({ appUrl: 'workforce.example' })).toThrow(/appUrl/);
  });

  it('leaves cdk-nag nothing unexplained', () => {
    const { app } = synthService({}, { routes: [...routeList, writeProbe] });
    const findings = new AwsSolutionsChecks().validateScope(app).violations.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(findings).toEqual([]);
    expect(Validations.ACKNOWLEDGED_RULES_METADATA_KEY).toBeDefined();
  });
});

describe('the outbox notifier', () => {
  it('reads the table’s stream, new outbox items only, with partial batch failures, bisection and a failure queue', () => {
    const template = synthService().template();
    const mappings = Object.values(resourcesOfType(template, 'AWS::Lambda::EventSourceMapping'));
    expect(mappings).toHaveLength(1);
    const props = mappings[0]!.Properties!;
    expect(props).toMatchObject({ BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'], StartingPosition: 'TRIM_HORIZON', MaximumRetryAttempts: 5 });
    expect(JSON.stringify(props.EventSourceArn)).toContain('StreamArn');
    expect(JSON.stringify(props.FilterCriteria)).toContain('OUTBOX');
    expect(JSON.stringify(props.DestinationConfig.OnFailure.Destination)).toContain('OutboxNotifierFailures');
  });
});
