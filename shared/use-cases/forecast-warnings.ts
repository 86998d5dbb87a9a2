import { audiencesOf, getAlert, type StoredAlert } from '../data/alert.repository';
import { auditAction, SYSTEM_ACTOR } from '../data/audit.repository';
import { endWarningActions, listLiveWarnings, raiseWarningActions } from '../data/forecast-warning.repository';
import { listOrganisations } from '../data/organisation.repository';
import { outboxActions } from '../data/outbox.repository';
import { transactWrite } from '../data/transact';
import { standingLevel } from '../domain/capability-level';
import { longMonth, planWarnings, type WarningToRaise } from '../domain/forecast-warning';
import { newAlert } from '../domain/new-alert';
import { ConflictError } from '../errors';
import { logger } from '../logger';
import type { Organisation } from '../schemas/organisation.schema';
import { forecastOfUnit } from './capability-forecast';

export interface WarningsRun {
  /** Teams whose forecast was checked. */
  examined: number;
  raised: number;
  resolved: number;
  failed: number;
  raisedIds: string[];
  resolvedIds: string[];
}

function title(org: Organisation, w: WarningToRaise): string {
  return `Forecast: ${org.name} ${w.capabilityId} falls to ${w.projected} (minimum ${w.minimum}) in ${longMonth(w.month)}`;
}

async function raise(org: Organisation, w: WarningToRaise, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const raised = newAlert({
    id: w.alertId,
    kind: 'forecast',
    orgId: org.id,
    region: org.region,
    capabilityId: w.capabilityId,
    campaign: { id: '', title: title(org, w) },
    level: standingLevel({ strength: w.strength, committedOut: w.strength - w.projected, minimum: w.minimum }),
    strength: w.strength,
    projected: w.projectedToday,
    projectedAfter: w.projected,
    minimum: w.minimum,
    now,
  });
  const alert: StoredAlert = {
    ...raised,
    forecast: { month: w.month, monthsAhead: w.monthsAhead, projected: w.projected, minimum: w.minimum, causes: w.causes },
    audiences: audiencesOf(raised, [org.id]),
  };
  try {
    await transactWrite([
      ...raiseWarningActions(alert, w.month),
      auditAction({
        entityType: 'alert',
        entityId: alert.id,
        action: 'alert.raised',
        actor: SYSTEM_ACTOR,
        orgIds: [org.id],
        at,
        note: w.causes,
        changes: { kind: 'forecast', capabilityId: w.capabilityId, month: w.month, projected: w.projected, minimum: w.minimum },
      }),
      ...outboxActions([
        {
          type: 'alert.raised',
          at,
          audiences: alert.audiences,
          summary: `${title(org, w)}: ${w.causes}`,
          subject: { type: 'alert', id: alert.id, kind: 'forecast', level: alert.level, orgId: org.id, capabilityId: w.capabilityId, month: w.month },
        },
      ]),
    ]);
    return true;
  } catch (err) {
    // Raised for this team and month before (then recovered): once per team and breach month.
    if (err instanceof ConflictError) return false;
    throw err;
  }
}

async function resolve(org: Organisation, w: { capabilityId: string; alertId: string; reason: 'recovered' | 'superseded' }, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const alert = await getAlert(w.alertId);
  const stillOpen = alert && alert.status !== 'resolved' && alert.status !== 'withdrawn';
  const next: StoredAlert | undefined = stillOpen ? { ...alert, status: 'resolved', outcome: w.reason, updatedAt: at, version: alert.version + 1 } : undefined;
  await transactWrite([
    ...endWarningActions(org.id, w.capabilityId, w.alertId, next, alert?.version ?? 0),
    ...(next
      ? [
          auditAction({ entityType: 'alert', entityId: w.alertId, action: 'alert.resolved', actor: SYSTEM_ACTOR, orgIds: [org.id], at, note: w.reason === 'recovered' ? 'The forecast recovered: no breach within the warning window.' : 'The breach moved to another month: a new warning names it.', changes: { outcome: w.reason } }),
          ...outboxActions([
            {
              type: 'alert.withdrawn',
              at,
              audiences: next.audiences,
              summary: `${next.campaignTitle}: ${w.reason === 'recovered' ? 'the forecast has recovered' : 'the breach has moved to another month'}`,
              subject: { type: 'alert', id: w.alertId, kind: 'forecast', level: next.level, orgId: org.id, capabilityId: w.capabilityId, outcome: w.reason },
            },
          ]),
        ]
      : []),
  ]);
  return !!next;
}

/**
 * The early warning, once a day. Primary course: for every ROCU, its
 * forecast over the window (one round trip: see forecastOfUnit) ∥ its live
 * warnings (one Query); planWarnings says which to raise and which to
 * resolve; a raise is one transaction (the alert, informational, with its
 * inbox entries for the ROCU head and HR lead, the team's live-warning item,
 * the audit entry and the outbox event that emails them), refused by the
 * table when this team and month were warned of before; a resolve is one
 * transaction (the alert resolved on its version, the live-warning item
 * deleted, audit, outbox). Running it twice raises nothing twice.
 */
export async function raiseForecastWarnings(now = new Date(), options: { windowMonths: number; concurrency?: number }): Promise<WarningsRun> {
  const run: WarningsRun = { examined: 0, raised: 0, resolved: 0, failed: 0, raisedIds: [], resolvedIds: [] };
  const rocus = (await listOrganisations()).filter((o) => o.type === 'rocu');
  let next = 0;
  const worker = async () => {
    while (next < rocus.length) {
      const org = rocus[next++]!;
      try {
        const [forecast, live] = await Promise.all([forecastOfUnit(org.id, { months: options.windowMonths }, now), listLiveWarnings(org.id)]);
        run.examined += forecast.items.length;
        const plan = planWarnings(org.id, forecast.items, live, options.windowMonths);
        for (const w of plan.resolve) {
          if (await resolve(org, w, now)) {
            run.resolved++;
            run.resolvedIds.push(w.alertId);
          }
        }
        for (const w of plan.raise) {
          if (await raise(org, w, now)) {
            run.raised++;
            run.raisedIds.push(w.alertId);
          }
        }
      } catch (err) {
        run.failed++;
        logger.error('Could not check a unit’s forecast warnings', { orgId: org.id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.concurrency ?? 3), rocus.length) }, worker));
  return run;
}
