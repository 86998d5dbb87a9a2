import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { makeOffer } from '../../shared/use-cases/make-offer';

export const handler = defineHandler(routes.makeOffer, async ({ identity, params, body }) => makeOffer(identity, params.id, body));
