import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { z } from 'zod';
import { ForbiddenError, UnsupportedMediaTypeError, ValidationError } from '../errors';
import { logger } from '../logger';
import { errorResponse, zodDetails } from './error-response';
import { claimsOf, identityFromClaims, type Identity } from './identity';
import { idempotencyKeyOf, runIdempotent } from './idempotency';
import type { RouteDef } from './route';

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerRequest<R extends RouteDef> {
  identity: R['auth'] extends { kind: 'public' } ? Identity | undefined : Identity;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  requestId: string;
  route: R;
}

/** A response with a status or headers other than the route's default. */
export class Reply<T = unknown> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

export function reply<T>(status: number, body: T, headers: Record<string, string> = {}): Reply<T> {
  return new Reply(status, body, headers);
}

type HandlerResult<R extends RouteDef> = z.input<R['response']> | Reply<z.input<R['response']>>;

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** A route's Lambda handler, carrying its route-table entry (so a function serving many routes can check what it loaded). */
export type RouteHandler<R extends RouteDef = RouteDef> = ApiHandler & { readonly route: R };

function parsePart<T extends z.ZodType | undefined>(schema: T, value: unknown, where: string): Out<T> {
  if (!schema) return undefined as Out<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationError(`The request ${where} is not valid.`, zodDetails(result.error, where));
  }
  return result.data as Out<T>;
}

function authorise(route: RouteDef, event: APIGatewayProxyEventV2): Identity | undefined {
  if (route.auth.kind === 'public') return undefined;
  const identity = identityFromClaims(claimsOf(event));
  if (route.auth.kind === 'roles' && !route.auth.roles.some((r) => identity.roles.includes(r))) {
    throw new ForbiddenError(`This needs the role ${route.auth.roles.join(' or ')}.`);
  }
  return identity;
}

function readCsvBody(event: APIGatewayProxyEventV2): string {
  const type = event.headers['content-type'] ?? '';
  if (!/^text\/csv\b/i.test(type)) {
    throw new UnsupportedMediaTypeError('Send the file as CSV with Content-Type: text/csv.');
  }
  const raw = event.body ?? '';
  return event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
}

/** The response for a result: the route's status unless the use case said otherwise, the body through the response schema. */
function shape(route: RouteDef, result: unknown): APIGatewayProxyStructuredResultV2 {
  const { status, payload, headers } =
    result instanceof Reply
      ? { status: result.status, payload: result.body, headers: result.headers }
      : { status: route.status, payload: result, headers: {} };
  if (status === 204) return { statusCode: 204, headers };
  // Serialise through the response schema: fields not in it are dropped, never leaked.
  const shaped = route.response.safeParse(payload);
  if (!shaped.success) {
    logger.error('response did not match its schema', { route: route.id, issues: shaped.error.issues });
    throw new Error(`response of ${route.id} did not match its schema`);
  }
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(shaped.data),
  };
}

/**
 * Turn one use-case call into a Lambda handler for `route`: authenticate and
 * check the role (deny by default), validate path, query and body against the
 * route's zod schemas, call `fn`, shape the response through the response
 * schema so nothing unintended leaks, and map every error in one place.
 */
export function defineHandler<R extends RouteDef>(
  route: R,
  fn: (req: HandlerRequest<R>) => Promise<HandlerResult<R>>,
): RouteHandler<R> {
  const core = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = event.requestContext?.requestId ?? 'local';
    const identity = authorise(route, event);
    const params = parsePart(route.params, event.pathParameters ?? {}, 'path') as Out<R['params']>;
    const query = parsePart(route.query, event.queryStringParameters ?? {}, 'query') as Out<R['query']>;
    let body: unknown;
    if (route.body) {
      const raw = route.bodyType === 'csv' ? readCsvBody(event) : (event.body as unknown);
      body = parsePart(route.body, raw, 'body');
    }
    const headers = event.headers ?? {};
    const respond = async (): Promise<APIGatewayProxyStructuredResultV2> => {
      const result = await fn({
        identity: identity as HandlerRequest<R>['identity'],
        params,
        query,
        body: body as Out<R['body']>,
        headers,
        requestId,
        route,
      });
      return shape(route, result);
    };
    const key = route.idempotent ? idempotencyKeyOf(headers) : undefined;
    if (key === undefined) return respond();
    return runIdempotent({ routeId: route.id, caller: identity?.sub ?? 'anonymous', key, body, context }, respond);
  };

  // Half a second before Lambda would kill the function, middy throws a TimeoutError instead,
  // which becomes a 503 with Retry-After in the error shape (never API Gateway's bare 503).
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>(core, { timeoutEarlyInMillis: 500 });
  // Every log line of the request carries the Lambda context and the API request id (`requestId`);
  // the keys are reset after each request so nothing leaks into the next one.
  chain.use(injectLambdaContext(logger, { resetKeys: true }));
  chain.use({
    before: async (request) => {
      const requestId = request.event?.requestContext?.requestId;
      if (requestId) logger.appendKeys({ requestId, route: route.id });
    },
  });
  chain.use({
    onError: async (request) => {
      const requestId = request.event?.requestContext?.requestId;
      const response = errorResponse(request.error, requestId);
      if (response.statusCode >= 500) {
        logger.error('request failed', { route: route.id, requestId, error: request.error as Error });
      }
      request.response = response;
    },
  });
  chain.use(httpHeaderNormalizer());
  if (route.body && route.bodyType !== 'csv') {
    const parser = httpJsonBodyParser();
    // A route whose body is optional (a note on close, say) takes no body at all as "none given".
    const optional = route.body.safeParse(undefined).success;
    chain.use(
      optional
        ? { before: async (request) => (request.event.body ? parser.before!(request as never) : undefined) }
        : parser,
    );
  }
  return Object.assign(chain as unknown as ApiHandler, { route });
}
