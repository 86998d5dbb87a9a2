import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { setPoolConsent } from '../../shared/use-cases/pool-consent';

export const handler = defineHandler(routes.setPoolConsent, async ({ identity, params, body }) => setPoolConsent(identity, params.id, body));
