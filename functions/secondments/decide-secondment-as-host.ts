import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { decideSecondmentAsHost } from '../../shared/use-cases/decide-secondment';

export const handler = defineHandler(routes.decideSecondmentAsHost, async ({ identity, params, body }) => decideSecondmentAsHost(identity, params.id, body));
