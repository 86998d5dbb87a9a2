import type { z } from 'zod';
import type { Role } from '../domain/reference';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route. `public`: anyone, no token. `signed-in`: any verified
 * token. Otherwise the token must carry one of `roles`; the handler then scopes
 * what that caller may see or change by organisation.
 */
export type RouteAuth = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: readonly Role[] };

/**
 * What a caller of ANOTHER organisation gets from a route, with a role the
 * route accepts (the generated authorisation matrix checks it):
 * - `404` or `403`: another organisation's records are refused that way (the
 *   request is built in `test/integration/authz/<area>.cases.ts`);
 * - `'filtered'`: the route reads only what the token itself scopes (the
 *   caller's own inboxes, applications, organisation), so there is nothing of
 *   another organisation's to refuse;
 * - `'not-scoped'`: nothing organisation-scoped (public, reference data,
 *   advertisements every signed-in user may read).
 */
export type OtherOrgOutcome = 403 | 404 | 'filtered' | 'not-scoped';

/** The authorisation expectations declared beside a route. */
export interface RouteAuthz {
  otherOrg: OtherOrgOutcome;
}

/** What the route's handler does to the table: the function that serves it must be allowed that (see `functionKind`). */
export type TableAccess = 'none' | 'read' | 'write';

/**
 * The deployed function that serves a route (`shared/api/function-kinds.ts`):
 * one per permission kind, not one per route.
 */
export type FunctionKind = 'read' | 'write' | 'import';

/**
 * One entry of the route table. The stack makes an API route from it and
 * sends it to the function of its kind, the local gateway dispatches by it,
 * the OpenAPI document describes it, and the authorisation tests iterate over it.
 */
export interface RouteDef {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  /** More than the summary says (what it answers, its round trips), appended to the OpenAPI description. */
  description?: string;
  tag: string;
  /** Module under `functions/` that exports `handler`, without extension. */
  handler: string;
  auth: RouteAuth;
  /** Required: what another organisation's caller gets (see `OtherOrgOutcome`); the authorisation matrix checks it. */
  authz: RouteAuthz;
  access: TableAccess;
  /** The function that serves the route, when not the one its `access` implies (see `functionKind`). */
  function?: FunctionKind;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How the request body arrives; JSON unless said otherwise. */
  bodyType?: 'json' | 'csv';
  /** Accepts an `Idempotency-Key` header (creating POSTs). */
  idempotent?: boolean;
  status: number;
  response: z.ZodType;
  /** Error statuses a client should expect besides 400/401/403. */
  errors?: readonly number[];
}

export function defineRoute<const R extends RouteDef>(route: R): R {
  return route;
}

/** `/v1/officers/{officerId}` → a matcher returning the path parameters. */
export function compilePath(path: string): (actual: string) => Record<string, string> | undefined {
  const names: string[] = [];
  // Path literals are plain slugs, so only the `{name}` segments need turning into groups.
  const pattern = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const re = new RegExp(`^${pattern}$`);
  return (actual) => {
    const m = re.exec(actual);
    if (!m) return undefined;
    const params: Record<string, string> = {};
    names.forEach((n, i) => {
      const raw = m[i + 1] ?? '';
      // A malformed escape (`%E0%A4%A`) stays as sent: the route's schema then refuses it with a 400.
      try {
        params[n] = decodeURIComponent(raw);
      } catch {
        params[n] = raw;
      }
    });
    return params;
  };
}
