import { getBaselines, listBaselinesOfCapability } from '../data/capability.repository';
import { listOrganisations } from '../data/organisation.repository';
import { assessImpact, coHeldTeams, type ImpactAssessment, type ImpactCampaign } from '../domain/impact';
import type { Organisation } from '../schemas/organisation.schema';

export interface AssessedImpact {
  assessment: ImpactAssessment;
  organisations: Map<string, Organisation>;
}

/**
 * The impact of a campaign (or a draft of one) on every ROCU's teams: the
 * team of its capability, and each team of another capability that its
 * eligible holders there also hold. Two round trips whatever the number of
 * officers: the organisations ∥ every organisation's baseline for the
 * capability (gsi1, with its holder and co-holder counters); then one
 * BatchGetItem of the co-held teams' baselines (at most ROCUs × capabilities
 * keys, in batches of 100 in parallel), skipped when no eligible holder
 * holds another capability.
 */
export async function assessCampaignImpact(campaign: ImpactCampaign): Promise<AssessedImpact> {
  const [orgs, baselines] = await Promise.all([listOrganisations(), listBaselinesOfCapability(campaign.capabilityId)]);
  const rocuIds = orgs.filter((o) => o.type === 'rocu').map((o) => o.id);
  const coHeld = await getBaselines(coHeldTeams(campaign, rocuIds, baselines));
  return { assessment: assessImpact(campaign, rocuIds, baselines, coHeld), organisations: new Map(orgs.map((o) => [o.id, o])) };
}
