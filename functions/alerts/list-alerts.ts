import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler } from '../../shared/http/handler';
import { listAlertInbox } from '../../shared/use-cases/read-alert';

/** One Query per inbox the caller may read (in parallel): their unit's, their campaigns', their regions' escalations. */
export const handler = defineHandler(alertRoutes.listAlerts, async ({ identity, query }) => listAlertInbox(identity, query));
