import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { applyToCampaign } from '../../shared/use-cases/apply-to-campaign';

export const handler = defineHandler(applicationRoutes.applyToCampaign, async ({ identity, params, body }) => {
  const app = await applyToCampaign(identity, params.id, body);
  return reply(201, app, { location: `/v1/applications/${app.id}` });
});
