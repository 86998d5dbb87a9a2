import { describe, expect, it } from 'vitest';
import { audiencesFor, baselineFieldsAllowed, canCreateOfficerIn, canEditOfficer, canListOfficersOf, canReadAlert, canReadOfficer } from '../../shared/domain/access';
import type { Identity } from '../../shared/http/identity';
import { compilePath } from '../../shared/http/route';
import { expectedVersion } from '../../shared/http/versioning';
import { canReadApplication } from '../../shared/use-cases/application-access';

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
  it('an HR lead creates officers in their own organisation only; a ROCU head creates none', () => {
    expect(canCreateOfficerIn(who('titan', ['hr-lead']), 'titan')).toBe(true);
    expect(canCreateOfficerIn(who('titan', ['hr-lead']), 'ersou')).toBe(false);
    expect(canCreateOfficerIn(who('titan', ['rocu-head']), 'titan')).toBe(false);
  });
});

describe('applications', () => {
  const app = { officerId: 'off_1', campaignOrgIds: ['nca', 'titan'] };
  it('the applicant and the HR leads of the campaign’s organisations read an application; nobody else', () => {
    expect(canReadApplication(who('ersou', ['officer'], 'off_1'), app)).toBe(true);
    expect(canReadApplication(who('titan', ['hr-lead']), app)).toBe(true);
    expect(canReadApplication(who('titan', ['officer'], 'off_2'), app)).toBe(false);
    expect(canReadApplication(who('titan', ['rocu-head']), app)).toBe(false);
    expect(canReadApplication(who('ersou', ['hr-lead']), app)).toBe(false);
  });
});

describe('alert inboxes', () => {
  const rocc = (regions: string[]): Identity => ({ sub: 's', org: 'nca', roles: ['rocc'], regions });
  it('a caller reads one inbox per role they hold: their unit’s head, their organisation’s HR, each of their regions’ ROCC', () => {
    expect(audiencesFor(who('titan', ['rocu-head', 'hr-lead']))).toEqual(['rocu-head:titan', 'hr-lead:titan']);
    expect(audiencesFor(rocc(['north-west', 'eastern']))).toEqual(['rocc:north-west', 'rocc:eastern']);
    expect(audiencesFor(who('titan', ['officer'], 'off_1'))).toEqual([]);
  });
  it('an alert is visible to the audiences it was raised for and nobody else', () => {
    const alert = { audiences: ['rocu-head:titan', 'hr-lead:nca'] };
    expect(canReadAlert(who('titan', ['rocu-head']), alert)).toBe(true);
    expect(canReadAlert(who('nca', ['hr-lead']), alert)).toBe(true);
    expect(canReadAlert(who('ersou', ['rocu-head']), alert)).toBe(false);
    expect(canReadAlert(who('titan', ['hr-lead']), alert)).toBe(false);
    expect(canReadAlert(rocc(['north-west']), alert)).toBe(false);
    expect(canReadAlert(rocc(['north-west']), { audiences: [...alert.audiences, 'rocc:north-west'] })).toBe(true);
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
