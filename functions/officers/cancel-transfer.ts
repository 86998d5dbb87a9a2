import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { cancelTransfer } from '../../shared/use-cases/transfer-officer';

export const handler = defineHandler(officersRoutes.cancelOfficerTransfer, async ({ identity, params, body }) => {
  const officer = await cancelTransfer(identity, params.officerId, { note: body?.note ?? '' });
  return reply(200, officer, { etag: etag(officer.version) });
});
