import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { audiencesFor, listInbox } from '../../shared/data/alert.repository';
import { defineHandler } from '../../shared/http/handler';

/** One Query per inbox the caller may read (in parallel): their unit's, their campaigns', their regions' escalations. */
export const handler = defineHandler(alertRoutes.listAlerts, async ({ identity, query }) => {
  return listInbox(audiencesFor(identity), { status: query.status, kind: query.kind, campaignId: query.campaignId }, query);
});
