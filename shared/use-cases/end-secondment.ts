import { actorOf } from '../data/audit.repository';
import { givePlaceBackAction, placementAudit } from '../data/placement.repository';
import { saveSecondmentActions, secondmentAudit, type StoredSecondment } from '../data/secondment.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { isHrLeadOf } from '../domain/access';
import { transitionRefusal } from '../domain/secondment-rules';
import { ConflictError } from '../errors';
import type { Identity } from '../http/identity';
import { advanceSecondment, isSecondmentApplicant, secondmentChanged, secondmentFor } from './secondment-access';
import { endCommitment } from './officer-commitments';

const NO_COMMITMENT = { actions: [], teams: [] };

function officerChanged(app: StoredSecondment) {
  return () => new ConflictError(`${app.officerName}’s officer record changed meanwhile. Try again.`);
}

/**
 * The applicant withdraws. Primary course: while submitted, home-approved or
 * confirmed. One transaction moves the application to `withdrawn`
 * (conditioned on the version read) and, for a confirmed one, gives its
 * place back on the placement (`confirmed − 1`) and ends the officer's
 * commitment (off `committedOut` of every home team it counted in), with the audit entries.
 */
export async function withdrawSecondment(identity: Identity, applicationId: string, now = new Date()): Promise<StoredSecondment> {
  const app = await secondmentFor(identity, applicationId, (a) => isSecondmentApplicant(identity, a), 'the applicant');
  const refusal = transitionRefusal('withdraw', app.status);
  if (refusal) throw new ConflictError(refusal);
  const actor = actorOf(identity);
  const at = now.toISOString();
  const next = advanceSecondment(app, 'withdrawn', actor, at, { commitment: null });
  const released = app.commitment ? await endCommitment(app, at, officerChanged(app)) : NO_COMMITMENT;
  const actions: GuardedAction[] = saveSecondmentActions(app, next, secondmentChanged(app));
  if (app.status === 'confirmed') {
    actions.push(
      givePlaceBackAction(app.placementId, at),
      placementAudit({ id: app.placementId, hostOrgId: app.hostOrgId }, 'placement.place-released', actor, at, [app.homeOrgId], { applicationId: app.id }),
    );
  }
  actions.push(...released.actions);
  actions.push(
    secondmentAudit(next, 'secondment.withdrawn', actor, at, undefined, {
      from: app.status,
      ...(app.status === 'confirmed' ? { placeReleased: app.placementId } : {}),
      ...(released.actions.length ? { committedOutReleased: released.teams.map((c) => `${app.homeOrgId}:${c}`) } : {}),
    }),
  );
  await transactWrite(actions);
  return next;
}

/**
 * The host's HR lead completes a secondment (confirmed or active): the
 * officer is back home, so one transaction moves the application to
 * `completed` and ends their commitment (off `committedOut` of every home team) — they never
 * left its `strength`, so they count in the projection again. The place
 * stays used: completion is not a withdrawal.
 */
export async function completeSecondment(identity: Identity, applicationId: string, input: { note: string }, now = new Date()): Promise<StoredSecondment> {
  const app = await secondmentFor(identity, applicationId, (a) => isHrLeadOf(identity, a.hostOrgId), 'the host organisation’s HR lead');
  const refusal = transitionRefusal('complete', app.status);
  if (refusal) throw new ConflictError(refusal);
  const actor = actorOf(identity);
  const at = now.toISOString();
  const next = advanceSecondment(app, 'completed', actor, at, { commitment: null }, input.note || undefined);
  const released = app.commitment ? await endCommitment(app, at, officerChanged(app)) : NO_COMMITMENT;
  const actions: GuardedAction[] = [...saveSecondmentActions(app, next, secondmentChanged(app)), ...released.actions];
  actions.push(
    secondmentAudit(next, 'secondment.completed', actor, at, input.note, {
      from: app.status,
      ...(released.actions.length ? { committedOutReleased: released.teams.map((c) => `${app.homeOrgId}:${c}`) } : {}),
    }),
  );
  await transactWrite(actions);
  return next;
}
