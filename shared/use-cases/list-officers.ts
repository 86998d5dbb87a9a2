import { listOfficersOfOrg, type OfficerFilter } from '../data/officer.repository';
import type { Page } from '../data/paging';
import { canListOfficersOf } from '../domain/access';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/**
 * Officers of one organisation (the caller's own unless `orgId` names
 * another), for its HR lead and ROCU head only (`canListOfficersOf`). One
 * Query of gsi1.
 */
export async function listOfficers(
  identity: Identity,
  query: OfficerFilter & { orgId?: string; limit: number; cursor?: string },
): Promise<Page<Officer>> {
  const orgId = query.orgId ?? identity.org;
  if (!canListOfficersOf(identity, orgId)) throw new ForbiddenError(`You can list officers of your own organisation only.`);
  return listOfficersOfOrg(orgId, { capabilityId: query.capabilityId, status: query.status }, query);
}
