import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { getCampaign } from '../../shared/data/campaign.repository';
import { canSeeCampaign } from '../../shared/domain/access';
import { NotFoundError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { campaignView } from '../../shared/use-cases/campaign-view';

/** A draft is "not found" outside its owner's and partners' HR. */
export const handler = defineHandler(campaignRoutes.getCampaign, async ({ identity, params }) => {
  const campaign = await getCampaign(params.id);
  if (!campaign || !canSeeCampaign(identity, campaign)) throw new NotFoundError(`No campaign ${params.id}.`);
  return reply(200, campaignView(campaign), { etag: etag(campaign.version) });
});
