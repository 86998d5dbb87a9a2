import { worstLevel, type Level } from './capability-level';
import { leadTeam, type TeamAtRisk } from './commitments';
import { meetsVetting, type VettingLevel } from './reference';

/**
 * Campaign applications (BRIEF.md "Recruitment campaigns", rules 3–5): pure
 * state transitions, eligibility and the offer gate's inputs. The data layer
 * makes each transition a conditional write, so these rules decide what to
 * try and DynamoDB decides what wins.
 */

export const APPLICATION_STATUSES = [
  'submitted',
  'shortlisted',
  'offered',
  'awaiting-release',
  'accepted',
  'rejected',
  'withdrawn',
  // Terminal: the accepted move took effect on its start date (the scheduled move job); the officer's home is the campaign's owner.
  'appointed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'shortlist' | 'reject' | 'offer' | 'accept' | 'withdraw' | 'release' | 'appoint';

const FROM: Record<ApplicationAction, readonly ApplicationStatus[]> = {
  shortlist: ['submitted'],
  reject: ['submitted', 'shortlisted', 'offered', 'awaiting-release'],
  // From `offered` it is a re-offer: a new start date, or an offer sent back through the gate
  // after an acceptance was refused at the minimum.
  offer: ['shortlisted', 'offered'],
  accept: ['offered'],
  withdraw: ['submitted', 'shortlisted', 'offered', 'awaiting-release', 'accepted'],
  release: ['awaiting-release'],
  // Only the service appoints (the move job, on the start date); nobody can withdraw an appointment.
  appoint: ['accepted'],
};

export function allowedFrom(action: ApplicationAction): readonly ApplicationStatus[] {
  return FROM[action];
}

export function canTransition(action: ApplicationAction, status: ApplicationStatus): boolean {
  return FROM[action].includes(status);
}

const TO: Record<Exclude<ApplicationAction, 'offer'>, ApplicationStatus> = {
  shortlist: 'shortlisted',
  reject: 'rejected',
  accept: 'accepted',
  withdraw: 'withdrawn',
  release: 'offered',
  appoint: 'appointed',
};

/** Where an action takes an application (an offer's target depends on the gate: see `offerStatus`). */
export function targetOf(action: Exclude<ApplicationAction, 'offer'>): ApplicationStatus {
  return TO[action];
}

/** Why an action is refused in a status, in words an applicant or HR lead understands; undefined when allowed. */
export function transitionRefusal(action: ApplicationAction, status: ApplicationStatus): string | undefined {
  if (canTransition(action, status)) return undefined;
  if (action === 'accept' && status === 'awaiting-release') {
    return 'This offer is waiting for the home ROCU head’s release decision; it can be accepted once released.';
  }
  if (action === 'accept' && status === 'accepted') return 'This offer has already been accepted.';
  if (action === 'offer' && status === 'submitted') return 'Shortlist the application before making an offer.';
  return `An application that is ${status} cannot be ${PAST[action]} (only one that is ${FROM[action].join(' or ')}).`;
}

const PAST: Record<ApplicationAction, string> = {
  shortlist: 'shortlisted',
  reject: 'rejected',
  offer: 'offered',
  accept: 'accepted',
  withdraw: 'withdrawn',
  release: 'released',
  appoint: 'appointed',
};

/**
 * Statuses in which the application holds one of its source ROCU's per-source
 * slots: from the offer until it is accepted, and on after acceptance (an
 * appointment is what the cap limits). Leaving them gives the slot back.
 */
export function holdsSourceSlot(status: ApplicationStatus): boolean {
  return status === 'offered' || status === 'awaiting-release' || status === 'accepted';
}

// ---------------------------------------------------------------- eligibility

export interface Applicant {
  status: 'active' | 'left';
  vetting: VettingLevel;
  vettingExpiresOn: string | null;
  pipLevel: number;
}

export interface RoleRequirements {
  vetting: VettingLevel;
  minPipLevel: number;
}

export type RefusalCode = 'inactive' | 'vetting-below-profile' | 'vetting-expired' | 'pip-below-minimum';

export interface Refusal {
  code: RefusalCode;
  message: string;
}

/**
 * Every reason an officer may not apply for a role profile on `today`
 * (YYYY-MM-DD); empty when eligible. A vetting clearance is valid up to and
 * including its expiry date.
 */
export function eligibilityRefusals(officer: Applicant, profile: RoleRequirements, today: string): Refusal[] {
  const out: Refusal[] = [];
  if (officer.status !== 'active') out.push({ code: 'inactive', message: 'your officer record is not active' });
  if (!meetsVetting(officer.vetting, profile.vetting)) {
    out.push({ code: 'vetting-below-profile', message: `the role needs ${profile.vetting} vetting and yours is ${officer.vetting}` });
  }
  if (officer.vettingExpiresOn !== null && officer.vettingExpiresOn < today) {
    out.push({ code: 'vetting-expired', message: `your vetting expired on ${officer.vettingExpiresOn}` });
  }
  if (officer.pipLevel < profile.minPipLevel) {
    out.push({ code: 'pip-below-minimum', message: `the role needs PIP level ${profile.minPipLevel} and yours is ${officer.pipLevel}` });
  }
  return out;
}

// ---------------------------------------------------------------- the gate

export interface OfferContext {
  /** The applicant's home organisation and its type. */
  homeOrgId: string;
  homeOrgType: 'agency' | 'rocu' | 'force';
  /** Where the offer takes the officer: the allocation it fills. Moving within one's own organisation is no loss to it. */
  destinationOrgId: string;
  /** The home teams one more commitment of this officer would take below their minimum (`teamsAtRisk`). */
  teamsAtRisk: readonly TeamAtRisk[];
}

/**
 * Does the applicant's leaving deplete a unit the service protects? Only a
 * ROCU's teams (rule 3), and not when the offer fills the applicant's own
 * organisation's allocation.
 */
export function depletesProtectedUnit(ctx: Pick<OfferContext, 'homeOrgId' | 'homeOrgType' | 'destinationOrgId'>): boolean {
  return ctx.homeOrgType === 'rocu' && ctx.homeOrgId !== ctx.destinationOrgId;
}

/**
 * The per-source cap applies to offers that take officers out of a ROCU
 * (BRIEF.md rule 5): not to the owner's own officers, nor to a partner's
 * officers filling that partner's own allocation.
 */
export function sourceCapApplies(ctx: Pick<OfferContext, 'homeOrgId' | 'homeOrgType' | 'destinationOrgId'>): boolean {
  return depletesProtectedUnit(ctx);
}

export interface OfferDecision {
  status: 'offered' | 'awaiting-release';
  /** For a gated offer: the alert's lead team, its level, and every team it names. */
  alert?: { capabilityId: string; level: Level; strength: number; projected: number; projectedAfter: number; minimum: number; teams: TeamAtRisk[] };
}

/**
 * The offer gate for one applicant (rule 3, for every capability they hold):
 * an offer that would take any of the home ROCU's teams below its minimum
 * waits for a release decision, with one alert naming each team affected;
 * any other is made directly. The alert leads with the campaign's own
 * capability when that team is at risk, and its level is the worst.
 */
export function offerDecision(ctx: OfferContext, campaignCapabilityId: string): OfferDecision {
  if (!depletesProtectedUnit(ctx) || ctx.teamsAtRisk.length === 0) return { status: 'offered' };
  const lead = leadTeam(ctx.teamsAtRisk, campaignCapabilityId)!;
  return {
    status: 'awaiting-release',
    alert: {
      capabilityId: lead.capabilityId,
      level: worstLevel(ctx.teamsAtRisk.map((t) => t.level)),
      strength: lead.strength,
      projected: lead.projected,
      projectedAfter: lead.projectedAfter,
      minimum: lead.minimum,
      teams: [...ctx.teamsAtRisk],
    },
  };
}

/**
 * Whether accepting is a commitment: an active officer appointed into another
 * organisation's allocation leaves their unit (and counts out of every team
 * they are in until the move takes effect). Appointed into their own
 * organisation's allocation, they do not move and are no loss to it.
 */
export function acceptanceCommits(input: { homeOrgId: string; destinationOrgId: string; active: boolean }): boolean {
  return input.active && input.homeOrgId !== input.destinationOrgId;
}
