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

/**
 * The officer themselves, the HR lead or ROCU head of their home organisation,
 * and, while a transfer to another organisation waits for its decision, that
 * organisation's HR lead (who cannot decide on a record they cannot read).
 */
export function canReadOfficer(identity: Identity, officer: { id: string; homeOrgId: string; pendingTransfer?: { toOrgId: string } | null }): boolean {
  return (
    identity.officerId === officer.id ||
    isHrLeadOf(identity, officer.homeOrgId) ||
    isRocuHeadOf(identity, officer.homeOrgId) ||
    (!!officer.pendingTransfer && isHrLeadOf(identity, officer.pendingTransfer.toOrgId))
  );
}

/** Only the HR lead of the home organisation keeps an officer's record. */
export function canEditOfficer(identity: Identity, officer: { homeOrgId: string }): boolean {
  return isHrLeadOf(identity, officer.homeOrgId);
}

/** An HR lead creates officers of their own organisation only, whatever the request body says. */
export function canCreateOfficerIn(identity: Identity, orgId: string): boolean {
  return isHrLeadOf(identity, orgId);
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

/** Owner and partner organisations co-manage a campaign through their HR leads. */
export function isCampaignHr(identity: Identity, campaign: { ownerOrgId: string; partnerOrgIds: readonly string[] }): boolean {
  return identity.roles.includes('hr-lead') && (campaign.ownerOrgId === identity.org || campaign.partnerOrgIds.includes(identity.org));
}

/** Publishing, closing and cancelling are the owner's. */
export function isCampaignOwnerHr(identity: Identity, campaign: { ownerOrgId: string }): boolean {
  return isHrLeadOf(identity, campaign.ownerOrgId);
}

/**
 * Drafts are visible to the owner's and partners' HR leads only; officers see
 * open campaigns; everyone else signed in sees any campaign past draft.
 */
export function canSeeCampaign(identity: Identity, campaign: { status: string; ownerOrgId: string; partnerOrgIds: readonly string[] }): boolean {
  if (isCampaignHr(identity, campaign)) return true;
  if (campaign.status === 'draft') return false;
  const onlyOfficer = identity.roles.every((r) => r === 'officer');
  return onlyOfficer ? campaign.status === 'open' : true;
}

/** The impact assessment: campaign HR and ROCCs see every row, a ROCU head their own unit's. */
export function impactRowsVisible(identity: Identity, campaign: { ownerOrgId: string; partnerOrgIds: readonly string[] }): 'all' | 'own' | 'none' {
  if (isCampaignHr(identity, campaign) || identity.roles.includes('rocc')) return 'all';
  if (identity.roles.includes('rocu-head')) return 'own';
  return 'none';
}

/** The alert inboxes a caller may read: one per role they hold in their organisation (or region). */
export function audiencesFor(identity: Identity): string[] {
  const out: string[] = [];
  if (identity.roles.includes('rocu-head')) out.push(`rocu-head:${identity.org}`);
  if (identity.roles.includes('hr-lead')) out.push(`hr-lead:${identity.org}`);
  if (identity.roles.includes('rocc')) for (const r of identity.regions) out.push(`rocc:${r}`);
  return out;
}

/** An alert is visible to the audiences it was raised for (ERSOU's head never sees TITAN's). */
export function canReadAlert(identity: Identity, alert: { audiences: readonly string[] }): boolean {
  const mine = new Set(audiencesFor(identity));
  return alert.audiences.some((a) => mine.has(a));
}
