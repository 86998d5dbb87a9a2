import { actorOf } from '../data/audit.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { getOfficer, updateOfficer, type OfficerChange } from '../data/officer.repository';
import { canEditOfficer } from '../domain/access';
import { planPostingChange, type PostingRefusal } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { refuseChangeWhileCommitted } from './officer-commitments';

/** A posting or leaving-date refusal as the error the API answers with. */
export function postingError(r: PostingRefusal): ConflictError | ForbiddenError | ValidationError {
  const details = [{ field: r.field, message: r.message }];
  return r.status === 400 ? new ValidationError(r.message, details) : r.status === 403 ? new ForbiddenError(r.message, details) : new ConflictError(r.message, details);
}

/**
 * The HR lead of the unit the officer serves in (who keeps the record)
 * changes an officer; a posting's end date, ending it now and a leaving date
 * are checked by planPostingChange; counters move in the same transaction
 * (see updateOfficer). The home itself does not change here: a move to
 * another organisation is a transfer the receiving HR lead accepts
 * (transfer-officer.ts), so another `homeOrgId` is a 403 pointing there. An
 * officer committed elsewhere, or with a transfer waiting, cannot be marked
 * as having left.
 */
export async function changeOfficer(identity: Identity, officerId: string, change: OfficerChange, expected: ExpectedVersion): Promise<Officer> {
  const before = await getOfficer(officerId, true);
  if (!before || !canEditOfficer(identity, before)) throw new NotFoundError(`No officer ${officerId}.`);
  if (change.homeOrgId !== undefined && change.homeOrgId !== before.homeOrgId) {
    throw new ForbiddenError(
      `An officer moves to another organisation only when that organisation's HR lead accepts: propose it with POST /v1/officers/${officerId}/transfer {"toOrgId":"${change.homeOrgId}"}.`,
      [{ field: 'homeOrgId', message: 'a move between organisations is a transfer (POST /v1/officers/{officerId}/transfer)' }],
    );
  }
  const leaving = change.status === 'left' && before.status !== 'left';
  if (leaving && before.pendingTransfer) {
    throw new ConflictError(`A transfer of ${before.name} to ${before.pendingTransfer.toOrgId} is waiting for its HR lead: cancel it first.`, [
      { field: 'status', message: 'a transfer is pending' },
    ]);
  }
  refuseChangeWhileCommitted(before, change);
  let full = change;
  if (change.servingOrgId !== undefined || change.servingUntil !== undefined || change.leavingOn !== undefined) {
    const plan = planPostingChange(
      { homeOrgId: before.homeOrgId, servingOrgId: before.servingOrgId ?? null, servingUntil: before.servingUntil ?? null, leavingOn: before.leavingOn ?? null, commitments: before.commitments ?? [] },
      change,
      todayIso(),
    );
    if (!plan.ok) throw postingError(plan.refusal);
    full = { ...change, ...plan.fields };
  }
  const { officer } = await updateOfficer(before, full, expected, actorOf(identity));
  return officer;
}
