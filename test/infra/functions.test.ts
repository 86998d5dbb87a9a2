import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { FUNCTION_KIND_NAMES, FUNCTION_KINDS, type FunctionKind } from '../../shared/api/function-kinds';
import { resourcesOfType, synthService } from './support/synth-service';

/** Actions that change table data: a read-only function's role must hold none of them. */
const WRITE_ACTIONS = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|\*|.*Write.*)$/;

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
type Resource = { Properties?: Record<string, any> };

/** Leave out CDK's BucketDeployment provider (the web UI upload), which is not one of the service's functions. */
function withoutWebDeployment<T>(resources: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(resources).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment')));
}

const pascal = (kind: string) => kind.charAt(0).toUpperCase() + kind.slice(1);

/** The scheduled jobs' construct ids: escalation, moves, the secondment lifecycle, campaign closing, the daily workforce job. */
const SCHEDULED_JOBS = ['EscalateDueAlertsJob', 'ApplyDueMovesJob', 'AdvanceDueSecondmentsJob', 'CloseDueCampaignsJob', 'WorkforceDailyJob'];

// Every role's actions, spelled out: what each function may do, and so everything it may not.
const LOGS_AND_TRACES = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const TABLE_READ = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const TABLE_WRITE = [...TABLE_READ, 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
/** A scheduled job's, and the notifier's, failure queue. */
const FAILURE_QUEUE = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
const STREAM_READ = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
const PUBLISH = ['events:PutEvents', 'ses:SendEmail'];
const ROLE_ACTIONS: Record<string, string[]> = {
  PreTokenGenerationFunction: LOGS_AND_TRACES,
  ReadApiFunction: [...LOGS_AND_TRACES, ...TABLE_READ],
  WriteApiFunction: [...LOGS_AND_TRACES, ...TABLE_WRITE],
  ImportApiFunction: [...LOGS_AND_TRACES, ...TABLE_WRITE],
  ...Object.fromEntries(SCHEDULED_JOBS.map((job) => [`${job}Function`, [...LOGS_AND_TRACES, ...TABLE_WRITE, ...FAILURE_QUEUE]])),
  OutboxNotifierFunction: [...LOGS_AND_TRACES, ...TABLE_WRITE, ...FAILURE_QUEUE, ...STREAM_READ, ...PUBLISH],
};

describe('the Lambda functions', () => {
  let template: Template;
  let functions: Record<string, Resource>;

  /** The statements of the policies attached to a role, by the role's logical id. */
  const statementsOfRole = (roleId: string): Statement[] =>
    Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
  const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
  const roleOf = (fn: Resource) => (fn.Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const apiFunction = (kind: FunctionKind): Resource => {
    const entry = Object.entries(functions).find(([id]) => id.startsWith(`${pascal(kind)}ApiFunction`));
    if (!entry) throw new Error(`no ${kind} API function`);
    return entry[1];
  };
  const tableActionsOf = (kind: FunctionKind) =>
    actionsOf(statementsOfRole(roleOf(apiFunction(kind))))
      .filter((a) => a.startsWith('dynamodb:'))
      .sort();

  beforeAll(() => {
    template = synthService({ logRetentionDays: '90' }).template();
    // The service's functions: not CDK's own BucketDeployment provider that uploads the web UI
    // (its findings are acknowledged in web-hosting.ts, and test/infra/web-hosting.test.ts checks it).
    functions = withoutWebDeployment(resourcesOfType(template, 'AWS::Lambda::Function'));
  });

  it('a handful of functions: one per API function kind (read, write, import), the pre-token trigger, the scheduled jobs and the outbox notifier', () => {
    expect(FUNCTION_KIND_NAMES).toEqual(['read', 'write', 'import']);
    expect(Object.keys(functions)).toHaveLength(FUNCTION_KIND_NAMES.length + 1 + SCHEDULED_JOBS.length + 1);
    expect(Object.keys(functions).filter((id) => id.startsWith('OutboxNotifier'))).toHaveLength(1);
    for (const kind of FUNCTION_KIND_NAMES) expect(Object.keys(functions).filter((id) => id.startsWith(`${pascal(kind)}ApiFunction`)), kind).toHaveLength(1);
    for (const job of SCHEDULED_JOBS) expect(Object.keys(functions).filter((id) => id.startsWith(job)), job).toHaveLength(1);
  });

  it('every function runs Node.js 24 on arm64 with active tracing', () => {
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
    }
  });

  it('every function logs to its own log group, created by the stack with the configured retention', () => {
    const logGroups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    const used = new Set<string>();
    for (const fn of Object.values(functions)) {
      const ref = (fn.Properties!.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const group = logGroups[ref];
      expect(group, `log group ${ref}`).toBeDefined();
      expect(group!.Properties!.RetentionInDays).toBe(90);
      expect(group!.Properties!.LogGroupName).toMatch(/^\/rocu-workforce\/dev\/functions\//);
      used.add(ref);
    }
    expect(used.size).toBe(Object.keys(functions).length);
  });

  it('each API function takes its memory and timeout from its kind (the import gets the time a whole file needs)', () => {
    for (const kind of FUNCTION_KIND_NAMES) {
      expect(apiFunction(kind).Properties, kind).toMatchObject({ MemorySize: FUNCTION_KINDS[kind].memoryMb, Timeout: FUNCTION_KINDS[kind].timeoutSeconds });
    }
    expect(apiFunction('import').Properties).toMatchObject({ MemorySize: 512, Timeout: 29 });
    expect(apiFunction('read').Properties).toMatchObject({ MemorySize: 256, Timeout: 10 });
  });

  it('every function knows the table, the stage and its notify mode, which only the outbox notifier has as aws', () => {
    for (const [id, fn] of Object.entries(functions)) {
      if (id.startsWith('PreTokenGeneration')) continue;
      const publishes = id.startsWith('OutboxNotifier');
      expect(fn.Properties!.Environment.Variables, id).toMatchObject({
        TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
        STAGE: 'dev',
        POWERTOOLS_SERVICE_NAME: 'rocu-workforce',
        NOTIFY_MODE: publishes ? 'aws' : 'off',
      });
    }
  });

  it('gives every function a role of its own', () => {
    const roles = Object.values(functions).map(roleOf);
    expect(new Set(roles).size).toBe(roles.length);
    expect(Object.keys(withoutWebDeployment(resourcesOfType(template, 'AWS::IAM::Role')))).toHaveLength(roles.length);
  });

  it('the read function can only read the table: GetItem, BatchGetItem and Query, and publish nothing', () => {
    expect(tableActionsOf('read')).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    const actions = actionsOf(statementsOfRole(roleOf(apiFunction('read'))));
    expect(actions.filter((a) => WRITE_ACTIONS.test(a))).toEqual([]);
    expect(actions.filter((a) => /^(events|ses):/.test(a))).toEqual([]);
  });

  it('the write function can read and write the table (conditional puts, updates, deletes, transactions), and publishes nothing', () => {
    expect(tableActionsOf('write')).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DeleteItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    expect(actionsOf(statementsOfRole(roleOf(apiFunction('write')))).filter((a) => /^(events|ses):/.test(a))).toEqual([]);
  });

  it('each role holds exactly its function’s actions: only the notifier publishes or reads the stream, only the read function cannot write, none Scans', () => {
    const seen: Record<string, string[]> = {};
    for (const [id, fn] of Object.entries(functions)) {
      const name = Object.keys(ROLE_ACTIONS).find((prefix) => id.startsWith(prefix));
      expect(name, `a function the test does not know: ${id}`).toBeDefined();
      seen[name!] = [...new Set(actionsOf(statementsOfRole(roleOf(fn))))].sort();
    }
    const expected = Object.fromEntries(Object.entries(ROLE_ACTIONS).map(([name, actions]) => [name, [...actions].sort()]));
    expect(seen).toEqual(expected);
    const publishers = Object.entries(seen).filter(([, actions]) => actions.some((a) => /^(ses:|events:PutEvents)/.test(a)));
    expect(publishers.map(([name]) => name)).toEqual(['OutboxNotifierFunction']);
    for (const actions of Object.values(seen)) expect(actions).not.toContain('dynamodb:Scan');
  });

  it('the import function can read and write the table, but publishes nothing', () => {
    expect(tableActionsOf('import')).toEqual(tableActionsOf('write'));
    expect(actionsOf(statementsOfRole(roleOf(apiFunction('import')))).filter((a) => /^(events|ses):/.test(a))).toEqual([]);
  });

  it('the pre-token trigger cannot touch the table', () => {
    const [, trigger] = Object.entries(functions).find(([id]) => id.startsWith('PreTokenGeneration'))!;
    expect(actionsOf(statementsOfRole(roleOf(trigger))).filter((a) => /^(dynamodb|events|ses):/.test(a))).toEqual([]);
  });

  it('no role uses an AWS managed policy; log writes are limited to the service log groups', () => {
    for (const role of Object.values(withoutWebDeployment(resourcesOfType(template, 'AWS::IAM::Role')))) {
      expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
    }
    for (const [id, fn] of Object.entries(functions)) {
      const logStatements = statementsOfRole(roleOf(fn)).filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logStatements, id).toHaveLength(1);
      expect(JSON.stringify(logStatements[0]!.Resource)).toContain(':log-group:/rocu-workforce/dev/*');
    }
  });

  it('no function may Scan the table, and only the outbox notifier reads its stream: every request path uses keys', () => {
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));
    const allActions = policies.flatMap((p) => actionsOf(p.Properties!.PolicyDocument.Statement as Statement[]));
    expect(allActions.filter((a) => /^dynamodb:(Scan|DescribeTable|\*)$/.test(a))).toEqual([]);
    const streamReaders = policies
      .filter((p) => actionsOf(p.Properties!.PolicyDocument.Statement as Statement[]).includes('dynamodb:GetRecords'))
      .flatMap((p) => (p.Properties!.Roles as { Ref: string }[]).map((r) => r.Ref));
    expect(streamReaders.length).toBeGreaterThan(0);
    for (const role of streamReaders) expect(role).toMatch(/OutboxNotifierRole/);
  });
});
