import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { getAlertContext } from '../../shared/use-cases/decision-context';

/** The facts beside an alert's decision, for whoever may read the alert. */
export const handler = defineHandler(alertRoutes.getAlertContext, async ({ identity, params }) => reply(200, await getAlertContext(identity, params.id)));
