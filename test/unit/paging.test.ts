import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/data/paging';
import { ValidationError } from '../../shared/errors';

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
const officersOfTitan = { attribute: 'gsi1pk', value: 'ORG#titan#OFFICER' };
const auditOfCampaign = { attribute: 'pk', value: 'AUDIT#campaign#cmp_1' };

function refused(cursor: string, expect_: { attribute: string; value: string }): string {
  try {
    decodeCursor(cursor, expect_);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).details[0]?.field).toBe('cursor');
    return String((err as ValidationError).details[0]?.message);
  }
  throw new Error('expected the cursor to be refused');
}

describe('a cursor is checked in full before it reaches DynamoDB', () => {
  const full = { gsi1pk: 'ORG#titan#OFFICER', gsi1sk: 'officer 1#off_1', pk: 'OFFICER#off_1', sk: 'OFFICER' };

  it('the cursor a list issued comes back as its start key', () => {
    expect(decodeCursor(encodeCursor(full), officersOfTitan)).toEqual(full);
    expect(decodeCursor(undefined, officersOfTitan)).toBeUndefined();
    const tableKey = { pk: 'AUDIT#campaign#cmp_1', sk: '2026-01-01T00:00:00.000Z#aud_1' };
    expect(decodeCursor(encodeCursor(tableKey), auditOfCampaign)).toEqual(tableKey);
  });

  it('an index cursor with only the partition attribute is refused, naming what is missing', () => {
    expect(refused(cursorOf({ gsi1pk: 'ORG#titan#OFFICER' }), officersOfTitan)).toMatch(/missing gsi1sk/);
    expect(refused(cursorOf({ gsi1pk: 'ORG#titan#OFFICER', gsi1sk: 'x' }), officersOfTitan)).toMatch(/missing pk/);
  });

  it('a table cursor with only pk is refused', () => {
    expect(refused(cursorOf({ pk: 'AUDIT#campaign#cmp_1' }), auditOfCampaign)).toMatch(/missing sk/);
  });

  it('a number (or anything else) where text belongs is refused', () => {
    expect(refused(cursorOf({ ...full, gsi1sk: 5 }), officersOfTitan)).toMatch(/gsi1sk is not a key value/);
    expect(refused(cursorOf({ ...full, sk: { S: 'OFFICER' } }), officersOfTitan)).toMatch(/sk is not a key value/);
    expect(refused(cursorOf({ ...full, pk: '' }), officersOfTitan)).toMatch(/pk is not a key value/);
    expect(refused(cursorOf({ ...full, sk: 'x'.repeat(1025) }), officersOfTitan)).toMatch(/too long/);
  });

  it('an extra attribute is refused', () => {
    expect(refused(cursorOf({ ...full, status: 'active' }), officersOfTitan)).toMatch(/unexpected attribute status/);
    expect(refused(cursorOf({ pk: 'AUDIT#campaign#cmp_1', sk: 'x', gsi1pk: 'y' }), auditOfCampaign)).toMatch(/unexpected attribute gsi1pk/);
  });

  it('a cursor of another list (another organisation’s officers) is still refused', () => {
    expect(refused(cursorOf({ ...full, gsi1pk: 'ORG#ersou#OFFICER' }), officersOfTitan)).toMatch(/another list/);
  });

  it('garbage is refused', () => {
    for (const c of ['!!!', cursorOf([1, 2]), cursorOf(null), cursorOf('text'), 'eyJ']) expect(refused(c, officersOfTitan)).toMatch(/not/);
  });
});
