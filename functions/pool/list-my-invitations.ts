import { poolRoutes } from '../../shared/api/routes/pool.routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyInvitations } from '../../shared/use-cases/pool-my-invitations';

export const handler = defineHandler(poolRoutes.listMyInvitations, async ({ identity, query }) => listMyInvitations(identity, query));
