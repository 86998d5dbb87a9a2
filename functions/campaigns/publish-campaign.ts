import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { publishCampaign } from '../../shared/use-cases/publish-campaign';

export const handler = defineHandler(routes.publishCampaign, async ({ identity, params }) => publishCampaign(identity, params.id));
