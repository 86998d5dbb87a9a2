import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { acceptOffer } from '../../shared/use-cases/accept-offer';

export const handler = defineHandler(routes.acceptOffer, async ({ identity, params }) => acceptOffer(identity, params.id));
