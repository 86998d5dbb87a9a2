import { listAllCampaignsWithStatus } from '../data/campaign.repository';
import { listOrganisations } from '../data/organisation.repository';
import { listAllBaselines } from '../data/report.repository';
import { isHrLeadOf, NCA_ORG_ID } from '../domain/access';
import { ready } from '../domain/campaign-readiness';
import { networkScenario } from '../domain/network-scenario';
import { todayIso } from '../domain/working-days';
import { ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import type { NetworkScenarioResponse } from '../schemas/forecast.schema';

/**
 * The regions a caller sees the scenario for: an NCA HR lead every ROCU (or
 * one region), a ROCC their own regions (or one of them); anyone else 403.
 */
function scenarioRegions(identity: Identity, region: string | undefined): string[] {
  if (isHrLeadOf(identity, NCA_ORG_ID)) return region ? [region] : [];
  if (identity.roles.includes('rocc')) {
    if (region && !identity.regions.includes(region)) throw new ForbiddenError(`You coordinate ${identity.regions.join(', ')}, not ${region}.`);
    return region ? [region] : [...identity.regions];
  }
  throw new ForbiddenError('The network scenario is for NCA HR leads and ROCCs.');
}

/**
 * `GET /v1/reports/network-scenario`. Primary course: check the caller's
 * scope; then, in one round trip, the open campaigns, every baseline and the
 * organisations; every open campaign assessed at its worst case and the
 * exposures summed per team (networkScenario); the ROCUs in scope only.
 */
export async function networkScenarioReport(identity: Identity, query: { region?: string | undefined }, now = new Date()): Promise<NetworkScenarioResponse> {
  const regions = scenarioRegions(identity, query.region);
  const [campaigns, baselines, organisations] = await Promise.all([listAllCampaignsWithStatus('open'), listAllBaselines(), listOrganisations()]);
  const rocuIds = organisations.filter((o) => o.type === 'rocu' && (regions.length === 0 || (o.region !== null && regions.includes(o.region)))).map((o) => o.id);
  return { asOf: todayIso(now), campaigns: campaigns.length, regions, items: networkScenario(campaigns.map(ready), rocuIds, baselines) };
}
