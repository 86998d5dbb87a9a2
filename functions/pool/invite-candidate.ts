import { poolRoutes } from '../../shared/api/routes/pool.routes';
import { defineHandler } from '../../shared/http/handler';
import { inviteCandidate } from '../../shared/use-cases/pool-invite';

export const handler = defineHandler(poolRoutes.inviteCandidate, async ({ identity, params, body }) => inviteCandidate(identity, params.id, body));
