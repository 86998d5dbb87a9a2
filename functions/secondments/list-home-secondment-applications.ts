import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listHomeSecondmentApplications } from '../../shared/use-cases/list-secondment-applications';

export const handler = defineHandler(routes.listHomeSecondmentApplications, async ({ identity, params, query }) =>
  listHomeSecondmentApplications(identity, params.orgId, query),
);
