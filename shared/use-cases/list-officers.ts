import { findOfficerIdByStaffNumber, getOfficer, listOfficersOfOrg, type OfficerFilter } from '../data/officer.repository';
import type { Page } from '../data/paging';
import { canListOfficersOf } from '../domain/access';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';

/**
 * Officers of one organisation (the caller's own unless `orgId` names
 * another), for its HR lead and ROCU head only (`canListOfficersOf`), in name
 * order, narrowed by name, capability, status and vetting expiry (filters
 * within the organisation's officer partition of gsi1). A staff number is
 * unique in its organisation, so a search by it is two reads instead: the
 * staff-number claim, then that officer.
 */
export async function listOfficers(
  identity: Identity,
  query: OfficerFilter & { orgId?: string | undefined; staffNumber?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<Officer>> {
  const { orgId: asked, staffNumber, limit, cursor, ...filter } = query;
  const orgId = asked ?? identity.org;
  if (!canListOfficersOf(identity, orgId)) throw new ForbiddenError('You can list officers of your own organisation only.');
  if (staffNumber) {
    const officerId = await findOfficerIdByStaffNumber(orgId, staffNumber);
    const officer = officerId ? await getOfficer(officerId) : undefined;
    return { items: officer && officer.homeOrgId === orgId ? [officer] : [] };
  }
  return listOfficersOfOrg(orgId, filter, { limit, ...(cursor ? { cursor } : {}) });
}
