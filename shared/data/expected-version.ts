import { ConflictError, PreconditionFailedError, type AppError } from '../errors';

export interface ExpectedVersion {
  version: number;
  /** A stale `If-Match` is a 412, a stale body version a 409. */
  via: 'body' | 'if-match';
}

/** The error for a write whose expected version is no longer current. */
export function staleVersionError(what: string, expected: ExpectedVersion): AppError {
  return expected.via === 'if-match'
    ? new PreconditionFailedError(`The ${what} has changed since you read it (If-Match did not match). Reload and try again.`)
    : new ConflictError(`The ${what} has changed since you read it (stale version). Reload and try again.`);
}
