import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { makeOffer } from '../../shared/use-cases/make-offer';

export const handler = defineHandler(applicationRoutes.makeOffer, async ({ identity, params, body }) => makeOffer(identity, params.id, body));
