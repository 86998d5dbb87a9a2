import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler } from '../../shared/http/handler';
import { decideAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(alertRoutes.decideAlert, async ({ identity, params, body }) => decideAlert(identity, params.id, body));
