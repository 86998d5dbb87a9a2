import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { proposeTransfer } from '../../shared/use-cases/transfer-officer';

export const handler = defineHandler(officersRoutes.proposeOfficerTransfer, async ({ identity, params, body, headers }) => {
  const officer = await proposeTransfer(identity, params.officerId, { toOrgId: body.toOrgId, note: body.note }, expectedVersion(body.version, headers));
  return reply(200, officer, { etag: etag(officer.version) });
});
