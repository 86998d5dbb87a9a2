import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { decideTransfer } from '../../shared/use-cases/transfer-officer';

export const handler = defineHandler(officersRoutes.decideOfficerTransfer, async ({ identity, params, body, headers }) => {
  // The version is optional here: the receiving HR lead may pin the record they read, or decide on the current one.
  const expected = body.version !== undefined || headers['if-match'] !== undefined ? expectedVersion(body.version, headers) : undefined;
  const officer = await decideTransfer(identity, params.officerId, { decision: body.decision, note: body.note }, expected);
  return reply(200, officer, { etag: etag(officer.version) });
});
