import { listBaselinesOfCapability } from '../data/capability.repository';
import { listOrganisations } from '../data/organisation.repository';
import { assessImpact, type ImpactAssessment, type ImpactCampaign } from '../domain/impact';
import type { Organisation } from '../schemas/organisation.schema';

export interface AssessedImpact {
  assessment: ImpactAssessment;
  organisations: Map<string, Organisation>;
}

/**
 * The impact of a campaign (or a draft of one) on every ROCU's team for its
 * capability. Two Queries in parallel — the organisations, and every
 * organisation's baseline for the capability (gsi1) — whatever the number of
 * officers, since eligible holders come from the counters on each baseline.
 */
export async function assessCampaignImpact(campaign: ImpactCampaign & { capabilityId: string }): Promise<AssessedImpact> {
  const [orgs, baselines] = await Promise.all([listOrganisations(), listBaselinesOfCapability(campaign.capabilityId)]);
  const rocuIds = orgs.filter((o) => o.type === 'rocu').map((o) => o.id);
  return { assessment: assessImpact(campaign, rocuIds, baselines), organisations: new Map(orgs.map((o) => [o.id, o])) };
}
