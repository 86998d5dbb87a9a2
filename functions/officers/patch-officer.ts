import { routes } from '../../shared/api/routes';
import { actorOf } from '../../shared/data/audit.repository';
import { getOfficer, updateOfficer } from '../../shared/data/officer.repository';
import { canEditOfficer } from '../../shared/domain/access';
import { NotFoundError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';

/** The home HR lead changes an officer; counters move in the same transaction (see updateOfficer). */
export const handler = defineHandler(routes.patchOfficer, async ({ identity, params, body, headers }) => {
  const expected = expectedVersion(body.version, headers);
  const before = await getOfficer(params.officerId, true);
  if (!before || !canEditOfficer(identity, before)) throw new NotFoundError(`No officer ${params.officerId}.`);
  const { version: _version, ...change } = body;
  const { officer } = await updateOfficer(before, change, expected, actorOf(identity));
  return reply(200, officer, { etag: etag(officer.version) });
});
