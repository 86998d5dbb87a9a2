import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { draftCampaign } from '../../shared/use-cases/create-campaign';
import { campaignView } from '../../shared/use-cases/campaign-view';

export const handler = defineHandler(campaignRoutes.createCampaign, async ({ identity, body }) => {
  const campaign = await draftCampaign(identity, body);
  return reply(201, campaignView(campaign), { location: `/v1/campaigns/${campaign.id}`, etag: etag(campaign.version) });
});
