import { eligibilityRefusals, type Applicant, type Refusal as ProfileRefusal } from './application-rules';
import { gateOffer } from './offer-gate';
import type { OrgType, VettingLevel } from './reference';

/**
 * Secondments (BRIEF.md "Secondments and PIP training", rule 7): placements,
 * their eligibility, the states of a secondment application, and the home
 * release gate. Pure rules over plain data; the data layer turns each
 * transition into a conditional write, so these decide what to try and
 * DynamoDB decides what wins.
 */

// ---------------------------------------------------------------- placements

/** This slice posts `open` placements; closing and cancelling them come later (their routes are not built yet). */
export const PLACEMENT_STATUSES = ['open', 'closed', 'cancelled'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** Placement statuses in which the host can still confirm places (a closed one has stopped taking applications, not places). */
export const CONFIRMING_STATUSES = ['open', 'closed'] as const satisfies readonly PlacementStatus[];

export interface PlacementEligibility {
  homeOrgTypes: readonly OrgType[];
  vetting: VettingLevel;
  minPipLevel: number;
}

export interface PlacementShape {
  hostOrgId: string;
  startDate: string;
  durationMonths: number;
  closesOn: string;
  eligibility: PlacementEligibility;
  pipDevelopmentLevel: number | null;
}

export interface RuleViolation {
  field: string;
  message: string;
}

/** What is wrong with a placement as posted on `today` (empty when it can be posted). */
export function placementViolations(p: PlacementShape, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (p.closesOn < today) out.push({ field: 'closesOn', message: 'the closing date is in the past' });
  if (p.closesOn > p.startDate) out.push({ field: 'closesOn', message: 'applications must close on or before the start date' });
  if (new Set(p.eligibility.homeOrgTypes).size !== p.eligibility.homeOrgTypes.length) {
    out.push({ field: 'eligibility.homeOrgTypes', message: 'lists an organisation type twice' });
  }
  if (p.pipDevelopmentLevel !== null && p.pipDevelopmentLevel <= p.eligibility.minPipLevel) {
    // A development target at or below the entry requirement develops nothing.
    out.push({ field: 'pipDevelopmentLevel', message: `the PIP level developed must be above the minimum PIP level asked for (${p.eligibility.minPipLevel})` });
  }
  return out;
}

/**
 * The day the secondee returns home: `months` calendar months after the
 * start, on the last day of the month when that month is shorter
 * (31 January + 1 month = 28 or 29 February).
 */
export function placementEndDate(startDate: string, months: number): string {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const monthIndex = m - 1 + months;
  const year = y + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** Still taking applications on `today`: open, and its closing date not passed (it closes at the end of that day). */
export function takesApplications(p: { status: PlacementStatus; closesOn: string }, today: string): boolean {
  return p.status === 'open' && p.closesOn >= today;
}

// ---------------------------------------------------------------- eligibility

export type PlacementRefusalCode = ProfileRefusal['code'] | 'placement-closed' | 'home-org-type' | 'own-organisation';

export interface PlacementRefusal {
  code: PlacementRefusalCode;
  message: string;
}

export interface PlacementApplicant extends Applicant {
  homeOrgId: string;
  homeOrgType: OrgType;
}

/**
 * Every reason an officer may not apply for a placement on `today`; empty
 * when eligible. The same list is shown to officers browsing placements, so
 * they learn why before they try.
 */
export function placementRefusals(
  officer: PlacementApplicant,
  placement: { status: PlacementStatus; closesOn: string; hostOrgId: string; eligibility: PlacementEligibility },
  today: string,
): PlacementRefusal[] {
  const out: PlacementRefusal[] = [];
  if (!takesApplications(placement, today)) {
    out.push({
      code: 'placement-closed',
      message: placement.status === 'open' ? `the placement closed for applications on ${placement.closesOn}` : `the placement is ${placement.status}`,
    });
  }
  if (officer.homeOrgId === placement.hostOrgId) {
    out.push({ code: 'own-organisation', message: 'the placement is in your own organisation: a secondment is to another one' });
  }
  if (!placement.eligibility.homeOrgTypes.includes(officer.homeOrgType)) {
    out.push({
      code: 'home-org-type',
      message: `the placement is open to officers of ${placement.eligibility.homeOrgTypes.map(orgTypeName).join(' or ')}, and your home is ${orgTypeName(officer.homeOrgType)}`,
    });
  }
  out.push(...eligibilityRefusals(officer, { vetting: placement.eligibility.vetting, minPipLevel: placement.eligibility.minPipLevel }, today));
  return out;
}

function orgTypeName(t: OrgType): string {
  return t === 'agency' ? 'the NCA' : t === 'rocu' ? 'a ROCU' : 'a force';
}

// ---------------------------------------------------------------- application states

/**
 * `submitted` → `home-approved` (home ROCU head or HR lead, through the gate)
 * → `confirmed` (the host accepts: a place is taken atomically, and the home
 * team's committedOut goes up) → `active` → `completed`; `declined` by the
 * home or the host, `withdrawn` by the applicant. (The brief's
 * `host-accepted` is not a resting state here: accepting confirms the place
 * in the same transaction.) `active` is set by the date-driven lifecycle
 * job, which is not built yet.
 */
export const SECONDMENT_STATUSES = ['submitted', 'home-approved', 'confirmed', 'active', 'completed', 'declined', 'withdrawn'] as const;
export type SecondmentStatus = (typeof SECONDMENT_STATUSES)[number];

export type SecondmentAction = 'home-approve' | 'home-decline' | 'host-accept' | 'host-decline' | 'withdraw' | 'complete';

const FROM: Record<SecondmentAction, readonly SecondmentStatus[]> = {
  // From `home-approved` only as the ROCU head's release upgrading an HR lead's approval (see `homeDecisionRefusal`).
  'home-approve': ['submitted', 'home-approved'],
  // The home may take its approval back until the host has confirmed a place.
  'home-decline': ['submitted', 'home-approved'],
  // The host decides only once the home has approved.
  'host-accept': ['home-approved'],
  'host-decline': ['home-approved'],
  // Once active, the secondment ends by completion (an early return), not withdrawal.
  withdraw: ['submitted', 'home-approved', 'confirmed'],
  complete: ['confirmed', 'active'],
};

const TO: Record<SecondmentAction, SecondmentStatus> = {
  'home-approve': 'home-approved',
  'home-decline': 'declined',
  'host-accept': 'confirmed',
  'host-decline': 'declined',
  withdraw: 'withdrawn',
  complete: 'completed',
};

export function canTransition(action: SecondmentAction, status: SecondmentStatus): boolean {
  return FROM[action].includes(status);
}

export function targetOf(action: SecondmentAction): SecondmentStatus {
  return TO[action];
}

const VERB: Record<SecondmentAction, string> = {
  'home-approve': 'approved by the home organisation',
  'home-decline': 'declined by the home organisation',
  'host-accept': 'accepted by the host',
  'host-decline': 'declined by the host',
  withdraw: 'withdrawn',
  complete: 'completed',
};

/** Why an action is refused in a status, in words people understand; undefined when allowed. */
export function transitionRefusal(action: SecondmentAction, status: SecondmentStatus): string | undefined {
  if (canTransition(action, status)) return undefined;
  if ((action === 'host-accept' || action === 'host-decline') && status === 'submitted') {
    return 'The applicant’s home organisation has not approved the secondment yet; the host decides after the home approval.';
  }
  if (action === 'host-accept' && status === 'confirmed') return 'This secondment is already confirmed.';
  if (action === 'withdraw' && status === 'active') return 'The secondment has started: the host HR lead completes it when the officer returns.';
  return `A secondment application that is ${status} cannot be ${VERB[action]} (only one that is ${FROM[action].join(' or ')}).`;
}

// ---------------------------------------------------------------- the home decision and the gate

export type HomeDecider = 'rocu-head' | 'hr-lead';

/**
 * In which capacity a caller decides for the applicant's home: the ROCU
 * head's decision is a release (rule 7, as rule 3), an HR lead's is not.
 * Someone holding both roles decides as the ROCU head.
 */
export function homeDeciderOf(identity: { org: string; roles: readonly string[] }, homeOrgId: string): HomeDecider | undefined {
  if (identity.org !== homeOrgId) return undefined;
  if (identity.roles.includes('rocu-head')) return 'rocu-head';
  if (identity.roles.includes('hr-lead')) return 'hr-lead';
  return undefined;
}

/**
 * Whether the home may decide now: a second approval is only the ROCU head
 * turning an HR lead's approval into a release (needed when the host's
 * confirmation was refused at the minimum).
 */
export function homeDecisionRefusal(
  decision: 'approve' | 'decline',
  status: SecondmentStatus,
  decider: HomeDecider,
  current: { release: boolean } | null,
): string | undefined {
  const refusal = transitionRefusal(decision === 'approve' ? 'home-approve' : 'home-decline', status);
  if (refusal) return refusal;
  if (decision === 'approve' && status === 'home-approved' && (decider !== 'rocu-head' || current?.release)) {
    return 'The home organisation has already approved this secondment.';
  }
  return undefined;
}

export interface HomeGateContext {
  homeOrgId: string;
  homeOrgType: OrgType;
  hostOrgId: string;
  /** Does the applicant hold the placement's capability (count in the home team's strength)? */
  holdsCapability: boolean;
  /** The home team's baseline for the placement's capability, if it has one. */
  baseline?: { strength: number; projected: number; minimum: number };
}

/**
 * Would this secondment take the home ROCU's team for the placement's
 * capability below its minimum (the offer gate, `gateOffer`, applied to the
 * secondee)? Only a ROCU's team is protected, only when the officer counts in
 * it, and a placement within the home itself takes nobody.
 */
export function needsRelease(ctx: HomeGateContext): boolean {
  if (ctx.homeOrgType !== 'rocu' || ctx.homeOrgId === ctx.hostOrgId || !ctx.holdsCapability || !ctx.baseline) return false;
  return gateOffer({ baseline: ctx.baseline }) === 'awaiting-release';
}

export type HomeApproval = { ok: true; release: boolean } | { ok: false; message: string };

/**
 * The home approval through the gate: the ROCU head's approval is the release
 * decision (and may take the team below its minimum, as a release does); an
 * HR lead may approve only a secondment that keeps the team at or above it.
 */
export function homeApproval(ctx: HomeGateContext, decider: HomeDecider, names: { home: string; capability: string }): HomeApproval {
  if (decider === 'rocu-head') return { ok: true, release: true };
  if (!needsRelease(ctx)) return { ok: true, release: false };
  const { projected, minimum } = ctx.baseline!;
  return {
    ok: false,
    message:
      `Approving this secondment would take ${names.home}’s ${names.capability} team below its minimum ` +
      `(projected ${projected} − 1 against a minimum of ${minimum}): the ${names.home} ROCU head must release the officer.`,
  };
}

/**
 * Whether confirming the secondment moves the home team's counters: the
 * officer is an active holder of the placement's capability, seconded out of
 * their home. (A non-ROCU home counts too, with no minimum to protect.)
 */
export function secondmentCommits(input: { homeOrgId: string; hostOrgId: string; holdsCapability: boolean; active: boolean }): boolean {
  return input.active && input.holdsCapability && input.homeOrgId !== input.hostOrgId;
}

/**
 * Whether the confirmation is conditioned on the home team staying at or
 * above its minimum (rule 4 for secondments): only a ROCU's minimum, and not
 * when the ROCU head's release covers the loss.
 */
export function confirmationProtected(input: { homeOrgType: OrgType | null; release: boolean }): boolean {
  return input.homeOrgType === 'rocu' && !input.release;
}
