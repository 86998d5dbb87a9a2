import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { extendPosting } from '../../shared/use-cases/officer-posting';

export const handler = defineHandler(officersRoutes.extendOfficerPosting, async ({ identity, params, body, headers }) => {
  const officer = await extendPosting(identity, params.officerId, { servingUntil: body.servingUntil, note: body.note }, expectedVersion(body.version, headers));
  return reply(200, officer, { etag: etag(officer.version) });
});
