import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler } from '../../shared/http/handler';
import { respondToAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(alertRoutes.respondToAlert, async ({ identity, params, body }) => respondToAlert(identity, params.id, body));
