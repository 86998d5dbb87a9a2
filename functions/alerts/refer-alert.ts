import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { referAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(routes.referAlert, async ({ identity, params, body }) => referAlert(identity, params.id, body?.note ?? ''));
