import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { toEvent } from '../../local/gateway/dispatch';
import { errorResponse } from '../../shared/http/error-response';
import { defineHandler } from '../../shared/http/handler';
import { defineRoute } from '../../shared/http/route';
import { logger } from '../../shared/logger';
import { businessMetric } from '../../shared/metrics';

/** Everything written to stdout and stderr while `fn` runs, one entry per line, in order. */
async function stdoutOf(fn: () => Promise<unknown> | unknown): Promise<string[]> {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const spies = [vi.spyOn(process.stdout, 'write').mockImplementation(capture), vi.spyOn(process.stderr, 'write').mockImplementation(capture)];
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines;
}

const route = defineRoute({
  id: 'observed',
  method: 'POST',
  path: '/v1/observed',
  summary: 'A route for this test',
  tag: 'test',
  handler: 'test/observed',
  auth: { kind: 'public' },
  authz: { otherOrg: 'not-scoped' },
  access: 'none',
  body: z.strictObject({ fail: z.enum(['no', 'crash', 'slow']) }),
  status: 200,
  response: z.object({ ok: z.boolean() }),
});

const handler = defineHandler(route, async ({ body }) => {
  logger.info('working on it');
  if (body.fail === 'crash') throw new Error('secret internals: table rocu-prod, key OFFICER#1');
  if (body.fail === 'slow') await new Promise((r) => setTimeout(r, 1500));
  return { ok: true };
});

function call(fail: 'no' | 'crash' | 'slow', remainingMs = 30_000) {
  const event = toEvent(
    { method: 'POST', url: '/v1/observed', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fail }) },
    route,
    {},
    undefined,
    'api-req-123',
  );
  const context = {
    awsRequestId: 'lambda-req-456',
    functionName: 'observed-fn',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:observed-fn',
    memoryLimitInMB: '256',
    getRemainingTimeInMillis: () => remainingMs,
  } as unknown as Context;
  return handler(event, context);
}

describe('structured logs carry the request id', () => {
  beforeEach(() => logger.setLogLevel('INFO'));
  afterEach(() => logger.setLogLevel('SILENT'));

  it('every line of a request has the API request id and the Lambda request id, and they do not leak into the next request', async () => {
    const lines = await stdoutOf(() => call('crash'));
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.message)).toEqual(['working on it', 'request failed']);
    for (const r of records) {
      expect(r.requestId).toBe('api-req-123');
      expect(r.function_request_id).toBe('lambda-req-456');
      expect(r.route).toBe('observed');
    }
    const after = await stdoutOf(() => logger.info('between requests'));
    expect(JSON.parse(after[0]!).requestId).toBeUndefined();
  });

  it('the error response carries the request id and none of the internals', async () => {
    const r = await call('crash');
    expect(r.statusCode).toBe(500);
    const body = JSON.parse(r.body ?? '{}');
    expect(body.error).toMatchObject({ code: 'internal_error', requestId: 'api-req-123', details: [] });
    expect(r.body).not.toContain('secret');
  });
});

describe('a Lambda about to time out answers in the error shape', () => {
  it('half a second before the deadline the request ends with 503 service_unavailable and Retry-After', async () => {
    const res = await call('slow', 700);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
    expect(JSON.parse(res.body ?? '{}').error).toMatchObject({ code: 'service_unavailable', requestId: 'api-req-123' });
  });
});

describe('throttling and timeouts are mapped, never leaked', () => {
  const named = (name: string, message = 'internal detail arn:aws:dynamodb:eu-west-2:1:table/x') => Object.assign(new Error(message), { name, $metadata: {} });
  for (const name of ['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TimeoutError', 'InternalServerError']) {
    it(`${name} → 503 service_unavailable with Retry-After`, () => {
      const res = errorResponse(named(name), 'r1');
      expect(res.statusCode).toBe(503);
      expect(res.headers?.['Retry-After']).toBeDefined();
      const body = JSON.parse(res.body ?? '{}');
      expect(body.error).toMatchObject({ code: 'service_unavailable', details: [], requestId: 'r1' });
      expect(res.body).not.toContain('arn:aws');
    });
  }

  it('a caller over the rate limit (TooManyRequestsException) → 429 too_many_requests with Retry-After', () => {
    const res = errorResponse(named('TooManyRequestsException'));
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['Retry-After']).toBeDefined();
    expect(JSON.parse(res.body ?? '{}').error.code).toBe('too_many_requests');
  });

  it('an unreachable table wrapped by a library (Powertools idempotency) is still 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { code: 'ECONNREFUSED' });
    const wrapped = Object.assign(new Error('Failed to put record for already existing idempotency key', { cause: refused }), { name: 'IdempotencyPersistenceLayerError' });
    expect(errorResponse(wrapped).statusCode).toBe(503);
  });
});

describe('business metrics as CloudWatch EMF', () => {
  afterEach(() => {
    delete process.env.METRICS;
  });

  it('one EMF line per event, in the RocuWorkforce namespace, with its dimensions', async () => {
    process.env.METRICS = 'on';
    const lines = await stdoutOf(() => businessMetric('OfferMade', { outcome: 'awaiting-release' }));
    expect(lines).toHaveLength(1);
    const emf = JSON.parse(lines[0]!);
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'RocuWorkforce', Metrics: [{ Name: 'OfferMade', Unit: 'Count' }] });
    expect(emf._aws.CloudWatchMetrics[0].Dimensions[0]).toContain('outcome');
    expect(emf).toMatchObject({ OfferMade: 1, outcome: 'awaiting-release' });
  });

  it('outside Lambda (local runs, tests) nothing is written', async () => {
    expect(await stdoutOf(() => businessMetric('PlaceConfirmed'))).toEqual([]);
  });
});
