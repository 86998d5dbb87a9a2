import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { getSecondmentApplication } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(secondmentRoutes.getSecondmentApplication, async ({ identity, params }) => {
  const app = await getSecondmentApplication(identity, params.id);
  return reply(200, app, { etag: etag(app.version) });
});
