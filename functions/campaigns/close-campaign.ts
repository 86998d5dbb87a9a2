import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { closeCampaign } from '../../shared/use-cases/end-campaign';

export const handler = defineHandler(campaignRoutes.closeCampaign, async ({ identity, params, body }) => closeCampaign(identity, params.id, body?.note ?? ''));
