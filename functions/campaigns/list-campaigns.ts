import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { listVisibleCampaigns } from '../../shared/use-cases/list-campaigns';

/** Campaigns by organisation, status or capability, each one the caller could also open. */
export const handler = defineHandler(campaignRoutes.listCampaigns, async ({ identity, query }) => listVisibleCampaigns(identity, query));
