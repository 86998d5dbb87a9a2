import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { decideSecondmentAtHome } from '../../shared/use-cases/decide-secondment';

export const handler = defineHandler(secondmentRoutes.decideSecondmentAtHome, async ({ identity, params, body }) => decideSecondmentAtHome(identity, params.id, body));
