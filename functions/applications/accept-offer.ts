import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { acceptOffer } from '../../shared/use-cases/accept-offer';

export const handler = defineHandler(applicationRoutes.acceptOffer, async ({ identity, params }) => acceptOffer(identity, params.id));
