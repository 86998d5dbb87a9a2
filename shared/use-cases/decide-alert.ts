import { alertState, audiencesOf, getAlert, updateAlertActions, type StoredAlert } from '../data/alert.repository';
import { actorOf, auditAction, SYSTEM_ACTOR, type Actor } from '../data/audit.repository';
import { consultationEntryAction, getCampaign, memberOrgIds, sourceCapAction } from '../data/campaign.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import {
  decide,
  DECIDE_WITHIN_WORKING_DAYS,
  DEFAULT_ROCC_DECISION,
  refer,
  respond,
  roccClock,
  type AlertState,
  type HeadDecision,
  type RoccDecision,
  type Transition,
} from '../domain/alert-rules';
import { isCampaignOwnerHr, isRocuHeadOf } from '../domain/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { DomainEvent, DomainEventType } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';
import type { Campaign } from '../schemas/campaign.schema';
import { releaseEffects } from './offer-release-effects';

function applied(transition: Transition): AlertState {
  if (!transition.ok) {
    const details = transition.field ? [{ field: transition.field, message: transition.message }] : [];
    throw transition.status === 400 ? new ValidationError(transition.message, details) : new ConflictError(transition.message, details);
  }
  return transition.next;
}

/** The consultation entry a campaign keeps for one ROCU, from its alert's state. */
/** The campaign's consultation entry for an alert: where it stands, and the risk per team it asked about (what an answer covers). */
function entryFor(alert: StoredAlert): Campaign['consultation'][string] {
  return {
    alertId: alert.id,
    level: alert.level,
    status: alert.status,
    requestedCap: alert.requestedCap,
    outcome: alert.outcome,
    ...(alert.teams?.length ? { teams: alert.teams.map((t) => ({ capabilityId: t.capabilityId, worstCase: t.projectedAfter, level: t.level })) } : {}),
  };
}

interface Decision {
  action: string;
  type: DomainEventType;
  note: string;
  changes: Record<string, unknown>;
  /** The event's one-line summary, when the default (status and outcome) does not say enough. */
  summary?: string;
}

/** A planned change to an alert: its next state, and how the audit trail and the event describe it. */
export interface AlertChange {
  state: AlertState;
  decision: Decision;
}

/**
 * Write an alert's new state with everything it changes, in one transaction
 * conditioned on the alert version that was read: the campaign's consultation
 * entry (or an imposed per-source cap), the offer it releases, and the audit
 * entry with who decided, in which role, and their note, and the event that
 * tells the people concerned (in the outbox, so it is delivered once the
 * change has landed, whatever happens to this process). Returns both.
 */
async function commitChange(alert: StoredAlert, change: AlertChange, actor: Actor, now: Date): Promise<{ next: StoredAlert; event: DomainEvent }> {
  const { state, decision } = change;
  const at = now.toISOString();
  const campaign = await getCampaign(alert.campaignId);
  const hrOrgs = campaign ? memberOrgIds(campaign) : alert.audiences.filter((a) => a.startsWith('hr-lead:')).map((a) => a.slice(8));
  const merged = { ...alert, ...state, updatedAt: at, version: alert.version + 1 };
  const next: StoredAlert = {
    ...merged,
    // Only an alert still waiting for the ROCU head keeps its escalation deadline.
    dueAt: merged.status === 'open' ? alert.dueAt : null,
    // Escalating starts the ROCC's deadline; deciding ends it.
    ...roccClock(alert, merged, now),
    audiences: [...new Set([...alert.audiences, ...audiencesOf(merged, hrOrgs)])],
  };
  const actions: GuardedAction[] = [...updateAlertActions(next, { version: alert.version, via: 'body' })];
  if (next.kind === 'campaign-impact') {
    actions.push(
      next.outcome === 'cap-imposed' && next.imposedCap !== null
        ? sourceCapAction(next.campaignId, next.orgId, next.imposedCap, entryFor(next))
        : consultationEntryAction(next.campaignId, next.orgId, entryFor(next)),
    );
  }
  if (next.kind === 'offer-release' && (next.outcome === 'released' || next.outcome === 'deferred')) {
    actions.push(...(await releaseEffects(next, actor, at)));
  }
  actions.push(
    auditAction({
      entityType: 'alert',
      entityId: alert.id,
      action: decision.action,
      actor,
      orgIds: [...new Set([alert.orgId, ...hrOrgs])],
      at,
      ...(decision.note ? { note: decision.note } : {}),
      changes: { ...decision.changes, status: next.status, outcome: next.outcome },
    }),
  );
  if (campaign && next.kind === 'campaign-impact') {
    actions.push(
      auditAction({ entityType: 'campaign', entityId: campaign.id, action: decision.action, actor, orgIds: [...new Set([alert.orgId, ...hrOrgs])], at, ...(decision.note ? { note: decision.note } : {}), changes: { alertId: alert.id, orgId: alert.orgId, ...decision.changes } }),
    );
  }
  const event: DomainEvent = {
    type: decision.type,
    at,
    audiences: next.audiences,
    summary: decision.summary ?? `${alert.campaignTitle}: ${alert.orgId} ${alert.capabilityId} alert ${next.status}${next.outcome ? ` (${next.outcome})` : ''}`,
    subject: { type: 'alert', id: alert.id, kind: alert.kind, status: next.status, outcome: next.outcome },
    detail: { decision: decision.changes.decision, note: decision.note, ...(decision.changes.defaultOutcome ? { defaultOutcome: true } : {}) },
  };
  // The officer learns when they can accept: released now, or deferred to a date.
  const told: DomainEvent[] =
    next.kind === 'offer-release' && next.officerId && (next.outcome === 'released' || next.outcome === 'deferred')
      ? [
          {
            type: 'offer.released',
            at,
            audiences: [`officer:${next.officerId}`],
            summary:
              next.outcome === 'released'
                ? `${alert.campaignTitle}: your offer is released; you can accept it now`
                : `${alert.campaignTitle}: your offer is released from ${next.releaseDate}; you can accept it now, starting then`,
            subject: { type: 'application', id: next.applicationId ?? alert.id, campaignId: alert.campaignId, outcome: next.outcome, releaseDate: next.releaseDate },
          },
        ]
      : [];
  await transactWrite([...actions, ...outboxActions([event, ...told])]);
  return { next, event };
}

async function commit(alert: StoredAlert, change: AlertChange, actor: Actor): Promise<StoredAlert> {
  const { next } = await commitChange(alert, change, actor, new Date());
  return next;
}

/**
 * What a ROCC decision does to an escalated alert: the one plan for the
 * ROCC's own decision and for the default the service applies when the
 * ROCC's deadline passes, so the two can never differ. On a campaign, uphold
 * imposes the cap that keeps the ROCU at its minimum (or the cap the head
 * asked for, on a referred request); on an offer, it releases the officer at
 * the latest allowed date; overrule lets the campaign go ahead or releases now.
 */
function planRoccDecision(alert: StoredAlert, decision: RoccDecision, note: string, by: 'rocc' | 'deadline' = 'rocc'): AlertChange {
  const state = applied(decide(alertState(alert), decision));
  return {
    state,
    decision: {
      action: `alert.${decision}`,
      type: 'alert.decided',
      note,
      changes: {
        decision,
        ...(by === 'deadline' ? { defaultOutcome: true, decideBy: alert.decideBy } : {}),
        ...(state.imposedCap !== null ? { imposedCap: state.imposedCap } : {}),
        ...(state.releaseDate ? { releaseDate: state.releaseDate } : {}),
      },
      ...(by === 'deadline'
        ? { summary: `${alert.campaignTitle}: the ROCC did not decide the ${alert.kind} alert on ${alert.orgId} ${alert.capabilityId} within ${DECIDE_WITHIN_WORKING_DAYS} working days, so the default outcome applies (${state.outcome})` }
        : {}),
    },
  };
}

export const DEFAULT_OUTCOME_NOTE = `No ROCC decision within ${DECIDE_WITHIN_WORKING_DAYS} working days: the service applied the default outcome, as uphold.`;

/**
 * The ROCC's deadline passed on an escalated alert: the service takes the
 * default decision (`uphold`, through the same plan as the ROCC's own) and
 * records it as its own in the audit trail. Conditioned on the version read
 * like every decision, so a ROCC deciding at the same moment gives exactly
 * one outcome: the loser gets a ConflictError and writes nothing. The event
 * goes to the outbox in the same transaction.
 */
export async function applyDefaultOutcome(alert: StoredAlert, now: Date): Promise<{ next: StoredAlert; event: DomainEvent }> {
  return commitChange(alert, planRoccDecision(alert, DEFAULT_ROCC_DECISION, DEFAULT_OUTCOME_NOTE, 'deadline'), SYSTEM_ACTOR, now);
}

async function load(alertId: string): Promise<StoredAlert> {
  const alert = await getAlert(alertId);
  if (!alert) throw new NotFoundError(`No alert ${alertId}.`);
  return alert;
}

/**
 * A ROCU head answers an alert about their own unit (BRIEF.md rules 2–3):
 * accept, request-cap or object to a campaign; release, defer or object to an
 * offer; acknowledge an informational one.
 */
export async function respondToAlert(
  identity: Identity,
  alertId: string,
  input: { decision: HeadDecision; note: string; cap?: number; releaseDate?: string },
): Promise<StoredAlert> {
  const alert = await load(alertId);
  if (!isRocuHeadOf(identity, alert.orgId)) {
    if (alert.audiences.some((a) => a === `hr-lead:${identity.org}`)) throw new ForbiddenError('Only the ROCU head of the unit concerned answers this alert.');
    throw new NotFoundError(`No alert ${alertId}.`);
  }
  const state = applied(respond(alertState(alert), input.decision, input));
  return commit(alert, {
    state,
    decision: {
      action: `alert.${input.decision}`,
      type: state.status === 'escalated' ? 'alert.escalated' : 'alert.answered',
      note: input.note,
      changes: { decision: input.decision, ...(input.cap !== undefined ? { cap: input.cap } : {}), ...(input.releaseDate ? { releaseDate: input.releaseDate } : {}) },
    },
  }, actorOf(identity));
}

/** The owner's HR lead refers a cap request to the ROCC instead of meeting it. */
export async function referAlert(identity: Identity, alertId: string, note: string): Promise<StoredAlert> {
  const alert = await load(alertId);
  const campaign = await getCampaign(alert.campaignId);
  if (!campaign || !isCampaignOwnerHr(identity, campaign)) throw new NotFoundError(`No alert ${alertId}.`);
  const state = applied(refer(alertState(alert)));
  return commit(alert, { state, decision: { action: 'alert.referred', type: 'alert.escalated', note, changes: { decision: 'refer' } } }, actorOf(identity));
}

/** The ROCC of the unit's region decides an escalated alert: uphold or overrule. */
export async function decideAlert(identity: Identity, alertId: string, input: { decision: RoccDecision; note: string }): Promise<StoredAlert> {
  const alert = await load(alertId);
  const inRegion = identity.roles.includes('rocc') && alert.region !== null && identity.regions.includes(alert.region);
  if (!inRegion || !alert.audiences.includes(`rocc:${alert.region}`)) throw new NotFoundError(`No alert ${alertId} escalated in your regions.`);
  return commit(alert, planRoccDecision(alert, input.decision, input.note), actorOf(identity));
}
