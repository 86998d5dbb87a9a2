import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { withdrawApplication } from '../../shared/use-cases/withdraw-application';

export const handler = defineHandler(applicationRoutes.withdrawApplication, async ({ identity, params }) => withdrawApplication(identity, params.id));
