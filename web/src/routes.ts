/**
 * The API as the browser sees it, derived from the service's own route table
 * and zod schemas. Type-only imports: nothing of the server reaches the bundle
 * (`verbatimModuleSyntax` drops them, and test/unit/web-bundle.test.ts checks
 * that no web module imports a shared value). A route is named by its key,
 * `'GET /v1/campaigns/{id}'`, so a page's params, query, body and the answer
 * it reads are checked against the route by `tsc -p web`.
 */
import type { z } from 'zod';
import type { routes } from '../../shared/api/routes';

type Routes = typeof routes;

/** Every route by its key, `METHOD /path/{param}`. */
export type RouteByKey = { [K in keyof Routes as `${Routes[K]['method']} ${Routes[K]['path']}`]: Routes[K] };
export type RouteKey = keyof RouteByKey;
/** The routes a page reads with `useApi`. */
export type GetRouteKey = Extract<RouteKey, `GET ${string}`>;

/**
 * A query string carries text; a field the server coerces (`limit`) has the
 * input type `unknown`, so the client may send it as a number or as text.
 */
type QueryInput<T> = { [F in keyof T]: unknown extends T[F] ? string | number : T[F] };

export type RouteParams<K extends RouteKey> = RouteByKey[K] extends { params: infer P extends z.ZodType } ? z.input<P> : undefined;
export type RouteQuery<K extends RouteKey> = RouteByKey[K] extends { query: infer Q extends z.ZodType } ? Partial<QueryInput<z.input<Q>>> : undefined;
export type RouteBody<K extends RouteKey> = RouteByKey[K] extends { bodyType: 'csv' }
  ? string
  : RouteByKey[K] extends { body: infer B extends z.ZodType }
    ? z.input<B>
    : undefined;
/** What the route answers: its response schema's output, as the handler shaped it. */
export type RouteResponse<K extends RouteKey> = z.output<RouteByKey[K]['response']>;

type ParamsArg<K extends RouteKey> = RouteParams<K> extends undefined ? { params?: undefined } : { params: RouteParams<K> };
type QueryArg<K extends RouteKey> = RouteQuery<K> extends undefined ? { query?: undefined } : { query?: RouteQuery<K> };
type BodyArg<K extends RouteKey> = undefined extends RouteBody<K> ? { body?: RouteBody<K> } : { body: RouteBody<K> };

/** The parts of a request to route `K`: `params` when its path has any, `query`, `body` when it takes one. */
export type RouteArgs<K extends RouteKey> = ParamsArg<K> & QueryArg<K> & BodyArg<K>;

/** True when a call to `K` may leave out its arguments (no path parameters, no required body). */
export type ArgsOptional<K extends RouteKey> = RouteParams<K> extends undefined ? (undefined extends RouteBody<K> ? true : false) : false;

/** `GET /v1/campaigns/{id}` with `{id:'cmp_1'}` and `{limit:100}` → `GET`, `/v1/campaigns/cmp_1?limit=100`. */
export function routeRequest(key: string, args: { params?: unknown; query?: unknown } = {}): { method: string; path: string } {
  const space = key.indexOf(' ');
  const method = key.slice(0, space);
  const params = (args.params ?? {}) as Record<string, string>;
  const path = key.slice(space + 1).replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${key}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return { method, path: path + queryString((args.query ?? {}) as Record<string, string | number | boolean | undefined>) };
}

/** A query string from the defined values: `{status:'open'}` → `?status=open`. */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
