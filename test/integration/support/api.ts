import { randomUUID } from 'node:crypto';
import { dispatch, type LocalResponse } from '../../../local/gateway/dispatch';
import { drainOutbox } from '../../../shared/use-cases/deliver-outbox';
import type { Role } from '../../../shared/domain/reference';

export interface Claims {
  sub: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions?: string[];
  name?: string;
}

// Tests stand in for the JWT authorizer: a token is a handle on a set of claims.
// Real signature checks are covered by the local gateway's own tests.
const tokens = new Map<string, Claims>();
const verify = async (token: string) => tokens.get(token) as Record<string, unknown> | undefined;

export interface ApiResponse<T = any> extends LocalResponse {
  json: T;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A raw body string (sent as-is) instead of JSON. */
  raw?: string;
  contentType?: string;
}

export function tokenFor(claims: Claims): string {
  const token = randomUUID();
  tokens.set(token, claims);
  return token;
}

async function send(method: string, url: string, token: string | undefined, body: unknown, opts: RequestOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    if (opts.contentType) headers['content-type'] = opts.contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = opts.contentType ?? 'application/json';
  }
  const res = await dispatch({ method, url, headers, body: payload }, verify);
  // As the local gateway (and the stream notifier in AWS) does: what the request put in the outbox is delivered.
  await drainOutbox();
  let json: unknown;
  try {
    json = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    json = undefined;
  }
  return { ...res, json };
}

/** A client acting as one user (or anonymously), calling the same dispatch the local gateway uses. */
export function as(claims?: Claims) {
  const token = claims ? tokenFor(claims) : undefined;
  return {
    get: (url: string, opts?: RequestOptions) => send('GET', url, token, undefined, opts),
    post: (url: string, body?: unknown, opts?: RequestOptions) => send('POST', url, token, body, opts),
    put: (url: string, body?: unknown, opts?: RequestOptions) => send('PUT', url, token, body, opts),
    patch: (url: string, body?: unknown, opts?: RequestOptions) => send('PATCH', url, token, body, opts),
    send: (method: string, url: string, body?: unknown, opts?: RequestOptions) => send(method, url, token, body, opts),
  };
}

export const users = {
  ncaHr: { sub: 'nca-hr', org: 'nca', roles: ['hr-lead'] },
  titanHr: { sub: 'titan-hr', org: 'titan', roles: ['hr-lead'] },
  titanHead: { sub: 'titan-head', org: 'titan', roles: ['rocu-head'] },
  ersouHr: { sub: 'ersou-hr', org: 'ersou', roles: ['hr-lead'] },
  ersouHead: { sub: 'ersou-head', org: 'ersou', roles: ['rocu-head'] },
  roccNorthWest: { sub: 'rocc-nw', org: 'nca', roles: ['rocc'], regions: ['north-west'] },
  admin: { sub: 'admin', org: 'nca', roles: ['admin'] },
} satisfies Record<string, Claims>;

/** A client acting as the officer whose record this is. */
export function asOfficer(officer: { id: string; homeOrgId: string }) {
  return as({ sub: `u-${officer.id}`, org: officer.homeOrgId, roles: ['officer'], officerId: officer.id });
}
