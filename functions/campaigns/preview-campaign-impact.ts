import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { assessCampaignImpact } from '../../shared/use-cases/assess-campaign-impact';

/** The new-campaign form's live preview: the same assessment, for a campaign not yet saved. */
export const handler = defineHandler(campaignRoutes.previewCampaignImpact, async ({ identity, body }) => {
  const { assessment } = await assessCampaignImpact({ ...body, ownerOrgId: body.ownerOrgId ?? identity.org, sourceCaps: {} });
  return { campaignId: 'preview', capabilityId: body.capabilityId, ...assessment };
});
