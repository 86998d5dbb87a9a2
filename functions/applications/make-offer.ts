import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { applicationView } from '../../shared/use-cases/application-access';
import { defineHandler } from '../../shared/http/handler';
import { makeOffer } from '../../shared/use-cases/make-offer';

export const handler = defineHandler(applicationRoutes.makeOffer, async ({ identity, params, body }) =>
  applicationView(await makeOffer(identity, params.id, body)),
);
