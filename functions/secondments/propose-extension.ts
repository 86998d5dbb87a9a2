import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { proposeExtension } from '../../shared/use-cases/extend-secondment';

export const handler = defineHandler(routes.proposeSecondmentExtension, async ({ identity, params, body }) => proposeExtension(identity, params.id, body));
