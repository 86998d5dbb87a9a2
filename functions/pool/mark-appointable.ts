import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { markAppointable } from '../../shared/use-cases/pool-mark-appointable';

export const handler = defineHandler(routes.markAppointable, async ({ identity, params, body }) => markAppointable(identity, params.id, body));
