import { getOfficer } from '../data/officer.repository';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/** The caller's claims and, for an officer, their own record: one GetItem, none for staff without an officer record. */
export async function describeCaller(identity: Identity): Promise<Identity & { officer?: Officer }> {
  const officer = identity.officerId ? await getOfficer(identity.officerId) : undefined;
  return { ...identity, ...(officer ? { officer } : {}) };
}
