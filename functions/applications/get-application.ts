import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { getApplication } from '../../shared/data/application.repository';
import { NotFoundError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { applicationView, isApplicant, isApplicationHr } from '../../shared/use-cases/application-access';

/** The applicant and the campaign's HR leads see an application; to anyone else it does not exist. */
export const handler = defineHandler(applicationRoutes.getApplication, async ({ identity, params }) => {
  const app = await getApplication(params.id, false);
  if (!app || !(isApplicant(identity, app) || isApplicationHr(identity, app))) throw new NotFoundError(`No application ${params.id}.`);
  return reply(200, applicationView(app), { etag: etag(app.version) });
});
