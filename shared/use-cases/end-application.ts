import { getAlert, updateAlertActions, type StoredAlert } from '../data/alert.repository';
import { allocationSlotAction, applicationAudit, saveApplicationAction, sourceSlotAction, type StoredApplication } from '../data/application.repository';
import { auditAction, type Actor } from '../data/audit.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { holdsSourceSlot, transitionRefusal } from '../domain/application-rules';
import { ConflictError } from '../errors';
import type { DomainEvent } from '../notify/domain-event';
import { outboxActions } from '../data/outbox.repository';
import { advance, applicationChanged } from './application-access';
import { endCommitment } from './officer-commitments';

const LIVE_ALERT = new Set(['open', 'escalated']);

/**
 * End an application (`rejected` by the campaign's HR lead, `withdrawn` by
 * the applicant) and undo, in the same transaction, everything it holds: a
 * live offer's slot on its source's counter, an acceptance's commitment on
 * the officer record and `committedOut` of every team it counted in (and its place on the move-due index, which the
 * rewritten item no longer carries), and a pending offer-release alert
 * (withdrawn, outcome `offer-withdrawn`, conditioned on the alert version
 * read). Then tell the alert's audiences.
 */
export async function endApplication(app: StoredApplication, to: 'rejected' | 'withdrawn', actor: Actor, now = new Date()): Promise<StoredApplication> {
  const action = to === 'rejected' ? 'reject' : 'withdraw';
  const refusal = transitionRefusal(action, app.status);
  if (refusal) throw new ConflictError(refusal);

  const at = now.toISOString();
  const [alert, released] = await Promise.all([
    app.status === 'awaiting-release' && app.alertId ? getAlert(app.alertId) : Promise.resolve(undefined),
    app.status === 'accepted' && app.commitment
      ? endCommitment(app, at, () => new ConflictError(`${app.officerName}’s officer record changed meanwhile. Try again.`))
      : Promise.resolve({ actions: [], teams: [] }),
  ]);
  const next = advance(app, to, actor, at, { commitment: null });
  const actions: GuardedAction[] = [saveApplicationAction(app, next, applicationChanged(app))];

  if (holdsSourceSlot(app.status) && app.sourceOrgId) actions.push(sourceSlotAction(app.campaignId, app.sourceOrgId, -1));
  if (holdsSourceSlot(app.status) && app.allocationOrgId) actions.push(allocationSlotAction(app.campaignId, app.allocationOrgId, -1));
  actions.push(...released.actions);

  let withdrawn: StoredAlert | undefined;
  if (alert && LIVE_ALERT.has(alert.status)) {
    withdrawn = { ...alert, status: 'withdrawn', outcome: 'offer-withdrawn', dueAt: null, updatedAt: at, version: alert.version + 1 };
    actions.push(
      ...updateAlertActions(withdrawn, { version: alert.version, via: 'body' }),
      auditAction({
        entityType: 'alert',
        entityId: alert.id,
        action: 'alert.withdrawn',
        actor,
        orgIds: [alert.orgId, ...app.campaignOrgIds],
        at,
        note: `The offer was ${to}.`,
      }),
    );
  }
  actions.push(
    applicationAudit(next, `application.${to}`, actor, at, {
      from: app.status,
      ...(holdsSourceSlot(app.status) ? { slotReleased: app.sourceOrgId, allocationReleased: app.allocationOrgId } : {}),
      ...(released.actions.length ? { committedOutReleased: released.teams.map((c) => `${app.homeOrgId}:${c}`) } : {}),
    }),
  );
  const events: DomainEvent[] = withdrawn
    ? [
        {
          type: 'alert.withdrawn',
          at,
          audiences: withdrawn.audiences,
          summary: `${app.campaignTitle}: the offer to ${app.officerName} was ${to}; the release decision is no longer needed`,
          subject: { type: 'alert', id: withdrawn.id, kind: withdrawn.kind, orgId: withdrawn.orgId, campaignId: app.campaignId, applicationId: app.id },
        },
      ]
    : [];
  await transactWrite([...actions, ...outboxActions(events)]);
  return next;
}
