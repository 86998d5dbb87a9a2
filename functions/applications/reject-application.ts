import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { rejectApplication } from '../../shared/use-cases/reject-application';

export const handler = defineHandler(applicationRoutes.rejectApplication, async ({ identity, params }) => rejectApplication(identity, params.id));
