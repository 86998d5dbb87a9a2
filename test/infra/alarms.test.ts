import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { routeList } from '../../shared/api/routes';
import type { RouteDef } from '../../shared/http/route';
import { resourcesOfType, synthService } from './support/synth-service';

let t: Template;
beforeAll(() => {
  t = synthService().template();
});

const refOf = (v: unknown) => JSON.stringify(v);

describe('alarms and failure handling', () => {
  it('alarms on API 5xx, function errors, throttles and durations, and failure-queue depth, each notifying the alarm topic', () => {
    const alarms = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm'));
    const topics = Object.entries(resourcesOfType(t, 'AWS::SNS::Topic'));
    const [topicId, topic] = topics.find(([id]) => id.startsWith('Alarms'))!;
    expect(topic.Properties?.KmsMasterKeyId).toBeDefined();
    const metricNames = alarms.map((a) => a.Properties?.MetricName ?? 'math');
    expect(metricNames).toEqual(expect.arrayContaining(['5xx', 'Errors', 'Throttles', 'Duration', 'math']));
    for (const a of alarms) {
      expect(refOf(a.Properties?.AlarmActions)).toContain(topicId);
      expect(refOf(a.Properties?.OKActions)).toContain(topicId);
      expect(a.Properties?.TreatMissingData).toBe('notBreaching');
    }
    const api5xx = alarms.find((a) => a.Properties?.MetricName === '5xx')!;
    expect(api5xx.Properties?.Namespace).toBe('AWS/ApiGateway');
    expect(refOf(api5xx.Properties?.Dimensions)).toContain('ApiId');
  });

  it('alarms on each function of the service: its errors, its throttles, and a p99 duration past 80% of its timeout', () => {
    const alarms = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm'));
    const functions = Object.entries(resourcesOfType(t, 'AWS::Lambda::Function')).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
    expect(functions.length).toBeGreaterThan(0);
    for (const [id, fn] of functions) {
      const mine = alarms.filter((a) => a.Properties?.Namespace === 'AWS/Lambda' && refOf(a.Properties?.Dimensions) === refOf([{ Name: 'FunctionName', Value: { Ref: id } }]));
      expect(mine.map((a) => a.Properties?.MetricName).sort(), id).toEqual(['Duration', 'Errors', 'Throttles']);
      for (const a of mine.filter((x) => x.Properties?.MetricName !== 'Duration')) expect(a.Properties).toMatchObject({ Statistic: 'Sum', Threshold: 1 });
      const duration = mine.find((a) => a.Properties?.MetricName === 'Duration')!;
      expect(duration.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: (fn.Properties!.Timeout as number) * 1000 * 0.8 });
    }
    // No account-wide Lambda alarm beside them: every Lambda alarm names its function.
    for (const a of alarms.filter((x) => x.Properties?.Namespace === 'AWS/Lambda')) expect(a.Properties?.Dimensions, refOf(a.Properties)).toBeDefined();
  });

  it('the failure-queue alarm watches every queue of the stack (each is a failure queue)', () => {
    const queueIds = Object.keys(resourcesOfType(t, 'AWS::SQS::Queue'));
    expect(queueIds.length).toBeGreaterThan(0);
    const math = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm')).find((a) => a.Properties?.Metrics)!;
    const watched = refOf(math.Properties?.Metrics);
    for (const id of queueIds) expect(watched, id).toContain(id);
  });

  it('every scheduled target has a dead-letter queue, and every asynchronously invoked function an on-failure destination', () => {
    for (const [id, rule] of Object.entries(resourcesOfType(t, 'AWS::Events::Rule'))) {
      const targets = (rule.Properties?.Targets ?? []) as Array<{ Arn: unknown; DeadLetterConfig?: unknown }>;
      for (const target of targets.filter((x) => refOf(x.Arn).includes('Function'))) expect(target.DeadLetterConfig, id).toBeDefined();
    }
    const configs = Object.values(resourcesOfType(t, 'AWS::Lambda::EventInvokeConfig'));
    expect(configs.length).toBeGreaterThan(0);
    for (const c of configs) expect(c.Properties?.DestinationConfig?.OnFailure?.Destination).toBeDefined();
  });

  it('the stack holds well under 250 of CloudFormation’s 500 resources, and a route costs one (its API route)', () => {
    const count = Object.keys(t.toJSON().Resources as Record<string, unknown>).length;
    expect(count, `${count} resources`).toBeLessThan(250);
    const template = synthService({}, { routes: [...routeList, ...probes(10)] }).template();
    expect(Object.keys(template.toJSON().Resources as Record<string, unknown>).length - count).toBe(10);
  });
});

/** Routes that are not in the route table, each served by an existing function. */
function probes(n: number): RouteDef[] {
  const read = routeList.find((r) => r.access === 'read')!;
  return Array.from({ length: n }, (_, i) => ({ ...read, id: `probe${i}`, path: `/v1/probe-${i}` }));
}
