import { applicationAudit, campaignStatusCheck, saveApplicationAction, type StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { deletePoolEntryAction } from '../data/pool.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { appointableCheck, ENDED_CAMPAIGN_STATUSES } from '../domain/pool-rules';
import { ConflictError } from '../errors';
import type { Identity } from '../http/identity';
import { applicationChanged, applicationForHr } from './application-access';

/**
 * The campaign's HR lead marks a candidate appointable (or takes the mark
 * back). Primary course: the application reached the shortlist and was
 * rejected, or is still shortlisted on a campaign that has ended; one
 * transaction sets `appointable`, conditioned on the version read (and, for
 * a shortlisted one, a ConditionCheck that the campaign has ended, so no
 * offer can follow), with its audit entry. Taking the mark back also takes
 * back the applicant's consent and deletes their pool entry in the same
 * transaction. Asking for what is already so changes nothing.
 */
export async function markAppointable(
  identity: Identity,
  applicationId: string,
  input: { appointable: boolean; note?: string | undefined },
  now = new Date(),
): Promise<StoredApplication> {
  const app = await applicationForHr(identity, applicationId);
  if (Boolean(app.appointable) === input.appointable) return app;

  const actor = actorOf(identity);
  const at = now.toISOString();
  const actions: GuardedAction[] = [];
  let next: StoredApplication;
  if (input.appointable) {
    const check = appointableCheck(app);
    if (!check.ok) throw new ConflictError(check.reason, [{ field: 'status', message: app.status }]);
    next = { ...app, appointable: true, version: app.version + 1, updatedAt: at };
    actions.push(saveApplicationAction(app, next, applicationChanged(app)));
    if (check.campaignMustHaveEnded) {
      actions.push(
        campaignStatusCheck(
          app.campaignId,
          ENDED_CAMPAIGN_STATUSES,
          () =>
            new ConflictError(
              'The campaign can still make offers, so a shortlisted candidate is not yet "not appointed": reject the application first, or wait until the campaign is completed.',
            ),
        ),
      );
    }
  } else {
    next = { ...app, appointable: false, poolConsent: false, version: app.version + 1, updatedAt: at };
    actions.push(saveApplicationAction(app, next, applicationChanged(app)));
    if (app.poolConsent) actions.push(deletePoolEntryAction(app));
  }
  actions.push(
    applicationAudit(next, input.appointable ? 'application.marked-appointable' : 'application.appointable-mark-removed', actor, at, {
      ...(input.note ? { note: input.note } : {}),
      ...(app.poolConsent && !input.appointable ? { removedFromPool: true } : {}),
    }),
  );
  await transactWrite(actions);
  return next;
}
