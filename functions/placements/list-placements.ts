import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listPlacements } from '../../shared/use-cases/list-placements';

export const handler = defineHandler(routes.listPlacements, async ({ identity, query }) => listPlacements(identity, query));
