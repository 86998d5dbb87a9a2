import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { claimsOf, identityFromClaims, parseListClaim, stringifyClaims } from '../../shared/http/identity';

describe('reading claims as API Gateway hands them over', () => {
  it('reads an array claim in the authorizer’s "[a b]" form', () => {
    expect(parseListClaim('[hr-lead rocu-head]')).toEqual(['hr-lead', 'rocu-head']);
    expect(parseListClaim('[]')).toEqual([]);
  });
  it('also reads a JSON array, a comma list, or a real array', () => {
    expect(parseListClaim('["north-west","wales"]')).toEqual(['north-west', 'wales']);
    expect(parseListClaim('north-west,wales')).toEqual(['north-west', 'wales']);
    expect(parseListClaim(['a', 'b'])).toEqual(['a', 'b']);
    expect(parseListClaim(undefined)).toEqual([]);
  });
  it('round-trips through the local gateway’s stringified form', () => {
    const claims = stringifyClaims({ sub: 'u1', org: 'titan', roles: ['rocu-head'], regions: ['north-west', 'wales'] });
    expect(claims).toEqual({ sub: 'u1', org: 'titan', roles: '[rocu-head]', regions: '[north-west wales]' });
    expect(identityFromClaims(claims)).toEqual({ sub: 'u1', org: 'titan', roles: ['rocu-head'], regions: ['north-west', 'wales'] });
  });
  it('takes roles from Cognito groups and the org from a custom attribute', () => {
    const id = identityFromClaims({ sub: 'u2', 'custom:org': 'nca', 'cognito:groups': '[rocc]', 'custom:regions': 'north-west' });
    expect(id).toMatchObject({ org: 'nca', roles: ['rocc'], regions: ['north-west'] });
  });
  it('keeps the person’s name from the token, on one line and bounded; a token without one has none', () => {
    expect(identityFromClaims({ sub: 'u', org: 'x', roles: '[hr-lead]', name: '  Helen\nMarshall ' }).name).toBe('Helen Marshall');
    expect(identityFromClaims({ sub: 'u', org: 'x', roles: '[hr-lead]', name: 'A'.repeat(300) }).name).toHaveLength(120);
    expect(identityFromClaims({ sub: 'u', org: 'x', roles: '[hr-lead]' })).not.toHaveProperty('name');
  });
  it('ignores roles the service does not know', () => {
    expect(identityFromClaims({ sub: 'u', org: 'x', roles: '[superuser officer]' }).roles).toEqual(['officer']);
  });
  it('no claims is unauthenticated; a token without an organisation is forbidden', () => {
    expect(() => identityFromClaims(undefined)).toThrowError(expect.objectContaining({ status: 401 }));
    expect(() => identityFromClaims({ sub: 'u' })).toThrowError(expect.objectContaining({ status: 403 }));
  });
  it('finds the claims where the JWT authorizer puts them', () => {
    const event = { requestContext: { authorizer: { jwt: { claims: { sub: 's' } } } } } as unknown as APIGatewayProxyEventV2;
    expect(claimsOf(event)).toEqual({ sub: 's' });
  });
});
