import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyApplications } from '../../shared/use-cases/list-applications';

export const handler = defineHandler(routes.listMyApplications, async ({ identity, query }) => listMyApplications(identity, query));
