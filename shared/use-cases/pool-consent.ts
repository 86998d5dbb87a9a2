import { applicationAudit, saveApplicationAction, type StoredApplication } from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { getOfficer } from '../data/officer.repository';
import { deletePoolEntryAction, putPoolEntryAction, type PoolEntry } from '../data/pool.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { consentRefusal } from '../domain/pool-rules';
import { ConflictError, ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { applicationChanged, applicationForApplicant } from './application-access';

/** The summary a recruiter will see: taken from the application and the officer record as they are now. */
function poolEntryOf(app: StoredApplication, officer: Officer, at: string): PoolEntry {
  return {
    entryId: app.id,
    capabilityId: app.capabilityId,
    officerId: officer.id,
    officerName: officer.name,
    homeOrgId: officer.homeOrgId,
    vetting: officer.vetting,
    pipLevel: officer.pipLevel,
    sourceCampaignId: app.campaignId,
    sourceCampaignTitle: app.campaignTitle,
    sourceOrgIds: app.campaignOrgIds,
    pooledAt: at,
    applicationCreatedAt: app.createdAt,
  };
}

/**
 * The applicant gives or withdraws consent to be shared into the candidate
 * pool. Primary course: the application was marked appointable; the
 * application (read in parallel with the caller's officer record) is
 * rewritten with `poolConsent`, conditioned on the version read, and in the
 * same transaction the pool entry is put (consent) or deleted (withdrawal),
 * with the audit entry. Withdrawing is always allowed; asking for what is
 * already so changes nothing.
 */
export async function setPoolConsent(identity: Identity, applicationId: string, input: { consent: boolean }, now = new Date()): Promise<StoredApplication> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const [app, officer] = await Promise.all([applicationForApplicant(identity, applicationId), getOfficer(identity.officerId, true)]);
  if (Boolean(app.poolConsent) === input.consent) return app;
  const refusal = consentRefusal(app, input.consent);
  if (refusal) throw new ConflictError(refusal, [{ field: 'appointable', message: 'not marked appointable' }]);

  const actor = actorOf(identity);
  const at = now.toISOString();
  const next: StoredApplication = { ...app, poolConsent: input.consent, version: app.version + 1, updatedAt: at };
  // The application's version condition is what makes the pool entry follow it exactly:
  // a concurrent change (HR taking the appointable mark back, say) fails the whole transaction.
  const actions: GuardedAction[] = [saveApplicationAction(app, next, applicationChanged(app))];
  if (input.consent) {
    if (!officer) throw new ForbiddenError('Your officer record was not found; ask your HR lead.');
    actions.push(putPoolEntryAction(poolEntryOf(app, officer, at)));
  } else {
    actions.push(deletePoolEntryAction(app));
  }
  actions.push(applicationAudit(next, input.consent ? 'application.pool-consent-given' : 'application.pool-consent-withdrawn', actor, at));
  await transactWrite(actions);
  return next;
}
