import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { functionKind, routeKey, type FunctionKind } from '../api/function-kinds';
import { NotFoundError } from '../errors';
import { logger } from '../logger';
import { routeMetrics } from '../metrics';
import { errorResponse } from './error-response';
import type { ApiHandler, RouteHandler } from './handler';

/** A route's handler module, as `functions/<area>/<verb-noun>.ts` exports it. */
export interface HandlerModule {
  handler: RouteHandler;
}

/**
 * How a function loads each of its routes' handler modules, keyed by the API
 * Gateway route key (`GET /v1/campaigns/{id}`). Written as
 * `() => import('../area/verb-noun')` in the function's entry, so esbuild sees
 * every module the function may load, while a module's top-level work (its
 * route's schemas, its clients, its use case) runs only when the first request
 * for that route arrives. Keys rather than the route table itself: importing
 * the whole table would build every route's schemas at init.
 */
export type HandlerLoaders = Readonly<Record<string, () => Promise<HandlerModule>>>;

export interface RouteDispatcher {
  /** The Lambda handler: the route's own handler for `event.routeKey`, or a 404 in the error shape. */
  handler: ApiHandler;
  /** Load a route's module without serving a request (the benchmark times a cold start with it). */
  preload: (key: string) => Promise<void>;
}

/**
 * One Lambda function serving every route of a kind: it finds the route's
 * module by the API Gateway route key (the key the stack gives the route, from
 * the route table), loads it on first use and hands it the event. The route's
 * handler does everything else: authorisation, validation, the route id on
 * every log line, the error shape.
 *
 * A loaded module must be the route table's entry for that key and of this
 * function's kind (its handler carries its route), so a loader pointing at the
 * wrong module fails its route's requests instead of serving another route
 * under this function's role. `test/unit/dispatcher.test.ts` checks each
 * entry's keys against the route table.
 */
export function routeDispatcher(kind: FunctionKind, loaders: HandlerLoaders): RouteDispatcher {
  const loaded = new Map<string, Promise<RouteHandler>>();
  const load = (key: string, loader: () => Promise<HandlerModule>): Promise<RouteHandler> => {
    let handler = loaded.get(key);
    if (!handler) {
      handler = loader().then(({ handler: h }) => {
        const route = h?.route;
        if (!route || routeKey(route) !== key || functionKind(route) !== kind) {
          throw new Error(`The ${kind} function's module for ${key} serves ${route ? `${routeKey(route)} (${functionKind(route)})` : 'no route'}.`);
        }
        return h;
      });
      // A module that failed to load (a transient file-system error, say) is tried again by the next request.
      handler.catch(() => loaded.delete(key));
      loaded.set(key, handler);
    }
    return handler;
  };

  const handler: ApiHandler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const key = event.routeKey ?? event.requestContext?.routeKey;
    const requestId = event.requestContext?.requestId;
    const loader = Object.hasOwn(loaders, key) ? loaders[key] : undefined;
    if (!loader) {
      // API Gateway sends a function only the routes integrated with it, so this is a stack out of step with the code.
      logger.warn('No route of this function has this route key', { routeKey: key, function: kind, requestId, function_request_id: context?.awsRequestId });
      return errorResponse(new NotFoundError(`No route ${key}.`), requestId);
    }
    const started = performance.now();
    let routeId: string | undefined;
    let response: APIGatewayProxyStructuredResultV2;
    try {
      const routeHandler = await load(key, loader);
      routeId = routeHandler.route.id;
      response = await routeHandler(event, context);
    } catch (err) {
      // The route's own chain maps every error it meets: this is a module that failed to load.
      logger.error('request failed', { routeKey: key, function: kind, requestId, function_request_id: context?.awsRequestId, error: err as Error });
      response = errorResponse(err, requestId);
    }
    routeMetrics(routeId ?? key, performance.now() - started, response.statusCode ?? 200);
    return response;
  };

  const preload = async (key: string): Promise<void> => {
    const loader = Object.hasOwn(loaders, key) ? loaders[key] : undefined;
    if (!loader) throw new Error(`The ${kind} function has no route ${key}.`);
    await load(key, loader);
  };

  return { handler, preload };
}
