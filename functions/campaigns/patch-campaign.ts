import { campaignRoutes } from '../../shared/api/routes/campaign.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { editCampaign } from '../../shared/use-cases/edit-campaign';
import { campaignView } from '../../shared/use-cases/campaign-view';

export const handler = defineHandler(campaignRoutes.patchCampaign, async ({ identity, params, body, headers }) => {
  const expected = expectedVersion(body.version, headers);
  const { version: _version, ...patch } = body;
  const campaign = await editCampaign(identity, params.id, patch, expected);
  return reply(200, campaignView(campaign), { etag: etag(campaign.version) });
});
