import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import {
  AppError,
  ConflictError,
  ServiceUnavailableError,
  TooManyRequestsError,
  UnsupportedMediaTypeError,
  ValidationError,
  type ErrorDetail,
} from '../errors';
import { logger } from '../logger';

const RETRYABLE_AWS_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
]);
/** The caller (not the table) is over a rate limit: Lambda's or API Gateway's throttling. */
const CALLER_THROTTLED = new Set(['TooManyRequestsException', 'TooManyRequests']);
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/** zod issues → `details` a person (or a form) can act on. */
export function zodDetails(error: z.ZodError, prefix?: string): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)].join('.');
    return { path, field: issue.path.map(String).join('.') || prefix || '', message: issue.message };
  });
}

interface MiddyHttpError extends Error {
  statusCode: number;
  cause?: { package?: string; data?: unknown };
}

function isMiddyHttpError(err: unknown): err is MiddyHttpError {
  return err instanceof Error && typeof (err as MiddyHttpError).statusCode === 'number';
}

/**
 * Any thrown value → one of our named errors. Known client mistakes keep their
 * 4xx; DynamoDB refusing a condition is a conflict, refusing a malformed
 * request (ValidationException) a 400; an unreachable or throttled
 * table is 503 with Retry-After; everything else is reported as an internal error.
 */
function toAppError(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) return new ValidationError('The request is not valid.', zodDetails(err));
  if (isMiddyHttpError(err) && err.cause?.package === '@middy/http-json-body-parser') {
    if (err.message === 'Unsupported Media Type') {
      return new UnsupportedMediaTypeError('Send the request body as JSON with Content-Type: application/json.');
    }
    return new ValidationError('The request body is missing or is not valid JSON.');
  }
  if (isMiddyHttpError(err) && err.statusCode < 500) {
    return new ValidationError(err.message);
  }
  if (!(err instanceof Error)) return undefined;
  return awsError(err) ?? awsError((err as { cause?: unknown }).cause) ?? awsError(((err as { cause?: { cause?: unknown } }).cause)?.cause);
}

/**
 * DynamoDB refusing a request as malformed (a start key or a key value it
 * cannot take, an item too large) is about what was sent, so it is a 400.
 * Its own wording names table internals, so the caller gets ours; the log
 * keeps DynamoDB's, in case the service itself built the request wrongly.
 */
function invalidForTable(err: Error): ValidationError {
  logger.warn('DynamoDB refused a request as invalid', { dynamodbError: err.name, dynamodbMessage: err.message });
  return new ValidationError('The request names a value the service cannot look up or store (a cursor, an id or a text too long). Check it and try again.');
}

/** AWS SDK, network and Lambda errors (possibly wrapped by a library as `cause`) → our named errors. */
function awsError(err: unknown): AppError | undefined {
  if (!(err instanceof Error)) return undefined;
  const name = err.name;
  const code = (err as { code?: string }).code;
  if (name === 'TransactionCanceledException' && (err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.some((r) => r.Code === 'ValidationError')) {
    return invalidForTable(err);
  }
  if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
    return new ConflictError('The record changed while you were working on it, or the change is no longer allowed. Reload and try again.');
  }
  if (name === 'ValidationException') return invalidForTable(err);
  if (name === 'TransactionConflictException') {
    return new ConflictError('Another change to the same records was in progress. Try again.');
  }
  if (CALLER_THROTTLED.has(name) || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 429) {
    return new TooManyRequestsError('Too many requests. Slow down and try again shortly.', [], { 'Retry-After': '2' });
  }
  if (
    RETRYABLE_AWS_ERRORS.has(name) ||
    (code && NETWORK_ERRORS.has(code)) ||
    name === 'TimeoutError' ||
    (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 503
  ) {
    return new ServiceUnavailableError('The service is briefly unavailable. Try again shortly.', [], { 'Retry-After': '2' });
  }
  return undefined;
}

function errorBody(status: number, code: string, message: string, details: ErrorDetail[], requestId?: string) {
  return { error: { code, message, details, ...(requestId ? { requestId } : {}) } };
}

/** The one place an error becomes an HTTP response. Messages of 5xx never carry internals. */
export function errorResponse(err: unknown, requestId?: string): APIGatewayProxyStructuredResultV2 & { statusCode: number } {
  const appError = toAppError(err);
  if (appError) {
    return {
      statusCode: appError.status,
      headers: { 'content-type': 'application/json', ...appError.headers },
      body: JSON.stringify(errorBody(appError.status, appError.code, appError.message, appError.details, requestId)),
    };
  }
  return {
    statusCode: 500,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      errorBody(500, 'internal_error', 'Something went wrong on our side. It has been logged.', [], requestId),
    ),
  };
}
