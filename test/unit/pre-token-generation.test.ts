import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/identity/pre-token-generation';
import { identityFromClaims, stringifyClaims } from '../../shared/http/identity';

function signInEvent(userAttributes: Record<string, string>, groups?: string[]): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    region: 'eu-west-2',
    userPoolId: 'eu-west-2_abc',
    triggerSource: 'TokenGeneration_HostedAuth',
    userName: 'a1b2',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web' },
    request: {
      userAttributes: { sub: 'a1b2', email: 'someone@example.police.uk', ...userAttributes },
      groupConfiguration: groups === undefined ? {} : { groupsToOverride: groups, iamRolesToOverride: [] },
      scopes: ['openid', 'email', 'profile'],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as PreTokenGenerationV2TriggerEvent;
}

const accessClaims = (event: PreTokenGenerationV2TriggerEvent) =>
  event.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride as Record<string, unknown>;

describe('pre-token generation (Cognito V2 trigger)', () => {
  it('puts a ROCC’s organisation, regions and roles into the access token', async () => {
    const out = await handler(
      signInEvent({ 'custom:org': 'nca', 'custom:regions': 'north-west,wales' }, ['rocc']),
    );
    expect(accessClaims(out)).toEqual({ org: 'nca', regions: ['north-west', 'wales'], roles: ['rocc'] });
  });

  it('copies an officer’s officer id', async () => {
    const out = await handler(signInEvent({ 'custom:org': 'titan', 'custom:officerId': 'off-123' }, ['officer']));
    expect(accessClaims(out)).toEqual({ org: 'titan', officerId: 'off-123', roles: ['officer'] });
  });

  it('splits regions written with spaces or stray commas', async () => {
    const out = await handler(signInEvent({ 'custom:org': 'nca', 'custom:regions': ' london , ,south-east,' }, ['rocc']));
    expect(accessClaims(out).regions).toEqual(['london', 'south-east']);
  });

  it('turns every service group into a role and ignores groups that are not roles', async () => {
    const out = await handler(signInEvent({ 'custom:org': 'titan' }, ['hr-lead', 'rocu-head', 'beta-testers']));
    expect(accessClaims(out).roles).toEqual(['hr-lead', 'rocu-head']);
  });

  it('leaves out what the user does not have, and gives a user in no group no roles', async () => {
    const out = await handler(signInEvent({}));
    expect(accessClaims(out)).toEqual({ roles: [] });
  });

  it('shapes the ID token the same way, for the web UI', async () => {
    const out = await handler(signInEvent({ 'custom:org': 'ersou' }, ['hr-lead']));
    expect(out.response.claimsAndScopeOverrideDetails.idTokenGeneration?.claimsToAddOrOverride).toEqual(accessClaims(out));
  });

  it('yields claims the handlers read back as the same identity after API Gateway stringifies them', async () => {
    const out = await handler(
      signInEvent({ 'custom:org': 'nca', 'custom:regions': 'north-west,wales' }, ['rocc', 'hr-lead']),
    );
    // What the HTTP API JWT authorizer hands a handler: every value a string, arrays as "[a b]".
    const claims = stringifyClaims({ sub: 'a1b2', ...accessClaims(out) });
    expect(claims.roles).toBe('[rocc hr-lead]');
    expect(identityFromClaims(claims)).toEqual({ sub: 'a1b2', org: 'nca', roles: ['hr-lead', 'rocc'], regions: ['north-west', 'wales'] });
  });
});
