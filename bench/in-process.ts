/**
 * The route's own overhead, in process: the Lambda function of the route's
 * kind invoked with the API Gateway event it would receive, without HTTP and
 * without verifying the bearer token (API Gateway's JWT authorizer does that
 * in AWS, before Lambda runs). Beside the floor of the same DynamoDB calls
 * made with the bare SDK, it is what the service's code adds to a request:
 * parsing, validation, policy, the dispatcher, middy, logging and metrics.
 */
import { Buffer } from 'node:buffer';
import { dispatch } from '../local/gateway/dispatch';
import { loadDirect, type BenchRequest, type LoadOptions, type LoadResult } from './load';

/** The claims a token carries, read once per token and not verified (the authorizer's job). */
function claimsReader(): (token: string) => Promise<Record<string, unknown> | undefined> {
  const cache = new Map<string, Record<string, unknown>>();
  return async (token) => {
    let claims = cache.get(token);
    if (!claims) {
      claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
      cache.set(token, claims);
    }
    return claims;
  };
}

/** `next()` requests, each through the route's function in this process; a non-2xx answer counts as an error. */
export async function loadInProcess(next: () => BenchRequest, options: LoadOptions): Promise<LoadResult> {
  const claims = claimsReader();
  let non2xx = 0;
  const result = await loadDirect(async () => {
    const req = next();
    const res = await dispatch({ method: req.method, url: req.path, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}) }, claims);
    if (res.status < 200 || res.status > 299) {
      non2xx++;
      throw new Error(`${req.method} ${req.path} answered ${res.status}`);
    }
  }, options);
  return { ...result, non2xx, errors: result.errors - non2xx };
}
