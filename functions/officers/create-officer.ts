import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { actorOf } from '../../shared/data/audit.repository';
import { createOfficer } from '../../shared/data/officer.repository';
import { ForbiddenError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag } from '../../shared/http/versioning';

/** An HR lead creates officers of their own organisation only; the organisation is checked against the token. */
export const handler = defineHandler(officersRoutes.createOfficer, async ({ identity, body }) => {
  if (body.homeOrgId !== identity.org) {
    throw new ForbiddenError(`You can create officers only in your own organisation (${identity.org}).`);
  }
  const officer = await createOfficer(body, actorOf(identity));
  return reply(201, officer, { location: `/v1/officers/${officer.id}`, etag: etag(officer.version) });
});
