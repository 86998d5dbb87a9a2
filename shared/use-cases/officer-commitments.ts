import { commitmentsOf, commitmentWriteActions, getOfficer } from '../data/officer.repository';
import type { GuardedAction } from '../data/transact';
import { overlappingCommitment, overlapRefusal, withCommitment, withoutCommitment, type OfficerCommitment } from '../domain/commitments';
import type { CounterDelta } from '../domain/officer-counters';
import { datesBeforeCommitment, isPosted } from '../domain/posting';
import { ConflictError, type AppError } from '../errors';
import type { Officer } from '../schemas/officer.schema';

export interface CommitmentPlan {
  actions: GuardedAction[];
  /** The teams (capability ids, in the unit the officer leaves) whose `committedOut` moves. */
  teams: string[];
}

/**
 * Plan a new commitment of an officer, for the caller's transaction: refused
 * (409, naming the first) when it overlaps one the officer already has — a
 * person can leave a team only once — and otherwise the officer record with
 * the commitment plus `committedOut` of every team they count in, each
 * guarded by `protect` (rule 4) unless it returns undefined.
 */
export function makeCommitment(
  officer: Officer,
  commitment: OfficerCommitment,
  at: string,
  who: string,
  onStale: () => AppError,
  protect?: (delta: CounterDelta) => { onBelowMinimum: () => AppError } | undefined,
): CommitmentPlan {
  const first = overlappingCommitment(commitmentsOf(officer), commitment);
  if (first) {
    throw new ConflictError(overlapRefusal(who, first), [
      { field: 'commitments', message: `already committed: ${first.kind} ${first.applicationId}`, applicationId: first.applicationId },
    ]);
  }
  refuseBeyondDates(officer, commitment, who);
  const write = commitmentWriteActions(officer, withCommitment(commitmentsOf(officer), commitment), at, onStale, protect);
  return { actions: write.actions, teams: write.deltas.filter((d) => d.committedOut > 0).map((d) => d.capabilityId) };
}

/**
 * Plan the end of an application's commitment (withdrawn, completed, or the
 * move taking effect elsewhere): read the officer (strongly), and if the
 * commitment is still on their record, the record without it and the teams'
 * `committedOut` given back — which only moves when it was the officer's
 * last commitment, since a person counts out once. Conditioned on the
 * officer's version, so a concurrent officer write makes this a 409 rather
 * than a lost update.
 */
export async function endCommitment(
  app: { officerId: string; id: string },
  at: string,
  onStale: () => AppError,
): Promise<CommitmentPlan> {
  const officer = await getOfficer(app.officerId, true);
  if (!officer || !commitmentsOf(officer).some((c) => c.applicationId === app.id)) return { actions: [], teams: [] };
  const write = commitmentWriteActions(officer, withoutCommitment(commitmentsOf(officer), app.id), at, onStale);
  return { actions: write.actions, teams: write.deltas.filter((d) => d.committedOut < 0).map((d) => d.capabilityId) };
}

/** Move a secondment's end date on the officer's commitment, refused when it would then overlap another. */
export function extendCommitment(officer: Officer, applicationId: string, endDate: string, at: string, who: string, onStale: () => AppError): GuardedAction[] {
  const current = commitmentsOf(officer).find((c) => c.applicationId === applicationId);
  if (!current) return [];
  const extended = { ...current, endDate };
  const first = overlappingCommitment(commitmentsOf(officer), extended);
  if (first) {
    throw new ConflictError(overlapRefusal(who, first), [
      { field: 'endDate', message: `overlaps ${first.kind} ${first.applicationId}`, applicationId: first.applicationId },
    ]);
  }
  refuseBeyondDates(officer, extended, who);
  return commitmentWriteActions(officer, withCommitment(commitmentsOf(officer), extended), at, onStale).actions;
}

/**
 * A commitment counts in the unit the officer serves in until it has run its
 * course, so it must do so before the officer's posting there ends and
 * before their leaving date (409 naming the date; the unit can extend the
 * posting, or the start can move).
 */
function refuseBeyondDates(officer: Officer, commitment: OfficerCommitment, who: string): void {
  const found = datesBeforeCommitment({ servingUntil: isPosted(officer) ? (officer.servingUntil ?? null) : null, leavingOn: officer.leavingOn ?? null }, [commitment]);
  if (!found) return;
  const when = found.field === 'servingUntil' ? `the posting in ${officer.servingOrgId} ends on ${found.date}` : `the leaving date on the record is ${found.date}`;
  const course = commitment.kind === 'move' ? `a move taking effect on ${commitment.startDate}` : `a secondment until ${commitment.endDate}`;
  throw new ConflictError(`${who} not able to take on ${course} (“${commitment.title}”): ${when}, before it would run its course. The unit can extend the posting, or the date can move.`, [
    { field: found.field, message: `${found.field} ${found.date} comes before the commitment runs its course`, applicationId: commitment.applicationId },
  ]);
}

/**
 * Refuse (409, naming each commitment on `field`) a change that takes an
 * officer out of the teams they count in while a commitment of theirs still
 * counts there: the commitment would be counted twice. The commitments are on
 * the officer record and every such change is conditioned on the version
 * read, so a commitment made meanwhile fails it.
 */
export function refuseWhileCommitted(officer: Officer, field: string): void {
  const committed = commitmentsOf(officer);
  if (committed.length === 0) return;
  throw new ConflictError(
    `${officer.name} is committed elsewhere (${committed.map((c) => `${c.title}: ${c.kind === 'move' ? 'an accepted move' : 'a confirmed secondment'}`).join('; ')}). Withdraw that first, or let the move take effect on its date.`,
    committed.map((c) => ({ field, applicationId: c.applicationId, message: `application ${c.applicationId} holds a commitment` })),
  );
}

/**
 * An officer with a live commitment elsewhere cannot be marked as having
 * left, or moved to another organisation: every officer write that may do
 * either (the PATCH route, the CSV import, a transfer) asks this first.
 */
export function refuseChangeWhileCommitted(before: Officer, change: { status?: Officer['status']; homeOrgId?: string }): void {
  const leaving = change.status === 'left' && before.status !== 'left';
  const moving = change.homeOrgId !== undefined && change.homeOrgId !== before.homeOrgId;
  if (leaving || moving) refuseWhileCommitted(before, leaving ? 'status' : 'homeOrgId');
}
