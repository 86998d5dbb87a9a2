import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { proposeExtension } from '../../shared/use-cases/extend-secondment';

export const handler = defineHandler(secondmentRoutes.proposeSecondmentExtension, async ({ identity, params, body }) => proposeExtension(identity, params.id, body));
