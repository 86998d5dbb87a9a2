import type { FunctionKind, RouteDef, TableAccess } from '../http/route';

export type { FunctionKind } from '../http/route';

/** What a kind's function may do and how it runs: its role, its environment and its Lambda settings follow from this. */
export interface FunctionKindSpec {
  /** The widest table access among the routes it may serve: its IAM role grants exactly this. */
  access: Exclude<TableAccess, 'none'>;
  memoryMb: number;
  timeoutSeconds: number;
  description: string;
}

/**
 * The API's Lambda functions: one per permission kind, each serving every
 * route of its kind (dispatching on the API Gateway route key), rather than
 * one per route. A handful of functions keeps containers warm across routes
 * for a service with a few hundred users a day, keeps the stack far from
 * CloudFormation's resource limit, and lets each function have a role of its
 * own holding only what its routes need.
 */
export const FUNCTION_KINDS = {
  read: {
    access: 'read',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'API routes that only read the table',
  },
  // Its routes' domain events are outbox items in their own transactions: the notifier delivers them, so this
  // function holds no bus or SES grant.
  write: {
    access: 'write',
    memoryMb: 256,
    timeoutSeconds: 10,
    description: 'API routes that change the table',
  },
  // API Gateway waits at most ~30 s for a Lambda; the import's row limit keeps a whole file well inside that.
  import: {
    access: 'write',
    memoryMb: 512,
    timeoutSeconds: 29,
    description: 'The officer CSV import',
  },
} as const satisfies Record<FunctionKind, FunctionKindSpec>;

export const FUNCTION_KIND_NAMES = Object.keys(FUNCTION_KINDS) as FunctionKind[];

/**
 * The function that serves a route, decided here and nowhere else: the
 * route's own `function` if it names one, else `write` for a route that
 * changes the table and `read` for the rest (a POST that only reads, such as
 * the impact preview, is a read).
 */
export function functionKind(route: RouteDef): FunctionKind {
  return route.function ?? (route.access === 'write' ? 'write' : 'read');
}

/** The key API Gateway puts in `event.routeKey` for a route. */
export function routeKey(route: Pick<RouteDef, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The routes one function serves. */
export function routesOfKind(kind: FunctionKind, routes: readonly RouteDef[]): RouteDef[] {
  return routes.filter((route) => functionKind(route) === kind);
}

/**
 * Refuse a route its function could not serve: one that writes on the read
 * function. In AWS that route would fail on its first request with AccessDenied.
 */
export function checkRouteKind(route: RouteDef): void {
  const kind = functionKind(route);
  const spec: FunctionKindSpec = FUNCTION_KINDS[kind];
  if (route.access === 'write' && spec.access !== 'write') {
    throw new Error(`Route ${route.id} writes the table, but the ${kind} function may only read it.`);
  }
}
