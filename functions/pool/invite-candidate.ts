import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { inviteCandidate } from '../../shared/use-cases/pool-invite';

export const handler = defineHandler(routes.inviteCandidate, async ({ identity, params, body }) => inviteCandidate(identity, params.id, body));
