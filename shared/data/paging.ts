import { ValidationError } from '../errors';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

type Key = Record<string, unknown>;

/** LastEvaluatedKey → an opaque cursor. */
export function encodeCursor(key: Key | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Cursor → ExclusiveStartKey, checked to belong to the partition being read so
 * a hand-made cursor cannot steer a Query into another partition.
 */
export function decodeCursor(cursor: string | undefined, expect: { attribute: string; value: string }): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (
    !key ||
    typeof key !== 'object' ||
    Array.isArray(key) ||
    (key as Key)[expect.attribute] !== expect.value ||
    !Object.values(key as Key).every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw new ValidationError('The cursor is not valid for this list.', [{ field: 'cursor', message: 'not a cursor this list issued' }]);
  }
  return key as Key;
}
