import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { audiencesFor, getAlert } from '../../shared/data/alert.repository';
import { listAudit } from '../../shared/data/audit.repository';
import { NotFoundError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';

/** Visible to the audiences it was raised for (ERSOU's head never sees TITAN's); with its decision history. */
export const handler = defineHandler(alertRoutes.getAlert, async ({ identity, params }) => {
  const mine = new Set(audiencesFor(identity));
  const [alert, history] = await Promise.all([getAlert(params.id), listAudit('alert', params.id, { limit: 100 })]);
  if (!alert || !alert.audiences.some((a) => mine.has(a))) throw new NotFoundError(`No alert ${params.id}.`);
  return reply(200, { ...alert, history: history.items }, { etag: etag(alert.version) });
});
