import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { IdempotencyAlreadyInProgressError, IdempotencyValidationError } from '@aws-lambda-powertools/idempotency';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { idempotencyStore, resetIdempotencyStores } from '../data/idempotency-store';
import { ConflictError, UnprocessableError, ValidationError } from '../errors';

/** How long a creating POST's first answer is kept for retries with the same key. */
const KEEP_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** For tests that point the process at a fresh table (every kind of idempotency record). */
export function resetIdempotencyStore(): void {
  resetIdempotencyStores();
}

export function idempotencyKeyOf(headers: Record<string, string | undefined>): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError('Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'not a valid key' }]);
  }
  return key;
}

/**
 * What a record is keyed by (Powertools hashes it): route, caller and key as
 * a JSON array, so no value can run into the next. Joined with a separator,
 * user `u` with key `k#1` and user `u#k` with key `1` would share one record,
 * and the second would be handed the first one's response.
 */
export function idempotencyScope(routeId: string, caller: string, key: string): [string, string, string] {
  return [routeId, caller, key];
}

/**
 * Run a creating request once per (route, caller, Idempotency-Key): a retry
 * gets the first response again, marked `idempotency-replayed: true`, and
 * writes nothing; the same key with a different body is 422; a retry while
 * the first is still running is 409. A request that failed is not kept, so
 * it can be retried.
 */
export async function runIdempotent(
  scope: { routeId: string; caller: string; key: string; body: unknown; context?: Context },
  run: () => Promise<APIGatewayProxyStructuredResultV2>,
): Promise<APIGatewayProxyStructuredResultV2> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'scope',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: KEEP_SECONDS,
    responseHook: (response) => {
      const r = response as APIGatewayProxyStructuredResultV2;
      return { ...r, headers: { ...(r.headers ?? {}), 'idempotency-replayed': 'true' } } as never;
    },
  });
  if (scope.context?.getRemainingTimeInMillis) config.registerLambdaContext(scope.context);
  const once = makeIdempotent(async (_data: { scope: string[]; body: unknown }) => run() as never, { persistenceStore: idempotencyStore('request'), config });
  try {
    return (await once({ scope: idempotencyScope(scope.routeId, scope.caller, scope.key), body: scope.body ?? null })) as APIGatewayProxyStructuredResultV2;
  } catch (err) {
    if (err instanceof IdempotencyValidationError || (err as Error).name === 'IdempotencyValidationError') {
      throw new UnprocessableError('This Idempotency-Key was already used with a different request. Use a new key for a new request.', [{ field: 'Idempotency-Key', message: 'reused with a different body' }]);
    }
    if (err instanceof IdempotencyAlreadyInProgressError || (err as Error).name === 'IdempotencyAlreadyInProgressError') {
      throw new ConflictError('A request with this Idempotency-Key is still in progress. Retry shortly.', [], { 'Retry-After': '1' });
    }
    // Powertools wraps what the request itself threw; give the caller the original error.
    const cause = (err as { cause?: unknown }).cause;
    throw cause instanceof Error && err instanceof Error && err.name.startsWith('Idempotency') ? cause : err;
  }
}
