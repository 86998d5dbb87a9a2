import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { errorResponse } from '../../shared/http/error-response';

const parse = (r: { body?: string }) => JSON.parse(r.body ?? '{}');

describe('mapping errors to HTTP in one place', () => {
  it('a named error keeps its status, code, message and details', () => {
    const res = errorResponse(new ConflictError('Taken', [{ field: 'staffNumber', message: 'used' }]), 'req-1');
    expect(res.statusCode).toBe(409);
    expect(parse(res)).toEqual({
      error: { code: 'conflict', message: 'Taken', details: [{ field: 'staffNumber', message: 'used' }], requestId: 'req-1' },
    });
  });

  it('a DynamoDB condition failure that no repository mapped is a 409, not a 500', () => {
    const err = new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    expect(errorResponse(err).statusCode).toBe(409);
  });

  it('DynamoDB refusing a malformed request (a bad start key, an oversized key) is a 400 in the error shape, without its internals', () => {
    const err = Object.assign(new Error('The provided starting key is invalid: The provided key element does not match the schema'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    const res = errorResponse(err, 'req-2');
    expect(res.statusCode).toBe(400);
    const body = parse(res);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).not.toMatch(/schema|key element/);
    // Wrapped by a library (Powertools, say) as the cause: the same.
    expect(errorResponse(new Error('wrapper', { cause: err })).statusCode).toBe(400);
  });

  it('a transaction DynamoDB cancelled as invalid (an item too large) is a 400, not a conflict', () => {
    const err = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'ValidationError', Message: 'Item size has exceeded the maximum allowed size' }] });
    expect(errorResponse(err).statusCode).toBe(400);
    const conflict = Object.assign(new Error('Transaction cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] });
    expect(errorResponse(conflict).statusCode).toBe(409);
  });

  it('an unreachable or throttled table is 503 with Retry-After', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const res = errorResponse(refused);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
    const throttled = Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    expect(errorResponse(throttled).statusCode).toBe(503);
  });

  it('a zod error is a validation failure with a detail per issue', () => {
    const result = z.strictObject({ a: z.number() }).safeParse({ a: 'x', b: 1 });
    const res = errorResponse(result.error);
    expect(res.statusCode).toBe(400);
    expect(parse(res).error.details).toHaveLength(2);
  });

  it('an unexpected error is a 500 whose message says nothing of the internals', () => {
    const res = errorResponse(new TypeError('Cannot read properties of undefined (reading "secret")'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('secret');
    expect(parse(res).error.code).toBe('internal_error');
  });

  it('middy’s JSON parser errors: wrong content type 415, bad JSON 400', () => {
    const wrongType = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, cause: { package: '@middy/http-json-body-parser' } });
    expect(errorResponse(wrongType).statusCode).toBe(415);
    const badJson = Object.assign(new Error('Invalid or malformed JSON was provided'), { statusCode: 415, cause: { package: '@middy/http-json-body-parser' } });
    expect(errorResponse(badJson).statusCode).toBe(400);
  });

  it('not found is 404 with code not_found', () => {
    expect(parse(errorResponse(new NotFoundError('No officer'))).error.code).toBe('not_found');
  });
});
