import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { readOfficer } from '../../shared/use-cases/read-officer';

/** Officers of another organisation are "not found" (their existence does not leak), unless a transfer to the caller's waits. */
export const handler = defineHandler(officersRoutes.getOfficer, async ({ identity, params }) => {
  const officer = await readOfficer(identity, params.officerId);
  return reply(200, officer, { etag: etag(officer.version) });
});
