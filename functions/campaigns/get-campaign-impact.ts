import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { getCampaign } from '../../shared/data/campaign.repository';
import { canSeeCampaign, impactRowsVisible } from '../../shared/domain/access';
import { worstLevel } from '../../shared/domain/capability-level';
import { NotFoundError } from '../../shared/errors';
import { defineHandler } from '../../shared/http/handler';
import { assessCampaignImpact } from '../../shared/use-cases/assess-campaign-impact';

/** Recomputed on every read from the campaign and the current baselines: it follows every edit and every baseline change. */
export const handler = defineHandler(campaignRoutes.getCampaignImpact, async ({ identity, params }) => {
  const campaign = await getCampaign(params.id);
  if (!campaign || !canSeeCampaign(identity, campaign)) throw new NotFoundError(`No campaign ${params.id}.`);
  const visible = impactRowsVisible(identity, campaign);
  const { assessment } = await assessCampaignImpact(campaign);
  const rows = visible === 'all' ? assessment.rows : assessment.rows.filter((r) => r.orgId === identity.org);
  return { campaignId: campaign.id, capabilityId: campaign.capabilityId, rows, worstLevel: worstLevel(rows.map((r) => r.level)) };
});
