import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { cancelCampaign } from '../../shared/use-cases/end-campaign';

export const handler = defineHandler(campaignRoutes.cancelCampaign, async ({ identity, params, body }) => cancelCampaign(identity, params.id, body?.note ?? ''));
