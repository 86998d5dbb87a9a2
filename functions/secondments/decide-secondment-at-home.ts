import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { decideSecondmentAtHome } from '../../shared/use-cases/decide-secondment';

export const handler = defineHandler(routes.decideSecondmentAtHome, async ({ identity, params, body }) => decideSecondmentAtHome(identity, params.id, body));
