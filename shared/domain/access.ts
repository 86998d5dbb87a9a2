import type { Identity } from '../http/identity';

/**
 * Organisation scoping rules as pure predicates. Handlers call these after the
 * route table has checked the role; a record the caller may not see is
 * reported as not found, so its existence does not leak across organisations.
 */

export function isHrLeadOf(identity: Identity, orgId: string): boolean {
  return identity.org === orgId && identity.roles.includes('hr-lead');
}

export function isRocuHeadOf(identity: Identity, orgId: string): boolean {
  return identity.org === orgId && identity.roles.includes('rocu-head');
}

/** The officer themselves, or the HR lead or ROCU head of their home organisation. */
export function canReadOfficer(identity: Identity, officer: { id: string; homeOrgId: string }): boolean {
  return (
    identity.officerId === officer.id || isHrLeadOf(identity, officer.homeOrgId) || isRocuHeadOf(identity, officer.homeOrgId)
  );
}

/** Only the HR lead of the home organisation keeps an officer's record. */
export function canEditOfficer(identity: Identity, officer: { homeOrgId: string }): boolean {
  return isHrLeadOf(identity, officer.homeOrgId);
}

/** Officer lists are for the HR lead and ROCU head of that organisation. */
export function canListOfficersOf(identity: Identity, orgId: string): boolean {
  return isHrLeadOf(identity, orgId) || isRocuHeadOf(identity, orgId);
}

/**
 * Which baseline fields the caller may set for an organisation: the ROCU head
 * owns the minimum viable strength, the HR lead the funded establishment.
 */
export function baselineFieldsAllowed(identity: Identity, orgId: string): { minimum: boolean; establishment: boolean } {
  return { minimum: isRocuHeadOf(identity, orgId), establishment: isHrLeadOf(identity, orgId) };
}
