import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ROLES, type Role } from '../domain/reference';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** The signed-in caller, as the JWT authorizer vouched for them. */
export interface Identity {
  sub: string;
  org: string;
  roles: Role[];
  officerId?: string;
  regions: string[];
  /** The person's name, when the token carries one (`name`): the audit trail records it beside the user id. */
  name?: string;
}

/** A display name from a claim: one line, at most 120 characters; nothing when it has none. */
function displayName(value: ClaimValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return clean || undefined;
}

type ClaimValue = string | number | boolean | string[] | undefined;

/**
 * API Gateway's JWT authorizer hands every claim over as a string: an array
 * claim such as `cognito:groups` arrives as `"[hr-lead rocu-head]"`. This reads
 * that form (and, to be lenient with other issuers, a JSON array or a comma list).
 */
export function parseListClaim(value: ClaimValue): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    if (inner.startsWith('"')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
      } catch {
        // fall through to the space-separated form
      }
    }
    return inner.split(/[\s,]+/).map((s) => s.replace(/^"|"$/g, '')).filter(Boolean);
  }
  return text.split(/[\s,]+/).filter(Boolean);
}

/** The claims API Gateway placed on the event, or undefined when there are none. */
export function claimsOf(event: APIGatewayProxyEventV2): Record<string, ClaimValue> | undefined {
  const ctx = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, ClaimValue> } };
  };
  return ctx.authorizer?.jwt?.claims;
}

/** Build the caller's identity from verified claims; roles come from `roles` or Cognito groups. */
export function identityFromClaims(claims: Record<string, ClaimValue> | undefined): Identity {
  if (!claims || !claims.sub) throw new UnauthenticatedError('Sign in: this request needs a bearer token.');
  const org = claims.org ?? claims['custom:org'];
  if (!org) throw new ForbiddenError('Your account is not linked to an organisation yet; ask an administrator.');
  const roleNames = new Set([...parseListClaim(claims.roles), ...parseListClaim(claims['cognito:groups'])]);
  const roles = ROLES.filter((r) => roleNames.has(r));
  const officerId = claims.officerId ?? claims['custom:officerId'];
  const name = displayName(claims.name);
  return {
    sub: String(claims.sub),
    org: String(org),
    roles,
    ...(officerId ? { officerId: String(officerId) } : {}),
    regions: parseListClaim(claims.regions ?? claims['custom:regions']),
    ...(name ? { name } : {}),
  };
}

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return roles.some((r) => identity.roles.includes(r));
}

/**
 * Format claims the way API Gateway's JWT authorizer does (every value a
 * string, arrays as `[a b]`), so local runs exercise the same parsing as AWS.
 */
export function stringifyClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    out[key] = Array.isArray(value) ? `[${value.join(' ')}]` : String(value);
  }
  return out;
}
