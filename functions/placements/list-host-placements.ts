import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listHostPlacements } from '../../shared/use-cases/list-placements';

export const handler = defineHandler(routes.listHostPlacements, async ({ identity, params, query }) => listHostPlacements(identity, params.orgId, query));
