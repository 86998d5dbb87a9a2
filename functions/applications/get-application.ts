import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { readApplication } from '../../shared/use-cases/read-application';

/** The applicant and the campaign's HR leads see an application; to anyone else it does not exist. */
export const handler = defineHandler(applicationRoutes.getApplication, async ({ identity, params }) => {
  const app = await readApplication(identity, params.id);
  return reply(200, app, { etag: etag(app.version) });
});
