import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthService } from './support/synth-service';

type Statement = { Action: string | string[] };
type Resource = { Properties?: Record<string, any> };

function actionsOfRole(template: Template, roleId: string): string[] {
  return Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))
    .filter((p) => (p.Properties!.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap((p) => p.Properties!.PolicyDocument.Statement as Statement[])
    .flatMap((s) => [s.Action].flat());
}

/** The jobs that read a due index of the table and change what is due (each its own function, schedule and failure queue). */
const DUE_WORK_JOBS = [
  { name: 'the secondment lifecycle job', id: 'AdvanceDueSecondmentsJob', schedule: 'cron(5 * * * ? *)', when: 'every hour, five past' },
  { name: 'the campaign closing job', id: 'CloseDueCampaignsJob', schedule: 'cron(10 * * * ? *)', when: 'every hour, ten past' },
  { name: 'the daily workforce job (postings ending, leavers, forecast warnings)', id: 'WorkforceDailyJob', schedule: 'cron(20 0 * * ? *)', when: 'daily at 00:20 UTC' },
] as const;

describe.each(DUE_WORK_JOBS)('$name', ({ id, schedule, when }) => {
  let template: Template;
  let job: [string, Resource];
  let rule: Resource;

  beforeAll(() => {
    template = synthService().template();
    job = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(([fid]) => fid.startsWith(id))!;
    rule = Object.values(resourcesOfType(template, 'AWS::Events::Rule')).find((r) =>
      (r.Properties!.Targets as { Arn: unknown }[]).some((t) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [job[0], 'Arn'] })),
    )!;
  });

  it(`is a function of its own, run ${when} by an EventBridge rule`, () => {
    expect(job).toBeDefined();
    expect(job[1].Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'] });
    expect(rule.Properties!.ScheduleExpression).toBe(schedule);
  });

  it('has a failure queue of its own: the rule’s dead-letter queue and the function’s on-failure destination', () => {
    const target = rule.Properties!.Targets[0];
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
    const queueId = target.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
    expect(queueId).toMatch(new RegExp(`^${id}Failures`));
    const configs = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig')).filter((c) => c.Properties!.FunctionName.Ref === job[0]);
    expect(configs).toHaveLength(1);
    expect(configs[0]!.Properties!.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
  });

  it('can read and write the table and report its failures, but not Scan or publish', () => {
    const roleId = (job[1].Properties!.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(roleId).toMatch(new RegExp(`${id}Role`));
    const actions = actionsOfRole(template, roleId);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'sqs:SendMessage']));
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => /^(events|ses):/.test(a))).toEqual([]);
    expect(job[1].Properties!.Environment.Variables).toMatchObject({ TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) } });
  });
});
