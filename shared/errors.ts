/**
 * Named errors the domain and data layer throw. One place (`http/error-response.ts`)
 * turns them into HTTP; nothing else builds an error response by hand.
 */
export interface ErrorDetail {
  path?: string;
  field?: string;
  message: string;
  [key: string]: unknown;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: ErrorDetail[];
  readonly headers: Record<string, string>;

  constructor(message: string, details: ErrorDetail[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
    this.headers = headers;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
}

/**
 * A date given, or computed from what was given (an end date, a release date),
 * outside the calendar the service works in (see domain/date-range.ts).
 */
export class DateOutOfRangeError extends ValidationError {
  constructor(message: string, field: string) {
    super(message, [{ field, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
}

export class PreconditionFailedError extends AppError {
  readonly status = 412;
  readonly code = 'precondition_failed';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

export class UnprocessableError extends AppError {
  readonly status = 422;
  readonly code = 'unprocessable';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'service_unavailable';
}
