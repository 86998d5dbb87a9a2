import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { campaignView } from '../../shared/use-cases/campaign-view';
import { completeCampaign } from '../../shared/use-cases/end-campaign';

export const handler = defineHandler(campaignRoutes.completeCampaign, async ({ identity, params, body }) =>
  campaignView(await completeCampaign(identity, params.id, body?.note ?? '')),
);
