import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { routeList } from '../../shared/api/routes';
import { resourcesOfType, synthService } from './support/synth-service';

/** Actions that change table data: a read-only function's role must hold none of them. */
const WRITE_ACTIONS = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|\*|.*Write.*)$/;

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

/** Leave out CDK's BucketDeployment provider (the web UI upload), which is not one of the service's functions. */
function withoutWebDeployment<T>(resources: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(resources).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment')));
}

describe('the Lambda functions', () => {
  let template: Template;
  let functions: Record<string, Record<string, any>>;

  /** The statements of the (single) policy attached to a role, by the role's logical id. */
  const statementsOfRole = (roleId: string): Statement[] =>
    Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
      .filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
      .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[]);
  const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());
  const roleOfRoute = (routeId: string): string => {
    const entry = Object.entries(functions).find(([logicalId]) => logicalId.startsWith(`${routeId}Function`));
    if (!entry) throw new Error(`no function for ${routeId}`);
    return (entry[1].Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  };

  /** The scheduled jobs' construct ids: escalation, moves, the secondment lifecycle, campaign closing. */
  const SCHEDULED_JOBS = ['EscalateDueAlertsJob', 'ApplyDueMovesJob', 'AdvanceDueSecondmentsJob', 'CloseDueCampaignsJob'];

  beforeAll(() => {
    template = synthService({ logRetentionDays: '90' }).template();
    // The service's functions: not CDK's own BucketDeployment provider that uploads the web UI
    // (its findings are acknowledged in web-hosting.ts, and test/infra/web-hosting.test.ts checks it).
    functions = withoutWebDeployment(resourcesOfType(template, 'AWS::Lambda::Function'));
  });

  it('one function per route, plus the pre-token trigger and the scheduled jobs', () => {
    expect(Object.keys(functions)).toHaveLength(routeList.length + 1 + SCHEDULED_JOBS.length);
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
      const ref = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      const group = logGroups[ref];
      expect(group, `log group ${ref}`).toBeDefined();
      expect(group!.Properties!.RetentionInDays).toBe(90);
      expect(group!.Properties!.LogGroupName).toMatch(/^\/rocu-workforce\/dev\/functions\//);
      used.add(ref);
    }
    expect(used.size).toBe(Object.keys(functions).length);
  });

  it('takes memory and timeout from the route table, 256 MB / 10 s otherwise', () => {
    for (const route of routeList) {
      const [, fn] = Object.entries(functions).find(([id]) => id.startsWith(`${route.id}Function`))!;
      expect(fn.Properties.MemorySize, route.id).toBe(route.lambda?.memoryMb ?? 256);
      expect(fn.Properties.Timeout, route.id).toBe(route.lambda?.timeoutSeconds ?? 10);
    }
  });

  it('every function knows the table and the stage', () => {
    for (const [id, fn] of Object.entries(functions)) {
      if (id.startsWith('PreTokenGeneration')) continue;
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
        STAGE: 'dev',
        POWERTOOLS_SERVICE_NAME: 'rocu-workforce',
      });
    }
  });

  it('shares one execution role per kind (none, read, write, and a notifying one when a route notifies) instead of one per function', () => {
    const kinds = new Set(routeList.map((r) => `${r.access}${r.notifies ? '-notify' : ''}`));
    const routeRoles = new Set(routeList.map((r) => roleOfRoute(r.id)));
    expect(routeRoles.size).toBe(kinds.size);
    // Plus none (the pre-token trigger) if no route uses it, and each scheduled job's own role.
    const roles = Object.keys(withoutWebDeployment(resourcesOfType(template, 'AWS::IAM::Role')));
    expect(roles).toHaveLength(new Set([...kinds, 'none', 'read', 'write']).size + SCHEDULED_JOBS.length);
  });

  it('gives each route the role of its table access (and whether it notifies)', () => {
    const roleByAccess = new Map<string, Set<string>>();
    for (const route of routeList) {
      const kind = `${route.access}${route.notifies ? '-notify' : ''}`;
      const set = roleByAccess.get(kind) ?? new Set<string>();
      set.add(roleOfRoute(route.id));
      roleByAccess.set(kind, set);
    }
    // One role per access mode, and no role shared between modes.
    for (const roles of roleByAccess.values()) expect(roles.size).toBe(1);
    const all = [...roleByAccess.values()].map((s) => [...s][0]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('read-only routes cannot change the table', () => {
    const readRoute = routeList.find((r) => r.access === 'read')!;
    const actions = actionsOf(statementsOfRole(roleOfRoute(readRoute.id)));
    expect(actions).toContain('dynamodb:Query');
    expect(actions.filter((a) => WRITE_ACTIONS.test(a))).toEqual([]);
  });

  it('writing routes can write the table, and routes without table access cannot touch it', () => {
    const writeRoute = routeList.find((r) => r.access === 'write' && !r.notifies)!;
    expect(actionsOf(statementsOfRole(roleOfRoute(writeRoute.id)))).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem']));
    const noneRoute = routeList.find((r) => r.access === 'none')!;
    expect(actionsOf(statementsOfRole(roleOfRoute(noneRoute.id))).filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
  });

  it('no role uses an AWS managed policy; log writes are limited to the service log groups', () => {
    for (const role of Object.values(withoutWebDeployment(resourcesOfType(template, 'AWS::IAM::Role')))) {
      expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
    }
    for (const route of routeList) {
      const logStatements = statementsOfRole(roleOfRoute(route.id)).filter((s) => actionsOf([s]).some((a) => a.startsWith('logs:')));
      expect(logStatements).toHaveLength(1);
      expect(JSON.stringify(logStatements[0]!.Resource)).toContain(':log-group:/rocu-workforce/dev/*');
    }
  });

  it('no function may Scan the table or read its stream: every request path uses keys', () => {
    const allActions = Object.values(resourcesOfType(template, 'AWS::IAM::Policy')).flatMap((p) =>
      actionsOf(p.Properties!.PolicyDocument.Statement as Statement[]),
    );
    expect(allActions.filter((a) => /^dynamodb:(Scan|GetRecords|GetShardIterator|\*)$/.test(a))).toEqual([]);
  });
});
