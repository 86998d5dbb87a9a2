import type { ApplicationStatus } from './application-rules';
import { ENDED_CAMPAIGN_STATUSES } from './campaign-rules';

/**
 * The candidate pool (BRIEF.md "Recruitment campaigns": appointable
 * candidates who were not appointed can, with their consent, be shared into
 * a partner's campaign). Pure rules: who can be marked appointable, when an
 * applicant may consent, and which pooled candidates an HR lead may see from
 * one of their campaigns. The data layer turns each decision into a
 * conditional write.
 */

/**
 * Campaign statuses in which no offer can follow any more (offers and
 * acceptances need `open` or `closed`): a shortlisted applicant of such a
 * campaign was appointable and will not be appointed by it. A campaign is
 * completed by its owner once no application is live, or cancelled.
 */
export { ENDED_CAMPAIGN_STATUSES };

export type AppointableCheck =
  | { ok: true; /** The write must also check the campaign has ended (a ConditionCheck, not a read). */ campaignMustHaveEnded: boolean }
  | { ok: false; reason: string };

/**
 * May HR mark this application appointable? The candidate must have reached
 * the shortlist (its history says so) and must not be appointed nor still in
 * the running: `rejected` after shortlisting (an offer that fell through is
 * rejected too), or still `shortlisted` once the campaign has ended. A live
 * offer, an acceptance or an appointment is refused, and so is an applicant
 * who withdrew: they left the process themselves, and pooling is HR's
 * statement that the panel found them appointable.
 */
export function appointableCheck(app: { status: ApplicationStatus; history: readonly { status: ApplicationStatus }[] }): AppointableCheck {
  const reachedShortlist = app.history.some((h) => h.status === 'shortlisted');
  if (!reachedShortlist) {
    return { ok: false, reason: 'Only an application that reached the shortlist can be marked appointable.' };
  }
  switch (app.status) {
    case 'rejected':
      return { ok: true, campaignMustHaveEnded: false };
    case 'shortlisted':
      return { ok: true, campaignMustHaveEnded: true };
    case 'withdrawn':
      return { ok: false, reason: 'The applicant withdrew; a withdrawn application cannot be marked appointable.' };
    default:
      return {
        ok: false,
        reason: `An application that is ${app.status} is still in the running or appointed; only a rejected one, or a shortlisted one of an ended campaign, can be marked appointable.`,
      };
  }
}

/** Why the applicant may not consent to be pooled; undefined when they may. Withdrawing consent is always allowed. */
export function consentRefusal(app: { appointable?: boolean | undefined }, consent: boolean): string | undefined {
  if (consent && !app.appointable) {
    return 'Only an application the campaign’s HR lead has marked appointable can be shared into the candidate pool.';
  }
  return undefined;
}

/** What the visibility rule needs of a pool entry: where it came from. */
export interface PoolScope {
  sourceCampaignId: string;
  /** The source campaign's owner and partners when the officer applied. */
  sourceOrgIds: readonly string[];
}

/** The campaign being recruited for, from which an HR lead browses the pool. */
export interface TargetCampaign {
  id: string;
  ownerOrgId: string;
  partnerOrgIds: readonly string[];
}

/**
 * May an HR lead of `callerOrg`, browsing from `target`, see a pooled
 * candidate? The officer consented to be shared with the organisations that
 * ran the campaign they applied to, so: the caller's organisation was its
 * owner or a partner (a joint campaign's partner, or the owner running a
 * later campaign), the caller co-manages the target, and the target is not
 * the source campaign itself (the candidate is already known there). The
 * pool partition is per capability, so the target's capability matches by
 * construction.
 */
export function poolEntryVisible(entry: PoolScope, target: TargetCampaign, callerOrg: string): boolean {
  const callerRunsTarget = target.ownerOrgId === callerOrg || target.partnerOrgIds.includes(callerOrg);
  return callerRunsTarget && entry.sourceCampaignId !== target.id && entry.sourceOrgIds.includes(callerOrg);
}

/**
 * The entries of one page of the pool (newest first) that an HR lead sees:
 * visible ones, less officers who already applied to the target campaign,
 * and each officer once (their newest entry: an officer found appointable in
 * two campaigns has two entries).
 */
export function selectPoolEntries<E extends PoolScope & { officerId: string }>(
  entries: readonly E[],
  target: TargetCampaign,
  callerOrg: string,
  appliedOfficerIds: ReadonlySet<string>,
): E[] {
  const seen = new Set<string>();
  const out: E[] = [];
  for (const entry of entries) {
    if (!poolEntryVisible(entry, target, callerOrg) || appliedOfficerIds.has(entry.officerId) || seen.has(entry.officerId)) continue;
    seen.add(entry.officerId);
    out.push(entry);
  }
  return out;
}
