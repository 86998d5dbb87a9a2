import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { publishCampaign } from '../../shared/use-cases/publish-campaign';
import { campaignView } from '../../shared/use-cases/campaign-view';

export const handler = defineHandler(campaignRoutes.publishCampaign, async ({ identity, params }) => {
  const result = await publishCampaign(identity, params.id);
  return { ...result, campaign: campaignView(result.campaign) };
});
