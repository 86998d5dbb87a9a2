import { getPlacement, listOpenPlacements, listPlacementsOfHost, placementView, type PlacementFilter } from '../data/placement.repository';
import type { Page } from '../data/paging';
import { todayIso } from '../domain/working-days';
import { isHrLeadOf } from '../domain/access';
import { placementsLeftOut } from '../domain/secondment-rules';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Placement } from '../schemas/placement.schema';
import { applicantContext, eligibilityFor } from './placement-eligibility';

/**
 * Open placements not past their closing date, by closing date (a full one
 * is listed, with no places left and `takingApplications` false), narrowed by
 * region, capability, host and PIP development. An officer sees, on each,
 * whether they may apply and why not: their record and home are read in
 * parallel with the page, so the list stays one round trip. An officer's own
 * organisation's placements are left out unless asked for (`placementsLeftOut`).
 */
export async function listPlacements(
  identity: Identity,
  query: Omit<PlacementFilter, 'excludeHostOrgId'> & { includeOwnOrganisation?: boolean; limit: number; cursor?: string },
  now = new Date(),
): Promise<Page<Placement>> {
  const today = todayIso(now);
  const { limit, cursor, includeOwnOrganisation, ...rest } = query;
  const leftOut = placementsLeftOut(identity, { hostOrgId: rest.hostOrgId, includeOwnOrganisation });
  const filter: PlacementFilter = { ...rest, ...(leftOut ? { excludeHostOrgId: leftOut } : {}) };
  const [page, ctx] = await Promise.all([listOpenPlacements(filter, today, { limit, ...(cursor ? { cursor } : {}) }), applicantContext(identity)]);
  return {
    ...page,
    items: page.items.map((p) => ({ ...placementView(p, today), ...(ctx ? { eligible: eligibilityFor(ctx, p, today) } : {}) })),
  };
}

/** One placement, whatever its status, with the caller's eligibility when they are an officer. */
export async function getPlacementFor(identity: Identity, placementId: string, now = new Date()): Promise<Placement> {
  const [placement, ctx] = await Promise.all([getPlacement(placementId), applicantContext(identity)]);
  if (!placement) throw new NotFoundError(`No placement ${placementId}.`);
  const today = todayIso(now);
  return { ...placementView(placement, today), ...(ctx ? { eligible: eligibilityFor(ctx, placement, today) } : {}) };
}

/**
 * Every placement a host organisation has posted (open, closed, cancelled,
 * past), latest closing date first, for that organisation's HR lead; anyone
 * else is told there is no such list (404), as for other organisations' records.
 */
export async function listHostPlacements(identity: Identity, orgId: string, query: { limit: number; cursor?: string }, now = new Date()): Promise<Page<Placement>> {
  if (!isHrLeadOf(identity, orgId)) throw new NotFoundError(`No placements of ${orgId} visible to you.`);
  const page = await listPlacementsOfHost(orgId, query);
  const today = todayIso(now);
  return { ...page, items: page.items.map((p) => placementView(p, today)) };
}
