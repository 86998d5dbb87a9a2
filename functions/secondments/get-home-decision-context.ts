import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { getHomeDecisionContext } from '../../shared/use-cases/decision-context';

/** What the home's ROCU head or HR lead needs to know before deciding a secondment. */
export const handler = defineHandler(secondmentRoutes.getHomeDecisionContext, async ({ identity, params }) => reply(200, await getHomeDecisionContext(identity, params.id)));
