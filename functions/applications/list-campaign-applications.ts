import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { listCampaignApplications } from '../../shared/use-cases/list-applications';

export const handler = defineHandler(applicationRoutes.listCampaignApplications, async ({ identity, params, query }) =>
  listCampaignApplications(identity, params.id, query),
);
