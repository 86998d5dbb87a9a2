import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { getOfficer } from '../../shared/data/officer.repository';
import { canReadOfficer } from '../../shared/domain/access';
import { NotFoundError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';

/** Officers of another organisation are "not found" (their existence does not leak), unless a transfer to the caller's waits. */
export const handler = defineHandler(officersRoutes.getOfficer, async ({ identity, params }) => {
  const officer = await getOfficer(params.officerId);
  if (!officer || !canReadOfficer(identity, officer)) throw new NotFoundError(`No officer ${params.officerId}.`);
  return reply(200, officer, { etag: etag(officer.version) });
});
