import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { readCampaignImpact } from '../../shared/use-cases/read-campaign';

/** Recomputed on every read from the campaign and the current baselines: it follows every edit and every baseline change. */
export const handler = defineHandler(campaignRoutes.getCampaignImpact, async ({ identity, params }) => readCampaignImpact(identity, params.id));
