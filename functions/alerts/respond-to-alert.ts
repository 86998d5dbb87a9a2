import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { respondToAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(routes.respondToAlert, async ({ identity, params, body }) => respondToAlert(identity, params.id, body));
