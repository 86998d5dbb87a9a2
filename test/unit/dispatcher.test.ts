import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { loaders as importLoaders } from '../../functions/api/import';
import { handler as readFunction, loaders as readLoaders } from '../../functions/api/read';
import { loaders as writeLoaders } from '../../functions/api/write';
import { toEvent } from '../../local/gateway/dispatch';
import { FUNCTION_KIND_NAMES, routeKey, routesOfKind, type FunctionKind } from '../../shared/api/function-kinds';
import { routeList, routes } from '../../shared/api/routes';
import { routeDispatcher, type HandlerLoaders } from '../../shared/http/dispatcher';
import { defineHandler } from '../../shared/http/handler';
import { defineRoute, type RouteDef } from '../../shared/http/route';
import { logger } from '../../shared/logger';
import { errorResponse } from '../../shared/schemas/common.schema';

const ddb = mockClient(DynamoDBDocumentClient);
const LOADERS: Record<FunctionKind, HandlerLoaders> = { read: readLoaders, write: writeLoaders, import: importLoaders };

const context = {
  awsRequestId: 'lambda-req-1',
  functionName: 'api-read',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:api-read',
  memoryLimitInMB: '256',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;

/** The event API Gateway sends a function for `route` (the local gateway builds the same one). */
function eventFor(route: Pick<RouteDef, 'method' | 'path'> & Partial<RouteDef>, url = route.path, claims?: Record<string, unknown>) {
  return toEvent({ method: route.method, url, headers: {} }, route as RouteDef, {}, claims, 'api-req-1');
}

/** Everything written to stdout and stderr while `fn` runs, one parsed JSON record per line. */
async function logLinesOf(fn: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
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
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

const probe = defineRoute({
  id: 'probeRead',
  method: 'GET',
  path: '/v1/probe/{id}',
  summary: 'A route for this test',
  tag: 'test',
  handler: 'test/probe-read',
  auth: { kind: 'public' },
  authz: { otherOrg: 'not-scoped' },
  access: 'read',
  params: z.strictObject({ id: z.string() }),
  status: 200,
  response: z.object({ id: z.string() }),
});
const probeHandler = defineHandler(probe, async ({ params }) => {
  logger.info('probing');
  return { id: params.id };
});
const probeFunction = routeDispatcher('read', { 'GET /v1/probe/{id}': async () => ({ handler: probeHandler }) });

beforeEach(() => ddb.reset());
afterEach(() => vi.restoreAllMocks());

describe('each API function serves exactly its kind of routes', () => {
  it.each(FUNCTION_KIND_NAMES)('the %s function has a loader for every route of its kind in the route table, and no other', (kind) => {
    expect(Object.keys(LOADERS[kind]).sort()).toEqual(routesOfKind(kind, routeList).map(routeKey).sort());
  });

  it.each(FUNCTION_KIND_NAMES)('every loader of the %s function loads the module of its own route', async (kind) => {
    for (const [key, load] of Object.entries(LOADERS[kind])) {
      const { handler } = await load();
      expect(routeKey(handler.route), key).toBe(key);
    }
  });
});

describe('dispatching on the API Gateway route key', () => {
  it('an event for a route key reaches that route’s handler, with its path parameters', async () => {
    const event = { ...eventFor(probe, '/v1/probe/p-1'), pathParameters: { id: 'p-1' } };
    const res = await probeFunction.handler(event, context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual({ id: 'p-1' });
  });

  it('the deployed read function serves a route of the route table', async () => {
    ddb.on(GetCommand).resolves({});
    const res = await readFunction(eventFor(routes.getHealth), context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'ok', table: 'reachable' });
    expect(ddb).toHaveReceivedCommandTimes(GetCommand, 1);
  });

  it('an unknown route key is a 404 in the error shape, with the request id', async () => {
    const res = await readFunction(eventFor({ method: 'GET', path: '/v1/nowhere' }), context);
    expect(res.statusCode).toBe(404);
    const body = JSON.parse(res.body!);
    expect(errorResponse.safeParse(body).success).toBe(true);
    expect(body.error).toMatchObject({ code: 'not_found', requestId: 'api-req-1' });
  });

  it('a route of another kind is not served: a change sent to the read function is a 404', async () => {
    const res = await readFunction(eventFor(routes.createCampaign), context);
    expect(res.statusCode).toBe(404);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('a loader that yields another route’s module fails that route in the error shape rather than serving the other route', async () => {
    vi.spyOn(logger, 'error').mockImplementation(() => {});
    const wrong = routeDispatcher('read', { 'GET /v1/elsewhere': async () => ({ handler: probeHandler }) });
    const res = await wrong.handler(eventFor({ method: 'GET', path: '/v1/elsewhere' }), context);
    expect(res.statusCode).toBe(500);
    expect(JSON.parse(res.body!).error).toMatchObject({ code: 'internal_error', requestId: 'api-req-1' });
    expect(res.body).not.toContain('probe');
  });

  it('preloads a route’s module without serving a request, and refuses a key it does not serve', async () => {
    await expect(probeFunction.preload('GET /v1/probe/{id}')).resolves.toBeUndefined();
    await expect(probeFunction.preload('GET /v1/nowhere')).rejects.toThrow(/no route GET \/v1\/nowhere/);
  });
});

describe('logs and metrics per route', () => {
  beforeEach(() => {
    // Powertools puts the level back to POWERTOOLS_LOG_LEVEL (SILENT in tests) at every invocation after a process's first.
    vi.spyOn(logger, 'refreshSampleRateCalculation').mockImplementation(() => {});
    logger.setLogLevel('INFO');
  });
  afterEach(() => {
    logger.setLogLevel('SILENT');
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('every log line of a dispatched request carries the route id and the request ids', async () => {
    const records = await logLinesOf(() => probeFunction.handler({ ...eventFor(probe, '/v1/probe/p-2'), pathParameters: { id: 'p-2' } }, context));
    const line = records.find((r) => r.message === 'probing')!;
    expect(line).toMatchObject({ route: 'probeRead', requestId: 'api-req-1', function_request_id: 'lambda-req-1' });
  });

  it('the line about an unknown route key names the key and the request', async () => {
    const records = await logLinesOf(() => readFunction(eventFor({ method: 'GET', path: '/v1/nowhere' }), context));
    expect(records.find((r) => r.message === 'No route of this function has this route key')).toMatchObject({
      routeKey: 'GET /v1/nowhere',
      function: 'read',
      requestId: 'api-req-1',
    });
  });

  it('each request emits its duration, by route, as a CloudWatch metric', async () => {
    vi.stubEnv('METRICS', 'on');
    const records = await logLinesOf(() => probeFunction.handler({ ...eventFor(probe, '/v1/probe/p-3'), pathParameters: { id: 'p-3' } }, context));
    const emf = records.find((r) => r._aws !== undefined)!;
    expect(emf).toMatchObject({ route: 'probeRead', service: 'rocu-workforce' });
    expect(typeof emf.RequestDuration).toBe('number');
    expect(emf.ServerError).toBeUndefined();
    expect(JSON.stringify(emf._aws)).toContain('RocuWorkforce');
  });
});
