import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { listHomeSecondmentApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(secondmentRoutes.listHomeSecondmentApplications, async ({ identity, params, query }) =>
  listHomeSecondmentApplications(identity, params.orgId, query),
);
