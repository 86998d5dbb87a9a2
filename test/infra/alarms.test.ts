import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { resourcesOfType, synthService } from './support/synth-service';

let t: Template;
beforeAll(() => {
  t = synthService().template();
});

const refOf = (v: unknown) => JSON.stringify(v);

describe('alarms and failure handling', () => {
  it('alarms on API 5xx, Lambda errors, Lambda throttles and failure-queue depth, each notifying the alarm topic', () => {
    const alarms = Object.values(resourcesOfType(t, 'AWS::CloudWatch::Alarm'));
    const topics = Object.entries(resourcesOfType(t, 'AWS::SNS::Topic'));
    const [topicId, topic] = topics.find(([id]) => id.startsWith('Alarms'))!;
    expect(topic.Properties?.KmsMasterKeyId).toBeDefined();
    const metricNames = alarms.map((a) => a.Properties?.MetricName ?? 'math');
    expect(metricNames).toEqual(expect.arrayContaining(['5xx', 'Errors', 'Throttles', 'math']));
    for (const a of alarms) {
      expect(refOf(a.Properties?.AlarmActions)).toContain(topicId);
      expect(refOf(a.Properties?.OKActions)).toContain(topicId);
      expect(a.Properties?.TreatMissingData).toBe('notBreaching');
    }
    const api5xx = alarms.find((a) => a.Properties?.MetricName === '5xx')!;
    expect(api5xx.Properties?.Namespace).toBe('AWS/ApiGateway');
    expect(refOf(api5xx.Properties?.Dimensions)).toContain('ApiId');
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

  it('the stack stays inside CloudFormation’s 500-resource limit with headroom of at least 20', () => {
    // 5 resources per route (function, log group, integration, route, permission): at 77 routes the
    // stack holds ~458. Past 480, move the route functions into nested stacks before adding more.
    const count = Object.keys(t.toJSON().Resources as Record<string, unknown>).length;
    expect(count, `${count} resources`).toBeLessThanOrEqual(480);
  });
});
