import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { publishCampaign } from '../../shared/use-cases/publish-campaign';

export const handler = defineHandler(campaignRoutes.publishCampaign, async ({ identity, params }) => publishCampaign(identity, params.id));
