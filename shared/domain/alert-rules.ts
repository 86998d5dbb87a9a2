import type { TeamAtRisk } from './commitments';
import { capKeepingMinimums } from './impact';
import { deferralViolation, latestReleaseDate } from './offer-gate';
import type { Level } from './capability-level';

/**
 * Alerts and the decisions on them (BRIEF.md rules 2 and 3): pure state
 * transitions. The data layer writes the result atomically with its effects.
 */

export const ALERT_KINDS = ['campaign-impact', 'offer-release', 'coordination'] as const;
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
  | 'superseded';

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

/** Does a campaign-impact alert still hold the campaign, given the cap now in force for its ROCU? */
export function holdsCampaign(state: Pick<AlertState, 'status' | 'requestedCap'>, capInForce: number | null): boolean {
  if (state.status === 'open' || state.status === 'escalated') return true;
  if (state.status === 'cap-requested') return capInForce === null || state.requestedCap === null || capInForce > state.requestedCap;
  return false;
}
