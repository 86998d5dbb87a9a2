import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { postPlacement } from '../../shared/use-cases/create-placement';

export const handler = defineHandler(secondmentRoutes.createPlacement, async ({ identity, body }) => {
  const placement = await postPlacement(identity, body);
  return reply(201, placement, { location: `/v1/placements/${placement.id}` });
});
