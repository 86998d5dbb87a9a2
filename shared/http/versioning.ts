import { ValidationError } from '../errors';
import { expectVersion, type ExpectedVersion } from '../data/expected-version';

/** A version in If-Match: `"3"`, `W/"3"` or `3`; at most 16 digits (the longest safe integer), so a 400-digit value never becomes a number. */
const IF_MATCH = /^(?:W\/)?"?(\d{1,16})"?$/;

/**
 * The version a write expects, from the body's `version` or an `If-Match`
 * header (`"3"`, `W/"3"` or `3`). Which one it came from decides whether a
 * stale value is a 409 (body) or a 412 (If-Match). An If-Match that is not a
 * version (not a number, a list, `*`, or past the largest safe integer) is a
 * 400: it cannot match any version, and saying so beats a 412 that suggests
 * reloading.
 */
export function expectedVersion(bodyVersion: number | undefined, headers: Record<string, string | undefined>): ExpectedVersion {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    const m = IF_MATCH.exec(ifMatch.trim());
    if (!m) {
      throw new ValidationError('If-Match must be the version you read, e.g. "3".', [{ field: 'If-Match', message: 'not a version' }]);
    }
    return expectVersion(Number(m[1]), 'if-match');
  }
  if (bodyVersion === undefined) {
    throw new ValidationError('Send the version you read, as `version` in the body or an If-Match header.', [
      { field: 'version', message: 'required' },
    ]);
  }
  return expectVersion(bodyVersion, 'body');
}

export function etag(version: number): string {
  return `"${version}"`;
}
