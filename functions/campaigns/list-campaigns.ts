import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler } from '../../shared/http/handler';
import { campaignSummaryView } from '../../shared/use-cases/campaign-view';
import { listVisibleCampaigns } from '../../shared/use-cases/list-campaigns';

/**
 * Campaigns by organisation, status or capability, each one the caller could
 * also open, with whether each takes applications today (an open one may
 * still be waiting for its opening date).
 */
export const handler = defineHandler(campaignRoutes.listCampaigns, async ({ identity, query }) => {
  const page = await listVisibleCampaigns(identity, query);
  return { ...page, items: page.items.map((c) => campaignSummaryView(c)) };
});
