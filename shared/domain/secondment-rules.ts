import type { TeamAtRisk } from './commitments';
import { eligibilityRefusals, type Applicant, type Refusal as ProfileRefusal } from './application-rules';
import { addMonths } from './working-days';
import type { OrgType, VettingLevel } from './reference';

/**
 * Secondments (BRIEF.md "Secondments and PIP training", rule 7): placements,
 * their eligibility, the states of a secondment application, and the home
 * release gate. Pure rules over plain data; the data layer turns each
 * transition into a conditional write, so these decide what to try and
 * DynamoDB decides what wins.
 */

// ---------------------------------------------------------------- placements

/** Placements are posted `open`; `closed` and `cancelled` are the states a placement can end in (no route moves it there yet). */
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
 * (31 January + 1 month = 28 or 29 February). An end beyond the service's
 * calendar is a 400 on `field`.
 */
export function placementEndDate(startDate: string, months: number, field = 'durationMonths'): string {
  return addMonths(startDate, months, field);
}

/** What decides whether a placement takes applications: its status, closing date and places. */
export interface PlacementWindow {
  status: PlacementStatus;
  closesOn: string;
  places: number;
  confirmed: number;
}

/**
 * Still taking applications on `today`: open, its closing date not passed (it
 * closes at the end of that day), and a place still free. A full placement
 * takes none: nobody could be confirmed into it.
 */
export function takesApplications(p: PlacementWindow, today: string): boolean {
  return placementClosedRefusal(p, today) === undefined;
}

/** Why a placement takes no applications on `today` (closed, past its closing date, or full); undefined when it does. */
export function placementClosedRefusal(p: PlacementWindow, today: string): PlacementRefusal | undefined {
  if (p.status !== 'open') return { code: 'placement-closed', message: `the placement is ${p.status}` };
  if (p.closesOn < today) return { code: 'placement-closed', message: `the placement closed for applications on ${p.closesOn}` };
  if (p.confirmed >= p.places) return { code: 'placement-full', message: `all ${p.places} ${p.places === 1 ? 'place is' : 'places are'} taken` };
  return undefined;
}

// ---------------------------------------------------------------- eligibility

export type PlacementRefusalCode = ProfileRefusal['code'] | 'placement-closed' | 'placement-full' | 'home-org-type' | 'own-organisation';

/** Refusals about the placement itself, not the applicant: applying is a conflict with its state (409), not a lack of eligibility (403). */
export const PLACEMENT_STATE_REFUSALS: readonly PlacementRefusalCode[] = ['placement-closed', 'placement-full'];

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
  placement: PlacementWindow & { hostOrgId: string; eligibility: PlacementEligibility },
  today: string,
): PlacementRefusal[] {
  const out: PlacementRefusal[] = [];
  const closed = placementClosedRefusal(placement, today);
  if (closed) out.push(closed);
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

/**
 * The organisation whose placements an officer's browse list leaves out: their
 * own (the token's organisation), since a secondment is always to another one
 * and every such placement would say "you cannot apply". Listed all the same
 * when the officer asks (`includeOwnOrganisation`) or filters by a host (their
 * own included: that is asking). Anyone who is not an officer sees every open
 * placement.
 */
export function placementsLeftOut(
  identity: { org: string; roles: readonly string[]; officerId?: string | undefined },
  query: { hostOrgId?: string | undefined; includeOwnOrganisation?: boolean | undefined },
): string | undefined {
  if (!identity.officerId || !identity.roles.includes('officer')) return undefined;
  if (query.includeOwnOrganisation || query.hostOrgId !== undefined) return undefined;
  return identity.org;
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
 * in the same transaction.) `active` and `completed` on the dates are set
 * by the lifecycle job (`advance-due-secondments`).
 */
export const SECONDMENT_STATUSES = ['submitted', 'home-approved', 'confirmed', 'active', 'completed', 'declined', 'withdrawn'] as const;
export type SecondmentStatus = (typeof SECONDMENT_STATUSES)[number];

export type SecondmentAction = 'home-approve' | 'home-decline' | 'host-accept' | 'host-decline' | 'withdraw' | 'complete' | 'activate';

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
  // The lifecycle job, on the start date.
  activate: ['confirmed'],
};

const TO: Record<SecondmentAction, SecondmentStatus> = {
  'home-approve': 'home-approved',
  'home-decline': 'declined',
  'host-accept': 'confirmed',
  'host-decline': 'declined',
  withdraw: 'withdrawn',
  complete: 'completed',
  activate: 'active',
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
  activate: 'started',
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
  /** The home teams this secondment would take below their minimum (`teamsAtRisk`: every capability the officer holds). */
  teamsAtRisk: readonly TeamAtRisk[];
}

/**
 * Would this secondment take any of the home ROCU's teams below its minimum
 * (the offer gate applied to the secondee, for every capability they hold)?
 * Only a ROCU's teams are protected, and a placement within the home itself
 * takes nobody.
 */
export function needsRelease(ctx: HomeGateContext): boolean {
  if (ctx.homeOrgType !== 'rocu' || ctx.homeOrgId === ctx.hostOrgId) return false;
  return ctx.teamsAtRisk.length > 0;
}

export type HomeApproval = { ok: true; release: boolean } | { ok: false; message: string };

/**
 * The home approval through the gate: the ROCU head's approval is the release
 * decision (and may take the teams below their minimum, as a release does); an
 * HR lead may approve only a secondment that keeps every team at or above it.
 */
export function homeApproval(ctx: HomeGateContext, decider: HomeDecider, names: { home: string }): HomeApproval {
  if (decider === 'rocu-head') return { ok: true, release: true };
  if (!needsRelease(ctx)) return { ok: true, release: false };
  const numbers = ctx.teamsAtRisk.map((t) => `${t.capabilityId}: projected ${t.projected} − 1 against a minimum of ${t.minimum}`).join('; ');
  const teams = ctx.teamsAtRisk.map((t) => t.capabilityId).join(' and ');
  const one = ctx.teamsAtRisk.length === 1;
  return {
    ok: false,
    message: `Approving this secondment would take ${names.home}’s ${teams} ${one ? 'team below its minimum' : 'teams below their minimum'} (${numbers}): the ${names.home} ROCU head must release the officer.`,
  };
}

/**
 * Whether confirming the secondment is a commitment: an active officer
 * seconded out of their unit counts out of every team they are in until it
 * ends. (A non-ROCU home counts too, with no minimum to protect.)
 */
export function secondmentCommits(input: { homeOrgId: string; hostOrgId: string; active: boolean }): boolean {
  return input.active && input.homeOrgId !== input.hostOrgId;
}

/**
 * Whether the confirmation is conditioned on the home team staying at or
 * above its minimum (rule 4 for secondments): only a ROCU's minimum, and not
 * when the ROCU head's release covers the loss.
 */
export function confirmationProtected(input: { homeOrgType: OrgType | null; release: boolean }): boolean {
  return input.homeOrgType === 'rocu' && !input.release;
}

// ---------------------------------------------------------------- lifecycle by date

/**
 * When a secondment is next due to change by itself: a confirmed one on its
 * start date, an active one on its end date; any other status never.
 */
export function secondmentDue(app: { status: SecondmentStatus; startDate: string; endDate: string }): { date: string; to: 'active' | 'completed' } | null {
  if (app.status === 'confirmed') return { date: app.startDate, to: 'active' };
  if (app.status === 'active') return { date: app.endDate, to: 'completed' };
  return null;
}

/**
 * What the lifecycle job does to a secondment on `today`: a confirmed one
 * starts on or after its start date (and, if its end date has passed too —
 * the job was off for its whole length — completes at once); an active one
 * completes on or after its end date. Undefined when nothing is due.
 */
export function dueTransition(app: { status: SecondmentStatus; startDate: string; endDate: string }, today: string): 'active' | 'completed' | undefined {
  if (app.status === 'confirmed' && app.startDate <= today) return app.endDate <= today ? 'completed' : 'active';
  if (app.status === 'active' && app.endDate <= today) return 'completed';
  return undefined;
}

// ---------------------------------------------------------------- secondment flows

/** A side of a secondment flow: the NCA, a ROCU or a force (the organisation's type, named as people chart it). */
export const FLOW_SIDES = ['nca', 'rocu', 'force'] as const;
export type FlowSide = (typeof FLOW_SIDES)[number];

export function flowSide(type: OrgType): FlowSide {
  return type === 'agency' ? 'nca' : type;
}

/** Which flow counter a status counts in: confirmed (upcoming), active, completed; none for the others. */
export function flowBucket(status: SecondmentStatus): 'confirmed' | 'active' | 'completed' | undefined {
  return status === 'confirmed' || status === 'active' || status === 'completed' ? status : undefined;
}

// ---------------------------------------------------------------- extensions

/** The longest a secondment may run, extensions included. */
export const MAX_SECONDMENT_MONTHS = 24;

export type ExtensionSide = 'host' | 'home';

/** Which side a caller speaks for on an extension: the host's HR lead, or the home's ROCU head or HR lead. */
export function extensionSideOf(identity: { org: string; roles: readonly string[] }, app: { hostOrgId: string; homeOrgId: string }): ExtensionSide | undefined {
  if (identity.org === app.hostOrgId && identity.roles.includes('hr-lead')) return 'host';
  if (homeDeciderOf(identity, app.homeOrgId)) return 'home';
  return undefined;
}

/** Why an extension cannot be proposed in this state (409); undefined when it can. */
export function extensionStateRefusal(app: { status: SecondmentStatus; pendingExtension: unknown }): string | undefined {
  if (app.status !== 'confirmed' && app.status !== 'active') {
    return `A secondment that is ${app.status} cannot be extended (only one that is confirmed or active).`;
  }
  if (app.pendingExtension) return 'An extension is already awaiting the other side’s decision; it must be decided first.';
  return undefined;
}

/** What is wrong with a proposed new end date (400); empty when it is acceptable. */
export function extensionDateViolations(app: { startDate: string; endDate: string }, endDate: string, today: string): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (endDate <= app.endDate) out.push({ field: 'endDate', message: `must be after the current end date, ${app.endDate}` });
  else if (endDate <= today) out.push({ field: 'endDate', message: 'must be in the future' });
  const cap = placementEndDate(app.startDate, MAX_SECONDMENT_MONTHS, 'endDate');
  if (endDate > cap) out.push({ field: 'endDate', message: `a secondment runs at most ${MAX_SECONDMENT_MONTHS} months in all: ${cap} at the latest` });
  return out;
}
