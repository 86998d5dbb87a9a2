import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { placementView } from '../../shared/data/placement.repository';
import { defineHandler, reply } from '../../shared/http/handler';
import { createPlacement } from '../../shared/use-cases/create-placement';
import { todayIso } from '../../shared/domain/working-days';

export const handler = defineHandler(secondmentRoutes.createPlacement, async ({ identity, body }) => {
  const placement = await createPlacement(identity, body);
  return reply(201, placementView(placement, todayIso()), { location: `/v1/placements/${placement.id}` });
});
