import { getOfficer } from '../data/officer.repository';
import { canReadOfficer } from '../domain/access';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/**
 * One officer's record for someone who may read it (`canReadOfficer`); to
 * anyone else it is not found, so its existence does not leak across
 * organisations. One GetItem.
 */
export async function readOfficer(identity: Identity, officerId: string): Promise<Officer> {
  const officer = await getOfficer(officerId);
  if (!officer || !canReadOfficer(identity, officer)) throw new NotFoundError(`No officer ${officerId}.`);
  return officer;
}
