import { getPlacement, listOpenPlacements, placementView, type PlacementFilter } from '../data/placement.repository';
import type { Page } from '../data/paging';
import { todayIso } from '../domain/working-days';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Placement } from '../schemas/placement.schema';
import { applicantContext, eligibilityFor } from './placement-eligibility';

/**
 * Open placements still taking applications, by closing date, narrowed by
 * region, capability, host and PIP development. An officer sees, on each,
 * whether they may apply and why not: their record and home are read in
 * parallel with the page, so the list stays one round trip.
 */
export async function listPlacements(
  identity: Identity,
  query: PlacementFilter & { limit: number; cursor?: string },
  now = new Date(),
): Promise<Page<Placement>> {
  const today = todayIso(now);
  const { limit, cursor, ...filter } = query;
  const [page, ctx] = await Promise.all([listOpenPlacements(filter, today, { limit, ...(cursor ? { cursor } : {}) }), applicantContext(identity)]);
  return {
    ...page,
    items: page.items.map((p) => ({ ...placementView(p), ...(ctx ? { eligible: eligibilityFor(ctx, p, today) } : {}) })),
  };
}

/** One placement, whatever its status, with the caller's eligibility when they are an officer. */
export async function getPlacementFor(identity: Identity, placementId: string, now = new Date()): Promise<Placement> {
  const [placement, ctx] = await Promise.all([getPlacement(placementId), applicantContext(identity)]);
  if (!placement) throw new NotFoundError(`No placement ${placementId}.`);
  return { ...placementView(placement), ...(ctx ? { eligible: eligibilityFor(ctx, placement, todayIso(now)) } : {}) };
}
