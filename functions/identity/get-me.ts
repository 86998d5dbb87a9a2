import { serviceRoutes } from '../../shared/api/routes/service.routes';
import { defineHandler } from '../../shared/http/handler';
import { describeCaller } from '../../shared/use-cases/describe-caller';

/** The caller's claims; an officer also gets their own record (one GetItem). */
export const handler = defineHandler(serviceRoutes.getMe, async ({ identity }) => describeCaller(identity));
