import type { StoredAlert } from '../data/alert.repository';
import { releaseOfferAction } from '../data/application.repository';
import { auditAction, type Actor } from '../data/audit.repository';
import type { GuardedAction } from '../data/transact';
import { nowIso } from '../ids';
import { historyEntry } from './application-access';

/**
 * What an offer-release alert's decision does to its offer, as actions for
 * the decision's own transaction. Primary course: when the alert resolves as
 * `released` or `deferred` (its `releaseDate` set), the application moves
 * `awaiting-release → offered` (conditioned on that status, so a withdrawn or
 * rejected offer is not revived), its start date becomes the release date,
 * and it records the decision (`releasedBy` = the alert) that lets the
 * acceptance take the team below its minimum. Any other alert, or outcome,
 * has no effect on an application: an empty list.
 */
export async function releaseEffects(alert: StoredAlert, actor: Actor, at = nowIso()): Promise<GuardedAction[]> {
  const outcome = alert.outcome;
  if (alert.kind !== 'offer-release' || !alert.applicationId || !alert.releaseDate || (outcome !== 'released' && outcome !== 'deferred')) {
    return [];
  }
  const note = outcome === 'released' ? `Released from ${alert.releaseDate}.` : `Release deferred to ${alert.releaseDate}.`;
  // The campaign's HR organisations are the alert's hr-lead audiences: no read of the application needed.
  const hrOrgs = alert.audiences.filter((a) => a.startsWith('hr-lead:')).map((a) => a.slice('hr-lead:'.length));
  return [
    releaseOfferAction(alert.applicationId, {
      startDate: alert.releaseDate,
      releaseDecision: outcome,
      releasedBy: alert.id,
      entry: historyEntry('offered', actor, at, note),
      at,
    }),
    auditAction({
      entityType: 'application',
      entityId: alert.applicationId,
      action: 'application.released',
      actor,
      orgIds: [...new Set([alert.orgId, ...hrOrgs])],
      at,
      note,
      changes: { alertId: alert.id, releaseDecision: outcome, releaseDate: alert.releaseDate },
    }),
  ];
}
