import { ConflictError, PreconditionFailedError, ValidationError, type AppError } from '../errors';

export interface ExpectedVersion {
  version: number;
  /** A stale `If-Match` is a 412, a stale body version a 409. */
  via: 'body' | 'if-match';
}

/**
 * Versions are whole numbers counted up from 1 by every write (0 stands for
 * "nothing recorded yet" where a route allows creating that way), so anything
 * but a non-negative safe integer cannot be one: refused with a 400 before it
 * reaches a condition expression (where 1e200 or Infinity would be compared
 * as a number DynamoDB cannot even store).
 */
function isVersion(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

/** The expected version of a write, checked to be a version at all. */
export function expectVersion(version: number, via: ExpectedVersion['via']): ExpectedVersion {
  if (!isVersion(version)) {
    const field = via === 'if-match' ? 'If-Match' : 'version';
    throw new ValidationError(`${field} must be the version you read: a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`, [
      { field, message: 'not a version' },
    ]);
  }
  return { version, via };
}

/** The error for a write whose expected version is no longer current. */
export function staleVersionError(what: string, expected: ExpectedVersion): AppError {
  return expected.via === 'if-match'
    ? new PreconditionFailedError(`The ${what} has changed since you read it (If-Match did not match). Reload and try again.`)
    : new ConflictError(`The ${what} has changed since you read it (stale version). Reload and try again.`);
}
