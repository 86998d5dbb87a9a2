import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { cancelCampaign } from '../../shared/use-cases/end-campaign';
import { campaignView } from '../../shared/use-cases/campaign-view';

export const handler = defineHandler(campaignRoutes.cancelCampaign, async ({ identity, params, body }) =>
  campaignView(await cancelCampaign(identity, params.id, body?.note ?? '')),
);
