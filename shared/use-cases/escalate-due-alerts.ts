import { alertState, audiencesOf, getAlert, updateAlertActions, type StoredAlert } from '../data/alert.repository';
import { queryDueAlertIds } from '../data/alert-due.repository';
import { auditAction, SYSTEM_ACTOR } from '../data/audit.repository';
import { transactWrite } from '../data/transact';
import { dueStep, escalateOnTimeout, roccClock } from '../domain/alert-rules';
import { ConflictError, PreconditionFailedError } from '../errors';
import { logger } from '../logger';
import type { DomainEvent } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';
import { applyDefaultOutcome } from './decide-alert';
import { workThroughDue } from './work-through-due';

export const ESCALATION_NOTE = 'No answer within 10 working days';

export interface EscalationOptions {
  /** Alerts read from the due index per Query. */
  pageSize?: number;
  /** Most alerts one run looks at; the rest wait for the next run (every 15 minutes). */
  maxAlerts?: number;
  /** Alerts escalated at once. */
  concurrency?: number;
}

export interface EscalationRun {
  /** Alerts the due index listed and this run looked at. */
  examined: number;
  escalated: number;
  /** Escalated alerts the ROCC did not decide in time, given the default outcome. */
  defaulted: number;
  /** Answered, decided, withdrawn or escalated by someone else since the index listed them. */
  skipped: number;
  /** Unexpected errors; the next run tries them again. */
  failed: number;
  /** The run stopped at `maxAlerts` with more due. */
  more: boolean;
  escalatedIds: string[];
  defaultedIds: string[];
}

type Outcome = { kind: 'escalated'; event: DomainEvent } | { kind: 'defaulted'; event: DomainEvent } | { kind: 'skipped'; reason: string };

const HR_LEAD = 'hr-lead:';

function escalatedEvent(alert: StoredAlert, dueAt: string | null): DomainEvent {
  const where = alert.region ? `the ROCC for ${alert.region}` : 'the ROCC';
  return {
    type: 'alert.escalated',
    at: alert.updatedAt,
    audiences: alert.audiences,
    summary: `${alert.campaignTitle}: the ${alert.kind} alert on ${alert.orgId} ${alert.capabilityId} had no answer within 10 working days and is now with ${where}`,
    subject: {
      type: 'alert',
      id: alert.id,
      kind: alert.kind,
      level: alert.level,
      status: alert.status,
      orgId: alert.orgId,
      capabilityId: alert.capabilityId,
      campaignId: alert.campaignId,
      applicationId: alert.applicationId,
    },
    detail: { reason: 'timeout', dueAt, region: alert.region },
  };
}

/**
 * Move one due alert on, if it is still due: escalate an open alert past the
 * head's deadline; give an escalated alert past the ROCC's deadline its
 * default outcome. Every write is conditioned on the version just read, so a
 * head or a ROCC deciding in between (or another run getting there first)
 * wins and this run skips it.
 */
async function moveOn(alertId: string, now: Date): Promise<Outcome> {
  const alert = await getAlert(alertId);
  if (!alert) return { kind: 'skipped', reason: 'gone' };
  // The index is eventually consistent: trust the item, not the index entry.
  const step = dueStep(alert, now);
  if (step === null) return { kind: 'skipped', reason: 'not due' };
  if (step === 'default-outcome') {
    try {
      const { event } = await applyDefaultOutcome(alert, now);
      return { kind: 'defaulted', event };
    } catch (err) {
      if (err instanceof ConflictError || err instanceof PreconditionFailedError) return { kind: 'skipped', reason: 'changed meanwhile' };
      throw err;
    }
  }
  return escalateOne(alert, now);
}

/** Escalate an open alert whose head's deadline passed; the ROCC's deadline starts now. */
async function escalateOne(alert: StoredAlert, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const transition = escalateOnTimeout(alertState(alert));
  if (!transition.ok) return { kind: 'skipped', reason: transition.message };

  // The HR leads told so far stay told; audiencesOf adds the ROCC of the region now that it is escalated.
  const hrOrgIds = alert.audiences.filter((a) => a.startsWith(HR_LEAD)).map((a) => a.slice(HR_LEAD.length));
  const escalated = { ...alert, ...transition.next };
  const next: StoredAlert = {
    ...escalated,
    audiences: [...new Set([...alert.audiences, ...audiencesOf(escalated, hrOrgIds)])],
    version: alert.version + 1,
    updatedAt: at,
    // The head's deadline is over (nothing escalates it twice); the ROCC's starts, and the alert
    // stays on the due index under it.
    dueAt: null,
    ...roccClock(alert, escalated, now),
  };
  if (!next.region) logger.warn('Escalated an alert whose unit has no region: no ROCC inbox gets it', { alertId: alert.id });

  const event = escalatedEvent(next, alert.dueAt);
  try {
    await transactWrite([
      ...updateAlertActions(next, { version: alert.version, via: 'body' }),
      ...outboxActions([event]),
      auditAction({
        entityType: 'alert',
        entityId: alert.id,
        action: 'alert.escalated',
        actor: SYSTEM_ACTOR,
        note: ESCALATION_NOTE,
        orgIds: [...new Set([alert.orgId, ...hrOrgIds])],
        at,
        changes: { status: next.status, escalationReason: next.escalationReason, dueAt: alert.dueAt, decideBy: next.decideBy, region: next.region },
      }),
    ]);
  } catch (err) {
    if (err instanceof ConflictError || err instanceof PreconditionFailedError) return { kind: 'skipped', reason: 'changed meanwhile' };
    throw err;
  }
  return { kind: 'escalated', event };
}

/**
 * The scheduled escalation (BRIEF.md rule 3: an alert nobody answers within
 * 10 working days escalates to the ROCC by itself, and a ROCC decides within
 * 5 working days, or the service applies the default outcome). Primary
 * course: read the due index page by page up to `now`; for each alert,
 * re-read it and see which deadline passed (`dueStep`). An open alert is
 * escalated: the alert (ROCC inbox entry added, its `decideBy` set, on the
 * due index under it) and its audit entry in one transaction. An escalated
 * one gets the default decision through the ROCC's own plan
 * (`applyDefaultOutcome`: as uphold, audited as the service's). Each write
 * puts the event that announces it in the outbox, in its own transaction.
 *
 * Idempotent and safe to run alongside itself: every write is conditioned on
 * the version read, so an alert is escalated (and announced) once and decided
 * once; a conflict is a skip, not a failure. A run looks at `maxAlerts` at
 * most; the rest are for the next run.
 */
export async function escalateDueAlerts(now = new Date(), options: EscalationOptions = {}): Promise<EscalationRun> {
  const pageSize = options.pageSize ?? 50;
  const maxAlerts = options.maxAlerts ?? 200;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const run: EscalationRun = { examined: 0, escalated: 0, defaulted: 0, skipped: 0, failed: 0, more: false, escalatedIds: [], defaultedIds: [] };

  const { examined, more } = await workThroughDue({
    page: (limit, start) => queryDueAlertIds(now, { limit, ...(start ? { start } : {}) }),
    each: async (id) => {
      const outcome = await moveOn(id, now);
      if (outcome.kind === 'escalated') {
        run.escalated++;
        run.escalatedIds.push(id);
      } else if (outcome.kind === 'defaulted') {
        run.defaulted++;
        run.defaultedIds.push(id);
      } else {
        run.skipped++;
        logger.info('Due alert skipped', { alertId: id, reason: outcome.reason });
      }
    },
    onError: (id, err) => {
      run.failed++;
      logger.error('Could not move a due alert on', { alertId: id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
    },
    pageSize,
    max: maxAlerts,
    concurrency,
  });
  run.examined = examined;
  run.more = more;
  return run;
}
