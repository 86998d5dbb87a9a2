import {
  applicationAudit,
  campaignStatusCheck,
  destinationOf,
  getApplication,
  officerVersionCheck,
  saveApplicationAction,
  type StoredApplication,
} from '../data/application.repository';
import { actorOf } from '../data/audit.repository';
import { getOfficer } from '../data/officer.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { acceptanceCommits, transitionRefusal } from '../domain/application-rules';
import type { OfficerCommitment } from '../domain/commitments';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { advance, applicationChanged, isApplicant } from './application-access';
import { OFFERING_STATUSES } from './make-offer';
import { makeCommitment } from './officer-commitments';
import { servingOrgOf } from '../domain/posting';

/** Transactions racing on one baseline are retried when DynamoDB reports a conflict (no condition failed). */
const ACCEPT_ATTEMPTS = 8;

/**
 * The applicant accepts a released offer (BRIEF.md rule 4). Primary course:
 * read the application and the caller's officer record (in parallel); only an
 * `offered` offer can be accepted. An officer leaving their unit (appointed
 * into another organisation's allocation) takes on a commitment, kept on the
 * officer record: refused (409, naming it) if it overlaps one they already
 * have, since a person can leave only once. One transaction moves the
 * application to `accepted` (conditioned on the version read) and puts it on
 * the move-due index for its start date, checks the campaign still stands,
 * writes the officer record with the commitment (conditioned on its version)
 * and adds one to `committedOut` of **every** team the officer counts in —
 * each on the condition that the team stays at or above its minimum, unless
 * a release decision covers this offer. Two acceptances racing each other
 * therefore cannot together take any team below its minimum: the second
 * one's condition fails and it gets 409. The offer then stays `offered`; the
 * HR lead makes it again, and the re-offer goes through the gate.
 */
export async function acceptOffer(identity: Identity, applicationId: string, now = new Date()): Promise<StoredApplication> {
  const [app, officer] = await Promise.all([
    getApplication(applicationId),
    identity.officerId ? getOfficer(identity.officerId, true) : Promise.resolve(undefined),
  ]);
  if (!app || !isApplicant(identity, app) || !officer) throw new NotFoundError(`No application ${applicationId} of yours.`);
  const refusal = transitionRefusal('accept', app.status);
  if (refusal) throw new ConflictError(refusal);
  if (servingOrgOf(officer) !== app.homeOrgId) {
    throw new ConflictError(`Your home organisation has changed since the offer was made; ask the campaign’s HR lead to make it again.`);
  }
  if (officer.status !== 'active') throw new ConflictError('Your officer record shows you have left the service: the offer can no longer be accepted.');

  const destination = destinationOf(app);
  const commits = acceptanceCommits({ homeOrgId: app.homeOrgId, destinationOrgId: destination, active: true });
  // Only a ROCU's minimum is protected, and a release decision by its head (or the ROCC) already covers the loss.
  const protect = app.homeOrgType === 'rocu' && app.releasedBy === null;
  const actor = actorOf(identity);
  const at = now.toISOString();
  const changedMeanwhile = () => new ConflictError('Your officer record changed while you were accepting. Try again.');

  let officerActions: GuardedAction[] = [officerVersionCheck(officer.id, officer.version, changedMeanwhile)];
  let counted: string[] = [];
  if (commits) {
    const commitment: OfficerCommitment = {
      kind: 'move',
      applicationId: app.id,
      title: app.campaignTitle,
      fromOrgId: app.homeOrgId,
      toOrgId: destination,
      startDate: app.startDate!,
      endDate: null,
    };
    const plan = makeCommitment(
      officer,
      commitment,
      at,
      'You are',
      changedMeanwhile,
      protect
        ? (d) => ({
            onBelowMinimum: () =>
              new ConflictError(
                `Accepting now would take ${app.homeOrgId}’s ${d.capabilityId} team below its minimum; the offer must go back for a release decision. ` +
                  `It stays offered: ask the campaign’s HR lead to make the offer again, and it will go to the ${app.homeOrgId} ROCU head for release.`,
                [{ field: 'projected', message: 'at the minimum', orgId: app.homeOrgId, capabilityId: d.capabilityId }],
              ),
          })
        : undefined,
    );
    officerActions = plan.actions;
    counted = plan.teams;
  }
  const next = advance(app, 'accepted', actor, at, { commitment: commits ? { orgId: app.homeOrgId, capabilityIds: counted } : null });

  const actions: GuardedAction[] = [
    saveApplicationAction(app, next, applicationChanged(app)),
    campaignStatusCheck(app.campaignId, OFFERING_STATUSES, () => new ConflictError('The campaign was cancelled or completed; the offer can no longer be accepted.')),
    ...officerActions,
    applicationAudit(next, 'application.accepted', actor, at, {
      startDate: next.startDate,
      destination,
      committedOut: counted.map((c) => `${app.homeOrgId}:${c}`),
      ...(app.releasedBy ? { releasedBy: app.releasedBy } : {}),
    }),
  ];
  await transactWrite(actions, { maxAttempts: ACCEPT_ATTEMPTS });
  return next;
}
