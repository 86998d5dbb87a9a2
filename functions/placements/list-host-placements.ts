import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { listHostPlacements } from '../../shared/use-cases/list-placements';

export const handler = defineHandler(secondmentRoutes.listHostPlacements, async ({ identity, params, query }) => listHostPlacements(identity, params.orgId, query));
