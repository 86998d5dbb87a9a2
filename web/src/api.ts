import { apiUrl } from './config';
import { type ArgsOptional, type RouteArgs, type RouteKey, type RouteResponse, routeRequest } from './routes';
import { readSession } from './session';

/** One entry of the API's `error.details`: which field, and what is wrong with it. */
export interface ErrorDetail {
  path?: string;
  field?: string;
  message: string;
}

/** An API answer outside 2xx, in the service's shape `{error:{code,message,details}}`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

let onUnauthenticated: (() => void) | undefined;

/** Called when the API says the token is no longer good (401): the app signs out and asks to sign in again. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as `Idempotency-Key` on creating POSTs, so a retried click creates nothing twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Send `body` (a string) as is with this content type, not as JSON: `text/csv` for an officer import. */
  contentType?: string;
}

function messageForStatus(status: number): string {
  if (status === 401) return 'You need to sign in again.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'Page not found.';
  if (status === 413) return 'What you sent is too large.';
  if (status >= 500) return 'Sorry, there is a problem with the service. Try again later.';
  return `The service answered ${status}.`;
}

async function errorFrom(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: ErrorDetail[]; requestId?: string } };
    if (body.error?.message) {
      return new ApiError(res.status, body.error.code ?? 'error', body.error.message, body.error.details ?? [], body.error.requestId);
    }
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a message for the status.
  }
  return new ApiError(res.status, res.status === 401 ? 'unauthenticated' : 'error', messageForStatus(res.status));
}

/**
 * Send one request to the service (same origin) with the signed-in user's
 * bearer token. Pages call routes through `api.call`, typed by the route
 * table; this untyped form is for the local identity routes (`/local/…`),
 * which only the local gateway serves. Resolves with
 * the JSON body; rejects with an `ApiError` (status 0 when the network failed).
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = readSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const raw = options.contentType !== undefined && typeof options.body === 'string';
  if (options.body !== undefined) headers['content-type'] = raw ? options.contentType! : 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let res: Response;
  try {
    res = await fetch(apiUrl(path), {
      method,
      headers,
      ...(options.body !== undefined ? { body: raw ? (options.body as string) : JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The service could not be reached. Check your connection and try again.');
  }
  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && token) onUnauthenticated?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** How a route call is sent, beside its typed parts. */
export interface CallOptions {
  /** Sent as `Idempotency-Key` on creating POSTs, so a retried click creates nothing twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Send the body (a string) as is with this content type, not as JSON: `text/csv` for an officer import. */
  contentType?: string;
}

/** The arguments after the route key: optional when the route has no path parameters and no required body. */
export type CallRest<K extends RouteKey> = ArgsOptional<K> extends true
  ? [args?: RouteArgs<K>, options?: CallOptions]
  : [args: RouteArgs<K>, options?: CallOptions];

/**
 * Call one route of the API by its key, `api.call('GET /v1/campaigns/{id}', {params:{id}})`:
 * the path parameters, query and body are typed from the route table, and so
 * is the answer.
 */
function call<K extends RouteKey>(key: K, ...rest: CallRest<K>): Promise<RouteResponse<K>> {
  const [args, options] = rest as [RouteArgs<K> | undefined, CallOptions | undefined];
  const { method, path } = routeRequest(key, args as { params?: unknown; query?: unknown } | undefined);
  const body = (args as { body?: unknown } | undefined)?.body;
  return request<RouteResponse<K>>(method, path, { ...options, ...(body !== undefined ? { body } : {}) });
}

export const api = { call };
