import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { changeOfficer } from '../../shared/use-cases/change-officer';

export const handler = defineHandler(officersRoutes.patchOfficer, async ({ identity, params, body, headers }) => {
  const expected = expectedVersion(body.version, headers);
  const { version: _version, ...change } = body;
  const officer = await changeOfficer(identity, params.officerId, change, expected);
  return reply(200, officer, { etag: etag(officer.version) });
});
