import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyInvitations } from '../../shared/use-cases/pool-my-invitations';

export const handler = defineHandler(routes.listMyInvitations, async ({ identity, query }) => listMyInvitations(identity, query));
