import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { withdrawApplication } from '../../shared/use-cases/withdraw-application';

export const handler = defineHandler(routes.withdrawApplication, async ({ identity, params }) => withdrawApplication(identity, params.id));
