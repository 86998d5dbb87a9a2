import { poolRoutes } from '../../shared/api/routes/pool.routes';
import { defineHandler } from '../../shared/http/handler';
import { markAppointable } from '../../shared/use-cases/pool-mark-appointable';

export const handler = defineHandler(poolRoutes.markAppointable, async ({ identity, params, body }) => markAppointable(identity, params.id, body));
