import type { Identity } from '../http/identity';
import { servingOrgOf } from './posting';

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

type OfficerScope = { id: string; homeOrgId: string; servingOrgId?: string | null; pendingTransfer?: { toOrgId: string } | null };

/**
 * The officer themselves; the HR lead or ROCU head of the unit they serve in
 * and of their home organisation (a posted officer is read by both: the unit
 * keeps the record, the employer follows its own officer); and, while a
 * transfer to another organisation waits for its decision, that
 * organisation's HR lead (who cannot decide on a record they cannot read).
 */
export function canReadOfficer(identity: Identity, officer: OfficerScope): boolean {
  const serving = servingOrgOf(officer);
  return (
    identity.officerId === officer.id ||
    isHrLeadOf(identity, officer.homeOrgId) ||
    isRocuHeadOf(identity, officer.homeOrgId) ||
    isHrLeadOf(identity, serving) ||
    isRocuHeadOf(identity, serving) ||
    (!!officer.pendingTransfer && isHrLeadOf(identity, officer.pendingTransfer.toOrgId))
  );
}

/**
 * The HR lead of the unit the officer serves in keeps the record: their own
 * organisation's officers at home, and those posted into it from a force
 * (BRIEF.md "Capability protection": ROCU staff are seconded in from their
 * forces, and the ROCU's HR keeps their records).
 */
export function canEditOfficer(identity: Identity, officer: { homeOrgId: string; servingOrgId?: string | null }): boolean {
  return isHrLeadOf(identity, servingOrgOf(officer));
}

/** A posting's end date is extended by the unit the officer serves in: its HR lead or its ROCU head. */
export function canExtendPosting(identity: Identity, officer: { homeOrgId: string; servingOrgId?: string | null }): boolean {
  const serving = servingOrgOf(officer);
  return isHrLeadOf(identity, serving) || isRocuHeadOf(identity, serving);
}

/** An HR lead creates the records of officers serving in their own organisation only, whatever the request body says. */
export function canCreateOfficerIn(identity: Identity, orgId: string): boolean {
  return isHrLeadOf(identity, orgId);
}

/** Officer lists (those serving in the organisation) are for the HR lead and ROCU head of that organisation. */
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

/** The agency's organisation id (reference data: BRIEF.md "Reference data"). */
export const NCA_ORG_ID = 'nca';

/**
 * A unit's forecast: its ROCU head and HR lead, the ROCC of its region, and
 * the NCA's HR leads (who plan national campaigns against it).
 */
export function canSeeForecast(identity: Identity, org: { id: string; region: string | null }): boolean {
  return (
    isHrLeadOf(identity, org.id) ||
    isRocuHeadOf(identity, org.id) ||
    (identity.roles.includes('rocc') && org.region !== null && identity.regions.includes(org.region)) ||
    isHrLeadOf(identity, NCA_ORG_ID)
  );
}
