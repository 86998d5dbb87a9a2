import { poolRoutes } from '../../shared/api/routes/pool.routes';
import { defineHandler } from '../../shared/http/handler';
import { listCandidatePool } from '../../shared/use-cases/pool-browse';

export const handler = defineHandler(poolRoutes.listCandidatePool, async ({ identity, params, query }) => listCandidatePool(identity, params.id, query));
