import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { decideAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(routes.decideAlert, async ({ identity, params, body }) => decideAlert(identity, params.id, body));
