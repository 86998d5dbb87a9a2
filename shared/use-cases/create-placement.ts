import { actorOf } from '../data/audit.repository';
import { createPlacement as putPlacement, placementView, type StoredPlacement } from '../data/placement.repository';
import { isHrLeadOf } from '../domain/access';
import { placementEndDate, placementViolations } from '../domain/secondment-rules';
import { todayIso } from '../domain/working-days';
import { ForbiddenError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import type { CreatePlacementInput, Placement } from '../schemas/placement.schema';

/**
 * The host's HR lead posts a placement. Primary course: the host is the
 * caller's own organisation (403 otherwise); the dates and the PIP target
 * make sense (400 naming each problem); then one transaction puts the
 * placement, open, with no place confirmed, checks the host and the
 * capability exist, and writes the audit entry.
 */
export async function createPlacement(identity: Identity, input: CreatePlacementInput, now = new Date()): Promise<StoredPlacement> {
  if (!isHrLeadOf(identity, input.hostOrgId)) {
    throw new ForbiddenError('You can post placements only for your own organisation.', [{ field: 'hostOrgId', message: `not ${identity.org}` }]);
  }
  const violations = placementViolations(input, todayIso(now));
  if (violations.length) {
    throw new ValidationError(`The placement is not valid: ${violations.map((v) => v.message).join('; ')}.`, violations.map((v) => ({ ...v })));
  }
  const at = now.toISOString();
  const placement: StoredPlacement = {
    id: newId('plc', now.getTime()),
    title: input.title,
    hostOrgId: input.hostOrgId,
    capabilityId: input.capabilityId,
    description: input.description ?? null,
    places: input.places,
    confirmed: 0,
    startDate: input.startDate,
    durationMonths: input.durationMonths,
    endDate: placementEndDate(input.startDate, input.durationMonths),
    region: input.region,
    eligibility: { homeOrgTypes: [...input.eligibility.homeOrgTypes], vetting: input.eligibility.vetting, minPipLevel: input.eligibility.minPipLevel },
    pipDevelopmentLevel: input.pipDevelopmentLevel,
    closesOn: input.closesOn,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return putPlacement(placement, actorOf(identity));
}

/** `POST /v1/placements`: create the placement (see `createPlacement`) and answer with its API view on today's date. */
export async function postPlacement(identity: Identity, input: CreatePlacementInput, now = new Date()): Promise<Omit<Placement, 'eligible'>> {
  return placementView(await createPlacement(identity, input, now), todayIso(now));
}
