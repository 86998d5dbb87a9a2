import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { listMySecondmentApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(secondmentRoutes.listMySecondmentApplications, async ({ identity, query }) => listMySecondmentApplications(identity, query));
