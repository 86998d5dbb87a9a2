import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { closeCampaign } from '../../shared/use-cases/end-campaign';

export const handler = defineHandler(routes.closeCampaign, async ({ identity, params, body }) => closeCampaign(identity, params.id, body?.note ?? ''));
