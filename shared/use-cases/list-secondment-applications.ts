import type { Page } from '../data/paging';
import { getPlacement } from '../data/placement.repository';
import { listApplicationsOfOfficerOfType, listSecondmentsOfHome, listSecondmentsOfPlacement, secondmentFromItem, type StoredSecondment } from '../data/secondment.repository';
import { isHrLeadOf, isRocuHeadOf } from '../domain/access';
import type { SecondmentStatus } from '../domain/secondment-rules';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { secondmentFor } from './secondment-access';

/**
 * A placement's applications, for the host's HR lead. The placement and the
 * first page are read in parallel; the page is shown only if the caller may
 * see it (anyone else gets 404).
 */
export async function listPlacementApplications(
  identity: Identity,
  placementId: string,
  query: { status?: SecondmentStatus; limit: number; cursor?: string },
): Promise<Page<StoredSecondment>> {
  const [placement, page] = await Promise.all([getPlacement(placementId), listSecondmentsOfPlacement(placementId, { status: query.status }, query)]);
  if (!placement || !isHrLeadOf(identity, placement.hostOrgId)) throw new NotFoundError(`No placement ${placementId} of yours.`);
  return page;
}

/** The caller's own secondment applications, newest first. */
export async function listMySecondmentApplications(identity: Identity, query: { limit: number; cursor?: string }): Promise<Page<StoredSecondment>> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  return listApplicationsOfOfficerOfType(identity.officerId, 'secondment', secondmentFromItem, query);
}

/** One application, for the applicant, the host's HR lead and the home's HR lead and ROCU head. */
export async function getSecondmentApplication(identity: Identity, applicationId: string): Promise<StoredSecondment> {
  return secondmentFor(identity, applicationId, () => true, 'those involved');
}

/**
 * The secondment applications of a home organisation's officers, newest
 * first, for its ROCU head and HR lead (`?status=submitted`: those awaiting
 * the home decision). Anyone else gets 404, as for other organisations' records.
 */
export async function listHomeSecondmentApplications(
  identity: Identity,
  orgId: string,
  query: { status?: SecondmentStatus; limit: number; cursor?: string },
): Promise<Page<StoredSecondment>> {
  if (!isHrLeadOf(identity, orgId) && !isRocuHeadOf(identity, orgId)) throw new NotFoundError(`No secondment applications of ${orgId} visible to you.`);
  return listSecondmentsOfHome(orgId, { status: query.status }, query);
}
