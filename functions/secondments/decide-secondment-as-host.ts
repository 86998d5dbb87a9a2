import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { decideSecondmentAsHost } from '../../shared/use-cases/decide-secondment';

export const handler = defineHandler(secondmentRoutes.decideSecondmentAsHost, async ({ identity, params, body }) => decideSecondmentAsHost(identity, params.id, body));
