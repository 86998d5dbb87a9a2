import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { getPlacementFor } from '../../shared/use-cases/list-placements';

export const handler = defineHandler(secondmentRoutes.getPlacement, async ({ identity, params }) => {
  const placement = await getPlacementFor(identity, params.id);
  return reply(200, placement, { etag: etag(placement.version) });
});
