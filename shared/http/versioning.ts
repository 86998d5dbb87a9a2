import { ValidationError } from '../errors';
import type { ExpectedVersion } from '../data/expected-version';

/**
 * The version a write expects, from the body's `version` or an `If-Match`
 * header (`"3"`, `W/"3"` or `3`). Which one it came from decides whether a
 * stale value is a 409 (body) or a 412 (If-Match).
 */
export function expectedVersion(bodyVersion: number | undefined, headers: Record<string, string | undefined>): ExpectedVersion {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    const m = /^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim());
    if (!m) {
      throw new ValidationError('If-Match must be the version you read, e.g. "3".', [{ field: 'If-Match', message: 'not a version' }]);
    }
    return { version: Number(m[1]), via: 'if-match' };
  }
  if (bodyVersion === undefined) {
    throw new ValidationError('Send the version you read, as `version` in the body or an If-Match header.', [
      { field: 'version', message: 'required' },
    ]);
  }
  return { version: bodyVersion, via: 'body' };
}

export function etag(version: number): string {
  return `"${version}"`;
}
