import { alertState, audiencesOf, getAlert, updateAlertActions, type StoredAlert } from '../data/alert.repository';
import { actorOf, auditAction, type Actor } from '../data/audit.repository';
import { consultationEntryAction, getCampaign, memberOrgIds, sourceCapAction } from '../data/campaign.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { decide, refer, respond, type AlertState, type HeadDecision, type RoccDecision, type Transition } from '../domain/alert-rules';
import { isCampaignOwnerHr, isRocuHeadOf } from '../domain/access';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { DomainEvent, DomainEventType } from '../notify/domain-event';
import { publishEvents } from '../notify/publish-events';
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
}

/**
 * Write an alert's new state with everything it changes, in one transaction
 * conditioned on the alert version that was read: the campaign's consultation
 * entry (or an imposed per-source cap), the offer it releases, and the audit
 * entry with who decided, in which role, and their note. Then tell the people
 * concerned.
 */
async function commit(alert: StoredAlert, state: AlertState, actor: Actor, decision: Decision): Promise<StoredAlert> {
  const at = new Date().toISOString();
  const campaign = await getCampaign(alert.campaignId);
  const hrOrgs = campaign ? memberOrgIds(campaign) : alert.audiences.filter((a) => a.startsWith('hr-lead:')).map((a) => a.slice(8));
  const merged = { ...alert, ...state, updatedAt: at, version: alert.version + 1 };
  const next: StoredAlert = {
    ...merged,
    // Only an alert still waiting for the ROCU head keeps its escalation deadline.
    dueAt: merged.status === 'open' ? alert.dueAt : null,
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
    actions.push(...(await releaseEffects(next, actor)));
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
  await transactWrite(actions);
  const event: DomainEvent = {
    type: decision.type,
    at,
    audiences: next.audiences,
    summary: `${alert.campaignTitle}: ${alert.orgId} ${alert.capabilityId} alert ${next.status}${next.outcome ? ` (${next.outcome})` : ''}`,
    subject: { type: 'alert', id: alert.id, kind: alert.kind, status: next.status, outcome: next.outcome },
    detail: { decision: decision.changes.decision, note: decision.note },
  };
  await publishEvents([event]);
  return next;
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
  return commit(alert, state, actorOf(identity), {
    action: `alert.${input.decision}`,
    type: state.status === 'escalated' ? 'alert.escalated' : 'alert.answered',
    note: input.note,
    changes: { decision: input.decision, ...(input.cap !== undefined ? { cap: input.cap } : {}), ...(input.releaseDate ? { releaseDate: input.releaseDate } : {}) },
  });
}

/** The owner's HR lead refers a cap request to the ROCC instead of meeting it. */
export async function referAlert(identity: Identity, alertId: string, note: string): Promise<StoredAlert> {
  const alert = await load(alertId);
  const campaign = await getCampaign(alert.campaignId);
  if (!campaign || !isCampaignOwnerHr(identity, campaign)) throw new NotFoundError(`No alert ${alertId}.`);
  const state = applied(refer(alertState(alert)));
  return commit(alert, state, actorOf(identity), { action: 'alert.referred', type: 'alert.escalated', note, changes: { decision: 'refer' } });
}

/** The ROCC of the unit's region decides an escalated alert: uphold or overrule. */
export async function decideAlert(identity: Identity, alertId: string, input: { decision: RoccDecision; note: string }): Promise<StoredAlert> {
  const alert = await load(alertId);
  const inRegion = identity.roles.includes('rocc') && alert.region !== null && identity.regions.includes(alert.region);
  if (!inRegion || !alert.audiences.includes(`rocc:${alert.region}`)) throw new NotFoundError(`No alert ${alertId} escalated in your regions.`);
  const state = applied(decide(alertState(alert), input.decision));
  return commit(alert, state, actorOf(identity), { action: `alert.${input.decision}`, type: 'alert.decided', note: input.note, changes: { decision: input.decision, ...(state.imposedCap !== null ? { imposedCap: state.imposedCap } : {}), ...(state.releaseDate ? { releaseDate: state.releaseDate } : {}) } });
}
