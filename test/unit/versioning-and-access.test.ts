import { describe, expect, it } from 'vitest';
import { baselineFieldsAllowed, canEditOfficer, canListOfficersOf, canReadOfficer } from '../../shared/domain/access';
import type { Identity } from '../../shared/http/identity';
import { compilePath } from '../../shared/http/route';
import { expectedVersion } from '../../shared/http/versioning';

const who = (org: string, roles: Identity['roles'], officerId?: string): Identity => ({ sub: 's', org, roles, regions: [], ...(officerId ? { officerId } : {}) });

describe('expected version from the body or If-Match', () => {
  it('If-Match wins and is reported as such (a stale one is 412)', () => {
    expect(expectedVersion(3, { 'if-match': '"4"' })).toEqual({ version: 4, via: 'if-match' });
    expect(expectedVersion(undefined, { 'if-match': 'W/"7"' })).toEqual({ version: 7, via: 'if-match' });
  });
  it('the body version is used when there is no If-Match', () => {
    expect(expectedVersion(2, {})).toEqual({ version: 2, via: 'body' });
  });
  it('neither, or a malformed If-Match, is a 400', () => {
    expect(() => expectedVersion(undefined, {})).toThrowError(expect.objectContaining({ status: 400 }));
    expect(() => expectedVersion(undefined, { 'if-match': '*' })).toThrowError(expect.objectContaining({ status: 400 }));
  });

  it('a 400-digit If-Match, or 1 followed by 200 zeros, is a 400 naming If-Match, never Infinity or 1e200', () => {
    for (const huge of ['9'.repeat(400), `1${'0'.repeat(200)}`, `"${'9'.repeat(17)}"`, '9007199254740992']) {
      expect(() => expectedVersion(undefined, { 'if-match': huge })).toThrowError(
        expect.objectContaining({ status: 400, details: [expect.objectContaining({ field: 'If-Match' })] }),
      );
    }
    expect(expectedVersion(undefined, { 'if-match': '9007199254740991' })).toEqual({ version: Number.MAX_SAFE_INTEGER, via: 'if-match' });
    expect(expectedVersion(undefined, { 'if-match': '"007"' })).toEqual({ version: 7, via: 'if-match' });
  });

  it('a body version that is not a non-negative safe integer is a 400 naming version', () => {
    for (const bad of [1e200, Infinity, Number.NaN, -1, 1.5, 2 ** 53]) {
      expect(() => expectedVersion(bad, {})).toThrowError(expect.objectContaining({ status: 400, details: [expect.objectContaining({ field: 'version' })] }));
    }
  });
});

describe('organisation scoping', () => {
  const officer = { id: 'off_1', homeOrgId: 'titan' };
  it('the officer, and the home HR lead and ROCU head, read an officer record; nobody else', () => {
    expect(canReadOfficer(who('titan', ['officer'], 'off_1'), officer)).toBe(true);
    expect(canReadOfficer(who('titan', ['officer'], 'off_2'), officer)).toBe(false);
    expect(canReadOfficer(who('titan', ['hr-lead']), officer)).toBe(true);
    expect(canReadOfficer(who('titan', ['rocu-head']), officer)).toBe(true);
    expect(canReadOfficer(who('ersou', ['rocu-head']), officer)).toBe(false);
    expect(canReadOfficer(who('nca', ['rocc']), officer)).toBe(false);
  });
  it('only the home HR lead edits; HR lead and head list their own organisation', () => {
    expect(canEditOfficer(who('titan', ['hr-lead']), officer)).toBe(true);
    expect(canEditOfficer(who('titan', ['rocu-head']), officer)).toBe(false);
    expect(canListOfficersOf(who('titan', ['rocu-head']), 'titan')).toBe(true);
    expect(canListOfficersOf(who('titan', ['hr-lead']), 'ersou')).toBe(false);
  });
  it('the ROCU head owns the minimum, the HR lead the establishment', () => {
    expect(baselineFieldsAllowed(who('titan', ['rocu-head']), 'titan')).toEqual({ minimum: true, establishment: false });
    expect(baselineFieldsAllowed(who('titan', ['hr-lead', 'rocu-head']), 'titan')).toEqual({ minimum: true, establishment: true });
    expect(baselineFieldsAllowed(who('ersou', ['rocu-head']), 'titan')).toEqual({ minimum: false, establishment: false });
  });
});

describe('route path templates', () => {
  it('extracts and decodes parameters; anything else does not match', () => {
    const match = compilePath('/v1/organisations/{orgId}/capabilities/{capabilityId}');
    expect(match('/v1/organisations/titan/capabilities/cyber')).toEqual({ orgId: 'titan', capabilityId: 'cyber' });
    expect(match('/v1/organisations/titan/capabilities')).toBeUndefined();
    expect(match('/v1/organisations/a%20b/capabilities/c')).toEqual({ orgId: 'a b', capabilityId: 'c' });
  });
});
