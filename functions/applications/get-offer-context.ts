import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { getOfferContext } from '../../shared/use-cases/decision-context';

/** What the campaign's HR lead needs to know before making an offer. */
export const handler = defineHandler(applicationRoutes.getOfferContext, async ({ identity, params }) => reply(200, await getOfferContext(identity, params.id)));
