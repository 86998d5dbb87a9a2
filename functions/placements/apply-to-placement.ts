import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { applyToPlacement } from '../../shared/use-cases/apply-to-placement';

export const handler = defineHandler(secondmentRoutes.applyToPlacement, async ({ identity, params, body }) => {
  const app = await applyToPlacement(identity, params.id, body);
  return reply(201, app, { location: `/v1/secondment-applications/${app.id}` });
});
