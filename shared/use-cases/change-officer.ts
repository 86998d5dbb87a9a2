import { actorOf } from '../data/audit.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { getOfficer, updateOfficer, type OfficerChange } from '../data/officer.repository';
import { listApplicationsOfOfficerOfType } from '../data/secondment.repository';
import { canEditOfficer } from '../domain/access';
import { ConflictError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/** Statuses in which an application holds one of the home team's `committedOut`. */
const COMMITTED = new Set(['accepted', 'confirmed', 'active']);

/**
 * The home HR lead changes an officer; counters move in the same transaction
 * (see updateOfficer). An officer whose accepted move or confirmed secondment
 * still counts in their home team's committedOut cannot be marked as having
 * left, or moved home by hand: the commitment would be counted twice. The
 * application is withdrawn first (or the move takes effect on its date).
 * The check reads the officer's applications, but the rule holds by
 * condition: a commitment made after that read also moved the officer
 * record's version on (officerCommitmentMark), so this change's own version
 * condition fails with 409 rather than landing beside it.
 */
export async function changeOfficer(identity: Identity, officerId: string, change: OfficerChange, expected: ExpectedVersion): Promise<Officer> {
  const before = await getOfficer(officerId, true);
  if (!before || !canEditOfficer(identity, before)) throw new NotFoundError(`No officer ${officerId}.`);
  const leaving = change.status === 'left' && before.status !== 'left';
  const moving = change.homeOrgId !== undefined && change.homeOrgId !== before.homeOrgId;
  if (leaving || moving) {
    const page = await listApplicationsOfOfficerOfType(officerId, undefined, (item) => item, { limit: 100 });
    const committed = page.items.filter((a) => COMMITTED.has(String(a.status)) && a.commitment);
    if (committed.length) {
      throw new ConflictError(
        `${before.name} is committed elsewhere (${committed.map((a) => `${a.campaignTitle ?? a.placementTitle ?? a.id}: ${a.status}`).join('; ')}). Withdraw that first, or let the move take effect on its date.`,
        committed.map((a) => ({ field: leaving ? 'status' : 'homeOrgId', applicationId: String(a.id), message: `application ${String(a.id)} is ${String(a.status)}` })),
      );
    }
  }
  const { officer } = await updateOfficer(before, change, expected, actorOf(identity));
  return officer;
}
