import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { routeKey, routesOfKind, type FunctionKind } from '../api/function-kinds';
import { routeList } from '../api/routes';
import { NotFoundError } from '../errors';
import { logger } from '../logger';
import { routeMetrics } from '../metrics';
import { errorResponse } from './error-response';
import type { ApiHandler } from './handler';
import type { RouteDef } from './route';

/** A route's handler module, as `functions/<area>/<verb-noun>.ts` exports it. */
export interface HandlerModule {
  handler: ApiHandler;
}

/**
 * How a function loads each of its routes' handler modules, keyed by the
 * route table's `handler`. Written as `() => import('../area/verb-noun')` in
 * the function's entry, so esbuild sees every module it may load, while a
 * module's top-level work (its schemas, clients, use case) runs only when a
 * request for that route first arrives.
 */
export type HandlerLoaders = Readonly<Record<string, () => Promise<HandlerModule>>>;

export interface RouteDispatcher {
  /** The Lambda handler: the route's own handler for `event.routeKey`, or a 404 in the error shape. */
  handler: ApiHandler;
  /** Load a route's module without serving a request (the benchmark times a cold start with it). */
  preload: (key: string) => Promise<void>;
}

/**
 * One Lambda function serving every route of a kind: it finds the route by
 * the API Gateway route key (`GET /v1/campaigns/{id}`, the same key the
 * stack gives the route), loads that route's handler module on first use and
 * hands it the event. The handler does everything else (authorisation,
 * validation, logging with the route id, the error shape).
 *
 * The loaders must be exactly the handler modules of the kind's routes: a
 * function missing one would 404 a deployed route, one with a module of
 * another kind would hold code its role cannot run. That is checked here, at
 * load, so a mismatch fails the function's init (and every test through the
 * local gateway) rather than a request.
 */
export function routeDispatcher(kind: FunctionKind, loaders: HandlerLoaders, routes: readonly RouteDef[] = routeList): RouteDispatcher {
  const mine = routesOfKind(kind, routes);
  const expected = new Set(mine.map((r) => r.handler));
  const missing = [...expected].filter((h) => !(h in loaders));
  const foreign = Object.keys(loaders).filter((h) => !expected.has(h));
  if (missing.length || foreign.length) {
    throw new Error(
      `The ${kind} function's handler modules do not match the route table` +
        `${missing.length ? `; missing: ${missing.join(', ')}` : ''}${foreign.length ? `; not ${kind} routes: ${foreign.join(', ')}` : ''}.`,
    );
  }
  const byKey = new Map<string, RouteDef>();
  for (const route of mine) {
    const key = routeKey(route);
    if (byKey.has(key)) throw new Error(`Routes ${byKey.get(key)!.id} and ${route.id} have the same route key ${key}.`);
    byKey.set(key, route);
  }

  const loaded = new Map<string, Promise<ApiHandler>>();
  const load = (route: RouteDef): Promise<ApiHandler> => {
    let handler = loaded.get(route.handler);
    if (!handler) {
      handler = loaders[route.handler]!().then((m) => m.handler);
      // A module that failed to load (a transient file-system error, say) is tried again by the next request.
      handler.catch(() => loaded.delete(route.handler));
      loaded.set(route.handler, handler);
    }
    return handler;
  };

  const handler: ApiHandler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const key = event.routeKey ?? event.requestContext?.routeKey;
    const requestId = event.requestContext?.requestId;
    const route = byKey.get(key);
    if (!route) {
      // API Gateway sends only the routes integrated with this function, so this is a stack out of step with the code.
      logger.warn('No route of this function has this route key', { routeKey: key, function: kind, requestId, function_request_id: context?.awsRequestId });
      return errorResponse(new NotFoundError(`No route ${key}.`), requestId);
    }
    const started = performance.now();
    let response: APIGatewayProxyStructuredResultV2;
    try {
      response = await (await load(route))(event, context);
    } catch (err) {
      // The handler's own chain maps every error it meets; this is a module that failed to load.
      logger.error('request failed', { route: route.id, routeKey: key, requestId, function_request_id: context?.awsRequestId, error: err as Error });
      response = errorResponse(err, requestId);
    }
    routeMetrics(route.id, performance.now() - started, response.statusCode ?? 200);
    return response;
  };

  const preload = async (key: string): Promise<void> => {
    const route = byKey.get(key);
    if (!route) throw new Error(`The ${kind} function has no route ${key}.`);
    await load(route);
  };

  return { handler, preload };
}
