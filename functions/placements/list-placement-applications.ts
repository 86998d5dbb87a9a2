import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { listPlacementApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(secondmentRoutes.listPlacementApplications, async ({ identity, params, query }) =>
  listPlacementApplications(identity, params.id, query),
);
