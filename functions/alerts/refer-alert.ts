import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler } from '../../shared/http/handler';
import { referAlert } from '../../shared/use-cases/decide-alert';

export const handler = defineHandler(alertRoutes.referAlert, async ({ identity, params, body }) => referAlert(identity, params.id, body?.note ?? ''));
