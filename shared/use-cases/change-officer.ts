import { actorOf } from '../data/audit.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { getOfficer, updateOfficer, type OfficerChange } from '../data/officer.repository';
import { listApplicationsOfOfficerOfType } from '../data/secondment.repository';
import { canEditOfficer } from '../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/** Statuses in which an application holds one of the home team's `committedOut`. */
const COMMITTED = new Set(['accepted', 'confirmed', 'active']);

/**
 * Refuse (409) a change that would take an officer out of their home team
 * while an accepted move or confirmed secondment of theirs still counts in
 * that team's committedOut: the commitment would be counted twice. The
 * application is withdrawn first (or the move takes effect on its date).
 * The check reads the officer's applications, but the rule holds by
 * condition: a commitment made after that read also moved the officer
 * record's version on (officerCommitmentMark), so the change's own version
 * condition fails with 409 rather than landing beside it.
 */
export async function refuseIfCommitted(officer: Officer, field: string): Promise<void> {
  const page = await listApplicationsOfOfficerOfType(officer.id, undefined, (item) => item, { limit: 100 });
  const committed = page.items.filter((a) => COMMITTED.has(String(a.status)) && a.commitment);
  if (committed.length) {
    throw new ConflictError(
      `${officer.name} is committed elsewhere (${committed.map((a) => `${a.campaignTitle ?? a.placementTitle ?? a.id}: ${a.status}`).join('; ')}). Withdraw that first, or let the move take effect on its date.`,
      committed.map((a) => ({ field, applicationId: String(a.id), message: `application ${String(a.id)} is ${String(a.status)}` })),
    );
  }
}

/**
 * The home HR lead changes an officer; counters move in the same transaction
 * (see updateOfficer). The home itself does not change here: a move to
 * another organisation is a transfer the receiving HR lead accepts
 * (transfer-officer.ts), so another `homeOrgId` is a 403 pointing there. An
 * officer committed elsewhere (refuseIfCommitted), or with a transfer
 * waiting, cannot be marked as having left.
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
  if (leaving) await refuseIfCommitted(before, 'status');
  const { officer } = await updateOfficer(before, change, expected, actorOf(identity));
  return officer;
}
