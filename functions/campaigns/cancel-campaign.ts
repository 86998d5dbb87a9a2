import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { cancelCampaign } from '../../shared/use-cases/end-campaign';

export const handler = defineHandler(routes.cancelCampaign, async ({ identity, params, body }) => cancelCampaign(identity, params.id, body?.note ?? ''));
