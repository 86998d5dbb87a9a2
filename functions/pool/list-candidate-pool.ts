import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listCandidatePool } from '../../shared/use-cases/pool-browse';

export const handler = defineHandler(routes.listCandidatePool, async ({ identity, params, query }) => listCandidatePool(identity, params.id, query));
