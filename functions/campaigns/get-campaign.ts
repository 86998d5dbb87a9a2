import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { campaignView } from '../../shared/use-cases/campaign-view';
import { readCampaign } from '../../shared/use-cases/read-campaign';

/** A draft is "not found" outside its owner's and partners' HR. */
export const handler = defineHandler(campaignRoutes.getCampaign, async ({ identity, params }) => {
  const campaign = await readCampaign(identity, params.id);
  return reply(200, campaignView(campaign), { etag: etag(campaign.version) });
});
