import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listMySecondmentApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(routes.listMySecondmentApplications, async ({ identity, query }) => listMySecondmentApplications(identity, query));
