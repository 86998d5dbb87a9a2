import { actorOf } from '../data/audit.repository';
import { createOfficer } from '../data/officer.repository';
import { canCreateOfficerIn } from '../domain/access';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { CreateOfficerInput, Officer } from '../schemas/officer.schema';

/**
 * Add an officer to the caller's own organisation (`canCreateOfficerIn`: the
 * organisation in the body must be the token's). One transaction: see
 * `createOfficer`.
 */
export async function registerOfficer(identity: Identity, input: CreateOfficerInput): Promise<Officer> {
  if (!canCreateOfficerIn(identity, input.homeOrgId)) {
    throw new ForbiddenError(`You can create officers only in your own organisation (${identity.org}).`);
  }
  return createOfficer(input, actorOf(identity));
}
