import { alertRoutes } from '../../shared/api/routes/alert.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { readAlert } from '../../shared/use-cases/read-alert';

/** Visible to the audiences it was raised for (ERSOU's head never sees TITAN's); with its decision history. */
export const handler = defineHandler(alertRoutes.getAlert, async ({ identity, params }) => {
  const alert = await readAlert(identity, params.id);
  return reply(200, alert, { etag: etag(alert.version) });
});
