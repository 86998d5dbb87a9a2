import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyApplications } from '../../shared/use-cases/list-applications';

export const handler = defineHandler(applicationRoutes.listMyApplications, async ({ identity, query }) => listMyApplications(identity, query));
