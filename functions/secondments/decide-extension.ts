import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { decideExtension } from '../../shared/use-cases/extend-secondment';

export const handler = defineHandler(secondmentRoutes.decideSecondmentExtension, async ({ identity, params, body }) => decideExtension(identity, params.id, body));
