import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { listPlacements } from '../../shared/use-cases/list-placements';

export const handler = defineHandler(secondmentRoutes.listPlacements, async ({ identity, query }) => listPlacements(identity, query));
