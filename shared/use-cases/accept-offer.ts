import {
  applicationAudit,
  campaignStatusCheck,
  commitmentAction,
  getApplication,
  officerCommitmentMark,
  saveApplicationAction,
  type StoredApplication,
} from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { getOfficer } from '../data/officer.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { acceptanceCommits, transitionRefusal } from '../domain/application-rules';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { advance, applicationChanged, isApplicant } from './application-access';
import { OFFERING_STATUSES } from './make-offer';

/** Transactions racing on one baseline are retried when DynamoDB reports a conflict (no condition failed). */
const ACCEPT_ATTEMPTS = 8;

/**
 * The applicant accepts a released offer (BRIEF.md rule 4). Primary course:
 * read the application and the caller's officer record (in parallel); only an
 * `offered` offer can be accepted. One transaction moves the application to
 * `accepted` (conditioned on the version read) and puts it on the move-due
 * index for its start date, checks the campaign still stands and the officer
 * record is unchanged, and adds one to the home team's `committedOut` (one
 * off `projected`) — on the condition that the projection stays at or above
 * the minimum, unless a release decision covers this offer. Two acceptances
 * racing each other therefore cannot together take a team below its minimum:
 * the second one's condition fails and it gets 409. The offer then stays
 * `offered`; the HR lead makes it again, and the re-offer goes through the
 * gate to the ROCU head.
 */
export async function acceptOffer(identity: Identity, applicationId: string, now = new Date()): Promise<StoredApplication> {
  const [app, officer] = await Promise.all([
    getApplication(applicationId),
    identity.officerId ? getOfficer(identity.officerId, true) : Promise.resolve(undefined),
  ]);
  if (!app || !isApplicant(identity, app) || !officer) throw new NotFoundError(`No application ${applicationId} of yours.`);
  const refusal = transitionRefusal('accept', app.status);
  if (refusal) throw new ConflictError(refusal);
  if (officer.homeOrgId !== app.homeOrgId) {
    throw new ConflictError(`Your home organisation has changed since the offer was made; ask the campaign’s HR lead to make it again.`);
  }

  const commits = acceptanceCommits({
    homeOrgId: app.homeOrgId,
    ownerOrgId: app.ownerOrgId,
    holdsCapability: officer.capabilities.includes(app.capabilityId),
    active: officer.status === 'active',
  });
  // Only a ROCU's minimum is protected, and a release decision by its head (or the ROCC) already covers the loss.
  const protect = app.homeOrgType === 'rocu' && app.releasedBy === null;
  const actor = actorOf(identity);
  const at = now.toISOString();
  const next = advance(app, 'accepted', actor, at, {
    commitment: commits ? { orgId: app.homeOrgId, capabilityId: app.capabilityId } : null,
  });

  const actions: GuardedAction[] = [
    saveApplicationAction(app, next, applicationChanged(app)),
    campaignStatusCheck(app.campaignId, OFFERING_STATUSES, () => new ConflictError('The campaign was cancelled or completed; the offer can no longer be accepted.')),
    // The counters below follow the officer as read: an edit landing meanwhile must not be counted against,
    // and an edit read before this commits (leaving, moving home) must not land after it.
    officerCommitmentMark(officer.id, officer.version, at, () => new ConflictError('Your officer record changed while you were accepting. Try again.')),
  ];
  if (commits) {
    actions.push(
      commitmentAction(
        app.homeOrgId,
        app.capabilityId,
        1,
        protect
          ? {
              onBelowMinimum: () =>
                new ConflictError(
                  `Accepting now would take ${app.homeOrgId} below its minimum for ${app.capabilityId}; the offer must go back for a release decision. ` +
                    `It stays offered: ask the campaign’s HR lead to make the offer again, and it will go to the ${app.homeOrgId} ROCU head for release.`,
                  [{ field: 'projected', message: 'at the minimum', orgId: app.homeOrgId, capabilityId: app.capabilityId }],
                ),
            }
          : undefined,
      ),
    );
  }
  actions.push(
    applicationAudit(next, 'application.accepted', actor, at, {
      startDate: next.startDate,
      committedOut: commits ? `${app.homeOrgId}:${app.capabilityId}` : null,
      ...(app.releasedBy ? { releasedBy: app.releasedBy } : {}),
    }),
  );
  await transactWrite(actions, { maxAttempts: ACCEPT_ATTEMPTS });
  return next;
}
