import { poolRoutes } from '../../shared/api/routes/pool.routes';
import { defineHandler } from '../../shared/http/handler';
import { setPoolConsent } from '../../shared/use-cases/pool-consent';

export const handler = defineHandler(poolRoutes.setPoolConsent, async ({ identity, params, body }) => setPoolConsent(identity, params.id, body));
