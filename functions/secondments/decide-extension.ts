import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { decideExtension } from '../../shared/use-cases/extend-secondment';

export const handler = defineHandler(routes.decideSecondmentExtension, async ({ identity, params, body }) => decideExtension(identity, params.id, body));
