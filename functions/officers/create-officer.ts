import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';
import { registerOfficer } from '../../shared/use-cases/register-officer';

/** An HR lead creates the records of officers serving in their own organisation only; checked against the token. */
export const handler = defineHandler(officersRoutes.createOfficer, async ({ identity, body }) => {
  const officer = await registerOfficer(identity, body);
  return reply(201, officer, { location: `/v1/officers/${officer.id}`, etag: etag(officer.version) });
});
