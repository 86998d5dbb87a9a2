import { serviceRoutes } from '../../shared/api/routes/service.routes';
import { defineHandler } from '../../shared/http/handler';
import { checkHealth } from '../../shared/use-cases/check-health';

/** Healthy means the table answers: one GetItem of a key that never holds data. */
export const handler = defineHandler(serviceRoutes.getHealth, async () => checkHealth());
