import { actorOf } from '../data/audit.repository';
import { createOfficer } from '../data/officer.repository';
import { canCreateOfficerIn } from '../domain/access';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { CreateOfficerInput, Officer } from '../schemas/officer.schema';
import { refuseUnkeptOfficer } from './officer-posting';

/**
 * Add the record of an officer serving in the caller's own organisation: one
 * of its own at home, or one of another organisation posted into it
 * (`refuseUnkeptOfficer`: never a posting into another unit), by its HR lead
 * (`canCreateOfficerIn`). One transaction: see `createOfficer`.
 */
export async function registerOfficer(identity: Identity, input: CreateOfficerInput): Promise<Officer> {
  refuseUnkeptOfficer(identity.org, input);
  if (!canCreateOfficerIn(identity, identity.org)) {
    throw new ForbiddenError(`You can create officers only in your own organisation (${identity.org}).`);
  }
  return createOfficer(input, actorOf(identity));
}
