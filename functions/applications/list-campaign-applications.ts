import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listCampaignApplications } from '../../shared/use-cases/list-applications';

export const handler = defineHandler(routes.listCampaignApplications, async ({ identity, params, query }) =>
  listCampaignApplications(identity, params.id, query),
);
