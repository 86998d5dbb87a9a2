import { ValidationError } from '../errors';
import { TABLE_INDEXES, TABLE_KEYS } from './table-definition';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

type Key = Record<string, unknown>;

/** DynamoDB's own limits on key values: 2,048 bytes for a partition key, 1,024 for a sort key. */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

/** LastEvaluatedKey → an opaque cursor. */
export function encodeCursor(key: Key | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function invalidCursor(why: string): ValidationError {
  return new ValidationError('The cursor is not valid for this list.', [{ field: 'cursor', message: `not a cursor this list issued (${why})` }]);
}

/**
 * The attributes a LastEvaluatedKey of a Query on `partitionAttribute` holds:
 * the table's key, and for an index also the index's key. Every key attribute
 * of the table and its indexes is a string.
 */
function keyAttributesOf(partitionAttribute: string): { name: string; partition: boolean }[] {
  const table = [
    { name: TABLE_KEYS.partitionKey, partition: true },
    { name: TABLE_KEYS.sortKey, partition: false },
  ];
  if (partitionAttribute === TABLE_KEYS.partitionKey) return table;
  const index = TABLE_INDEXES.find((i) => i.partitionKey === partitionAttribute);
  if (!index) throw new Error(`No table or index has the partition key ${partitionAttribute}.`);
  return [{ name: index.partitionKey, partition: true }, { name: index.sortKey, partition: false }, ...table];
}

/**
 * Check a start key, however it arrived, before it reaches DynamoDB: exactly
 * the key attributes of the table (or index) being read, each a non-empty
 * string within DynamoDB's key size limits, and the partition being read.
 * DynamoDB itself answers a malformed start key with a ValidationException;
 * checked here, the caller gets a 400 that says what is wrong, and a
 * hand-made cursor cannot steer a Query into another partition.
 */
export function checkStartKey(key: unknown, expect: { attribute: string; value: string }): Key {
  if (!key || typeof key !== 'object' || Array.isArray(key)) throw invalidCursor('not a key');
  const attributes = keyAttributesOf(expect.attribute);
  const names = new Set(attributes.map((a) => a.name));
  const extra = Object.keys(key).filter((k) => !names.has(k));
  if (extra.length) throw invalidCursor(`unexpected ${extra.length === 1 ? 'attribute' : 'attributes'} ${extra.slice(0, 3).join(', ')}`);
  for (const { name, partition } of attributes) {
    const value = (key as Key)[name];
    if (value === undefined) throw invalidCursor(`missing ${name}`);
    if (typeof value !== 'string' || value === '') throw invalidCursor(`${name} is not a key value`);
    if (Buffer.byteLength(value, 'utf8') > (partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES)) throw invalidCursor(`${name} is too long`);
  }
  if ((key as Key)[expect.attribute] !== expect.value) throw invalidCursor('another list');
  return key as Key;
}

/**
 * Cursor → ExclusiveStartKey, fully checked (see checkStartKey) to be a key
 * of the partition being read.
 */
export function decodeCursor(cursor: string | undefined, expect: { attribute: string; value: string }): Key | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('not readable');
  }
  return checkStartKey(key, expect);
}
