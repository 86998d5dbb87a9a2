import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { FUNCTION_KINDS, functionKind, routeKey, type FunctionKind } from '../../shared/api/function-kinds';
import { routeList } from '../../shared/api/routes';
import { errorResponse } from '../../shared/http/error-response';
import { stringifyClaims } from '../../shared/http/identity';
import { compilePath, type RouteDef } from '../../shared/http/route';
import { UnauthenticatedError, NotFoundError, AppError } from '../../shared/errors';
import type { ApiHandler } from '../../shared/http/handler';

export interface LocalRequest {
  method: string;
  /** Path with query string, as received: `/v1/officers?limit=5`. */
  url: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

export interface LocalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Verifies a bearer token and returns its claims, or undefined when it is not acceptable. */
export type TokenVerifier = (token: string) => Promise<Record<string, unknown> | undefined>;

// Literal paths before templated ones, as API Gateway prefers the most specific route.
const matchers = routeList
  .map((route) => ({ route, match: compilePath(route.path), params: (route.path.match(/\{/g) ?? []).length }))
  .sort((a, b) => a.params - b.params);
const functionCache = new Map<FunctionKind, Promise<ApiHandler>>();

/**
 * The deployed function that serves a route (`functions/api/<kind>.ts`), so a
 * local request takes the same path as in AWS: the function's dispatcher finds
 * the route by its route key and loads the route's module. Imported on first
 * use, not at load: shared/config reads the environment when it loads, and
 * whoever starts the gateway sets it first.
 */
function loadFunction(kind: FunctionKind): Promise<ApiHandler> {
  let loaded = functionCache.get(kind);
  if (!loaded) {
    const file = new URL(`../../functions/api/${kind}.ts`, import.meta.url).href;
    loaded = import(/* @vite-ignore */ file).then((m: { handler: ApiHandler }) => m.handler);
    // A module that failed to load is tried again on the next request (after a fix, say).
    loaded.catch(() => functionCache.delete(kind));
    functionCache.set(kind, loaded);
  }
  return loaded;
}

/** The route for a method and path; like API Gateway, an unknown method on a known path is simply not found. */
function findRoute(method: string, path: string): { route: RouteDef; params: Record<string, string> } | undefined {
  for (const { route, match } of matchers) {
    if (route.method !== method.toUpperCase()) continue;
    const params = match(path);
    if (params) return { route, params };
  }
  return undefined;
}

function lambdaContext(requestId: string, kind: FunctionKind): Context {
  const name = `api-${kind}`;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: String(FUNCTION_KINDS[kind].memoryMb),
    awsRequestId: requestId,
    logGroupName: `/local/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * Turn an HTTP request into the API Gateway HTTP API (payload 2.0) event that
 * Lambda would receive: verified claims where the JWT authorizer puts them,
 * every claim a string as API Gateway hands them over.
 */
export function toEvent(
  req: LocalRequest,
  route: RouteDef,
  pathParameters: Record<string, string>,
  claims: Record<string, unknown> | undefined,
  requestId: string,
): APIGatewayProxyEventV2 {
  const url = new URL(req.url, 'http://local');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = v;
  const query: Record<string, string> = {};
  // API Gateway joins repeated query parameters with commas.
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(req.body !== undefined && req.body !== '' ? { body: req.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: routeKey(route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims: stringifyClaims(claims), scopes: [] } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
  };
}

function fromResult(result: APIGatewayProxyStructuredResultV2 | string | undefined): LocalResponse {
  if (result === undefined) return { status: 204, headers: {}, body: '' };
  if (typeof result === 'string') return { status: 200, headers: { 'content-type': 'application/json' }, body: result };
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  return { status: result.statusCode ?? 200, headers, body: result.body ?? '' };
}

function errorToLocal(err: AppError | Error, requestId: string): LocalResponse {
  return fromResult(errorResponse(err, requestId));
}

/**
 * Dispatch one request through the route table, as API Gateway + Lambda would:
 * 404 for no route, 401 for a protected route without a valid token (the JWT
 * authorizer's job), else the function of the route's kind with the event
 * API Gateway would send it — the same code Lambda runs.
 */
export async function dispatch(req: LocalRequest, verify: TokenVerifier): Promise<LocalResponse> {
  const requestId = randomUUID();
  const url = new URL(req.url, 'http://local');
  const found = findRoute(req.method, url.pathname);
  if (found === undefined) return errorToLocal(new NotFoundError(`No route ${req.method} ${url.pathname}.`), requestId);
  const { route, params } = found;
  let claims: Record<string, unknown> | undefined;
  if (route.auth.kind !== 'public') {
    const header = req.headers.authorization ?? req.headers.Authorization;
    const token = header?.match(/^Bearer\s+(.+)$/i)?.[1];
    claims = token ? await verify(token) : undefined;
    if (!claims) {
      return errorToLocal(new UnauthenticatedError('Sign in: a valid bearer token is required.'), requestId);
    }
  }
  const event = toEvent(req, route, params, claims, requestId);
  const kind = functionKind(route);
  try {
    const handler = await loadFunction(kind);
    return fromResult(await handler(event, lambdaContext(requestId, kind)));
  } catch (err) {
    return errorToLocal(err as Error, requestId);
  }
}
