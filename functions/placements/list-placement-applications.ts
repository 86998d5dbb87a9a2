import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listPlacementApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(routes.listPlacementApplications, async ({ identity, params, query }) =>
  listPlacementApplications(identity, params.id, query),
);
