import { describe, expect, it } from 'vitest';
import { idempotencyScope } from '../../shared/http/idempotency';

describe('the idempotency record key is unambiguous', () => {
  it('user u with key k#1 and user u#k with key 1 have different scopes', () => {
    const a = JSON.stringify(idempotencyScope('createOfficer', 'u', 'k#1'));
    const b = JSON.stringify(idempotencyScope('createOfficer', 'u#k', '1'));
    expect(a).not.toBe(b);
  });

  it('a separator inside the route, the caller or the key never shifts a part into the next', () => {
    const parts: [string, string, string][] = [
      ['r', 'a#b', 'c'],
      ['r', 'a', 'b#c'],
      ['r#a', 'b', 'c'],
      ['r', 'a","b', 'c'],
      ['r', 'a', '","b","c'],
    ];
    const keys = parts.map((p) => JSON.stringify(idempotencyScope(...p)));
    expect(new Set(keys).size).toBe(parts.length);
  });
});
