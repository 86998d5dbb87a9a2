import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { closeCampaign } from '../../shared/use-cases/end-campaign';
import { campaignView } from '../../shared/use-cases/campaign-view';

export const handler = defineHandler(campaignRoutes.closeCampaign, async ({ identity, params, body }) =>
  campaignView(await closeCampaign(identity, params.id, body?.note ?? '')),
);
