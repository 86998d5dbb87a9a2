import { listBaselinesOfOrg } from '../data/capability.repository';
import { listOfficersArrivingAt, listOfficersServingIn } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { canSeeForecast } from '../domain/access';
import { forecastTeams, type ForecastItem } from '../domain/forecast';
import { todayIso } from '../domain/working-days';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Organisation } from '../schemas/organisation.schema';

export interface UnitForecast {
  orgId: string;
  asOf: string;
  items: ForecastItem[];
}

/**
 * A unit's forecast from the data the service keeps, with no check of who
 * asks (the early-warning job and the route share it). One round trip: the
 * unit's baselines ∥ the officers serving in it (gsi1) ∥ the officers who
 * will start counting in it (gsi2 arrivals), each read to its end.
 */
export async function forecastOfUnit(orgId: string, input: { months: number; capabilityId?: string | undefined }, now = new Date()): Promise<UnitForecast> {
  const [baselines, serving, arriving] = await Promise.all([listBaselinesOfOrg(orgId), listOfficersServingIn(orgId), listOfficersArrivingAt(orgId)]);
  const asOf = todayIso(now);
  const items = forecastTeams({
    orgId,
    asOf,
    months: input.months,
    capabilityId: input.capabilityId,
    teams: baselines.map((b) => ({ capabilityId: b.capabilityId, minimum: b.minimum, establishment: b.establishment, funding: b.funding })),
    officers: [...serving, ...arriving].map((o) => ({ ...o, commitments: o.commitments ?? [] })),
  });
  return { orgId, asOf, items };
}

/**
 * `GET /v1/organisations/{orgId}/forecast`. Primary course: the organisation
 * (404 when unknown) read with the unit's data in one round trip; the ROCU
 * head and HR lead of the unit, the ROCC of its region and NCA HR leads may
 * see it (403 otherwise: organisations are public, their forecasts are not).
 */
export async function capabilityForecast(identity: Identity, orgId: string, input: { months: number; capabilityId?: string | undefined }, now = new Date()): Promise<UnitForecast> {
  const [org, forecast] = await Promise.all([getOrganisation(orgId), forecastOfUnit(orgId, input, now)]);
  if (!org) throw new NotFoundError(`No organisation "${orgId}".`);
  if (!canSeeForecast(identity, orgOf(org))) {
    throw new ForbiddenError(`The forecast of ${org.name} is for its ROCU head and HR lead, the ROCC of its region and NCA HR leads.`);
  }
  return forecast;
}

function orgOf(org: Organisation): { id: string; region: string | null } {
  return { id: org.id, region: org.region };
}
