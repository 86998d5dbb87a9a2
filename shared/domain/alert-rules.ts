import type { TeamAtRisk } from './commitments';
import { capKeepingMinimums } from './impact';
import { deferralViolation, latestReleaseDate } from './offer-gate';
import type { Level } from './capability-level';
import { addWorkingDays } from './working-days';

/**
 * Alerts and the decisions on them (BRIEF.md rules 2 and 3): pure state
 * transitions. The data layer writes the result atomically with its effects.
 */

/** `forecast`: the daily job's early warning that a team's forecast falls below its minimum within the window. */
export const ALERT_KINDS = ['campaign-impact', 'offer-release', 'coordination', 'forecast'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * open: waiting for the ROCU head. cap-requested: the head asked for a cap the
 * campaign does not meet yet. escalated: waiting for the ROCC. informational:
 * a warning that holds nothing. resolved: decided. withdrawn: overtaken (the
 * campaign was cancelled, the offer withdrawn, or the row is no longer critical).
 */
export const ALERT_STATUSES = ['open', 'cap-requested', 'escalated', 'informational', 'resolved', 'withdrawn'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const HEAD_DECISIONS = ['accept', 'request-cap', 'object', 'release', 'defer', 'acknowledge'] as const;
export type HeadDecision = (typeof HEAD_DECISIONS)[number];
export const ROCC_DECISIONS = ['uphold', 'overrule'] as const;
export type RoccDecision = (typeof ROCC_DECISIONS)[number];

export type AlertOutcome =
  | 'accepted'
  | 'cap-met'
  | 'cap-imposed'
  | 'overruled'
  | 'released'
  | 'deferred'
  | 'acknowledged'
  | 'no-longer-critical'
  | 'campaign-cancelled'
  | 'offer-withdrawn'
  | 'superseded'
  | 'recovered';

export interface AlertState {
  kind: AlertKind;
  status: AlertStatus;
  level: Level;
  projected: number;
  minimum: number;
  /** Every team of the ROCU the alert names (the lead team's numbers are above). */
  teams?: TeamAtRisk[];
  requestedCap: number | null;
  requestedStart: string | null;
  releaseDate: string | null;
  imposedCap: number | null;
  outcome: AlertOutcome | null;
  escalationReason: 'objected' | 'timeout' | 'referred' | null;
}

export type Transition = { ok: true; next: AlertState } | { ok: false; status: 400 | 409; message: string; field?: string };

const refuse = (status: 400 | 409, message: string, field?: string): Transition => ({ ok: false, status, message, ...(field ? { field } : {}) });

const DECISIONS_BY_KIND: Record<AlertKind, readonly HeadDecision[]> = {
  'campaign-impact': ['accept', 'request-cap', 'object'],
  'offer-release': ['release', 'defer', 'object'],
  coordination: ['acknowledge'],
  forecast: ['acknowledge'],
};

/** A ROCU head's answer to an alert about their unit. */
export function respond(state: AlertState, decision: HeadDecision, input: { cap?: number; releaseDate?: string }): Transition {
  if (state.status === 'informational') {
    if (decision !== 'acknowledge') return refuse(400, 'This alert is informational: the only answer is acknowledge.', 'decision');
    return { ok: true, next: { ...state, status: 'resolved', outcome: 'acknowledged' } };
  }
  if (state.status !== 'open') return refuse(409, `This alert is ${state.status}; it is no longer waiting for the ROCU head.`);
  const allowed = DECISIONS_BY_KIND[state.kind];
  if (!allowed.includes(decision)) {
    return refuse(400, `A ${state.kind} alert is answered with ${allowed.join(', ')}.`, 'decision');
  }
  switch (decision) {
    case 'accept':
      return { ok: true, next: { ...state, status: 'resolved', outcome: 'accepted' } };
    case 'request-cap':
      if (input.cap === undefined) return refuse(400, 'request-cap needs `cap`: the most offers to your officers you can accept.', 'cap');
      return { ok: true, next: { ...state, status: 'cap-requested', requestedCap: input.cap } };
    case 'object':
      return { ok: true, next: { ...state, status: 'escalated', escalationReason: 'objected' } };
    case 'release':
      return { ok: true, next: { ...state, status: 'resolved', outcome: 'released', releaseDate: state.requestedStart } };
    case 'defer': {
      if (!input.releaseDate) return refuse(400, 'defer needs `releaseDate`.', 'releaseDate');
      const violation = deferralViolation(state.requestedStart ?? input.releaseDate, input.releaseDate);
      if (violation) return refuse(400, `releaseDate: ${violation}.`, 'releaseDate');
      return { ok: true, next: { ...state, status: 'resolved', outcome: 'deferred', releaseDate: input.releaseDate } };
    }
    default:
      return refuse(400, `${decision} does not answer this alert.`, 'decision');
  }
}

/** The HR lead refers a cap request to the ROCC instead of meeting it. */
export function refer(state: AlertState): Transition {
  if (state.kind !== 'campaign-impact' || state.status !== 'cap-requested') {
    return refuse(409, 'Only a cap request that the campaign has not met can be referred to the ROCC.');
  }
  return { ok: true, next: { ...state, status: 'escalated', escalationReason: 'referred' } };
}

/** No answer within the deadline: the scheduled job escalates to the ROCC. */
export function escalateOnTimeout(state: AlertState): Transition {
  if (state.status !== 'open') return refuse(409, `This alert is ${state.status}.`);
  return { ok: true, next: { ...state, status: 'escalated', escalationReason: 'timeout' } };
}

/**
 * The ROCC decides an escalated alert. On a campaign: uphold imposes a cap
 * (the one requested, if the HR lead referred a request; otherwise the one
 * that keeps the ROCU at its minimum); overrule lets the campaign go ahead. On
 * an offer: uphold defers the release to the latest allowed date; overrule
 * releases now.
 */
export function decide(state: AlertState, decision: RoccDecision): Transition {
  if (state.status !== 'escalated') return refuse(409, `This alert is ${state.status}; only escalated alerts are decided by the ROCC.`);
  if (state.kind === 'campaign-impact') {
    if (decision === 'overrule') return { ok: true, next: { ...state, status: 'resolved', outcome: 'overruled' } };
    const cap =
      state.escalationReason === 'referred' && state.requestedCap !== null
        ? state.requestedCap
        : capKeepingMinimums(state.teams?.length ? state.teams : [{ projected: state.projected, minimum: state.minimum }]);
    return { ok: true, next: { ...state, status: 'resolved', outcome: 'cap-imposed', imposedCap: cap } };
  }
  if (state.kind === 'offer-release') {
    const start = state.requestedStart!;
    return decision === 'overrule'
      ? { ok: true, next: { ...state, status: 'resolved', outcome: 'released', releaseDate: start } }
      : { ok: true, next: { ...state, status: 'resolved', outcome: 'deferred', releaseDate: latestReleaseDate(start) } };
  }
  return refuse(409, 'This alert is not decided by the ROCC.');
}

// ---------------------------------------------------------------- no hold is open-ended

/**
 * Working days the ROCC has to decide an escalated alert (BRIEF.md rule 3).
 * After that the service applies the default outcome itself, so an offer or
 * a campaign is never held by a decision nobody takes.
 */
export const DECIDE_WITHIN_WORKING_DAYS = 5;

/** When the ROCC's clock started and when it runs out. */
export interface RoccClock {
  escalatedAt: string | null;
  decideBy: string | null;
}

/**
 * The ROCC's clock after a change of status: it starts when an alert becomes
 * escalated (an objection, a referral or the head's deadline passing), and
 * `decideBy` is cleared once the alert leaves `escalated`; `escalatedAt`
 * stays, for the record of how long the decision waited.
 */
export function roccClock(before: { status: AlertStatus } & RoccClock, after: { status: AlertStatus }, now: Date): RoccClock {
  if (after.status !== 'escalated') return { escalatedAt: before.escalatedAt, decideBy: null };
  if (before.status === 'escalated') return { escalatedAt: before.escalatedAt, decideBy: before.decideBy };
  return { escalatedAt: now.toISOString(), decideBy: addWorkingDays(now, DECIDE_WITHIN_WORKING_DAYS).toISOString() };
}

/** What the scheduled job owes an alert at `now`: escalate it, apply the default outcome, or nothing. */
export type DueStep = 'escalate' | 'default-outcome' | null;

export function dueStep(alert: { status: AlertStatus; dueAt: string | null; decideBy: string | null }, now: Date): DueStep {
  const at = now.toISOString();
  if (alert.status === 'open' && alert.dueAt !== null && alert.dueAt <= at) return 'escalate';
  if (alert.status === 'escalated' && alert.decideBy !== null && alert.decideBy <= at) return 'default-outcome';
  return null;
}

/** The time an alert waits on (the due index's sort key): the head's deadline while open, the ROCC's while escalated. */
export function deadlineOf(alert: { status: AlertStatus; dueAt: string | null; decideBy: string | null }): string | null {
  if (alert.status === 'open') return alert.dueAt;
  if (alert.status === 'escalated') return alert.decideBy;
  return null;
}

/**
 * The decision the service takes when the ROCC's deadline passes: the ROCC's
 * `uphold` (the offer released at the latest allowed date; the campaign
 * capped to keep the ROCU at its minimum, or at the cap the head asked for
 * when the request was referred).
 */
export const DEFAULT_ROCC_DECISION: RoccDecision = 'uphold';

/**
 * The latest date an offer waiting for release is released on, whatever the
 * ROCU head and the ROCC do (or do not) decide: the requested start plus the
 * longest deferral. Null for any offer not waiting for release.
 */
export function latestReleaseFor(app: { status: string; requestedStartDate: string | null; startDate?: string | null }): string | null {
  if (app.status !== 'awaiting-release') return null;
  const start = app.requestedStartDate ?? app.startDate ?? null;
  return start ? latestReleaseDate(start) : null;
}

/** Does a campaign-impact alert still hold the campaign, given the cap now in force for its ROCU? */
export function holdsCampaign(state: Pick<AlertState, 'status' | 'requestedCap'>, capInForce: number | null): boolean {
  if (state.status === 'open' || state.status === 'escalated') return true;
  if (state.status === 'cap-requested') return capInForce === null || state.requestedCap === null || capInForce > state.requestedCap;
  return false;
}
