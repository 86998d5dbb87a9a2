import { actorOf } from '../data/audit.repository';
import type { ExpectedVersion } from '../data/expected-version';
import { getOfficer, updateOfficer, type OfficerChange } from '../data/officer.repository';
import { canEditOfficer } from '../domain/access';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { refuseChangeWhileCommitted } from './officer-commitments';

/**
 * The home HR lead changes an officer; counters move in the same transaction
 * (see updateOfficer). An officer with a live commitment elsewhere (an
 * accepted move, a confirmed secondment) cannot be marked as having left, or
 * moved home by hand: the commitment would be counted twice. The application
 * is withdrawn first (or the move takes effect on its date). The commitments
 * are on the officer record itself, and the change is conditioned on the
 * version read, so a commitment made meanwhile makes this a 409.
 */
export async function changeOfficer(identity: Identity, officerId: string, change: OfficerChange, expected: ExpectedVersion): Promise<Officer> {
  const before = await getOfficer(officerId, true);
  if (!before || !canEditOfficer(identity, before)) throw new NotFoundError(`No officer ${officerId}.`);
  refuseChangeWhileCommitted(before, change);
  const { officer } = await updateOfficer(before, change, expected, actorOf(identity));
  return officer;
}
