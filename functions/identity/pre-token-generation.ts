/**
 * Cognito pre-token-generation trigger (event version 2).
 *
 * Why a V2 trigger and not custom attributes alone: the HTTP API's JWT
 * authorizer validates the *access* token, and Cognito puts custom attributes
 * (`custom:org` …) only in the ID token. A V1 trigger can change only the ID
 * token, and only with string claims; V2 can add claims to the access token,
 * including arrays. So this copies the user's organisation, officer id,
 * regions and groups into the access token (and the ID token, for the web UI)
 * as `org`, `officerId`, `regions` and `roles`. API Gateway then hands array
 * claims to handlers as `"[a b]"` strings, which `shared/http/identity.ts` parses.
 *
 * Pure: no middleware, no table read, so signing in never waits on DynamoDB.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { ROLES, type Role } from '../../shared/domain/reference';

/** V2 claims may be arrays; @types/aws-lambda still types them as strings only. */
export type TokenClaims = Record<string, string | string[]>;

/** The claims the service reads, from the user's attributes and Cognito groups. */
export function serviceClaims(userAttributes: Record<string, string | undefined>, groups: readonly string[] = []): TokenClaims {
  const claims: TokenClaims = {};
  const org = userAttributes['custom:org']?.trim();
  if (org) claims.org = org;
  const officerId = userAttributes['custom:officerId']?.trim();
  if (officerId) claims.officerId = officerId;
  // The standard `name` attribute, so the audit trail can say who acted, not only their user id.
  const name = userAttributes.name?.trim();
  if (name) claims.name = name;
  const regions = splitList(userAttributes['custom:regions']);
  if (regions.length > 0) claims.regions = regions;
  // Only groups that are service roles become roles: another group an administrator creates grants nothing.
  claims.roles = groups.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  return claims;
}

export async function handler(event: PreTokenGenerationV2TriggerEvent): Promise<PreTokenGenerationV2TriggerEvent> {
  const claims = serviceClaims(event.request.userAttributes, event.request.groupConfiguration?.groupsToOverride ?? []);
  // The event's own type says string values; Cognito V2 accepts string arrays, which `roles`/`regions` need.
  const claimsToAddOrOverride = claims as Record<string, string>;
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: { claimsToAddOrOverride },
      idTokenGeneration: { claimsToAddOrOverride },
    },
  };
  return event;
}

/** `"north-west, wales"` → `['north-west', 'wales']`. */
function splitList(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
