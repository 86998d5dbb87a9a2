import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { listOfficersOfOrg } from '../../shared/data/officer.repository';
import { canListOfficersOf } from '../../shared/domain/access';
import { ForbiddenError } from '../../shared/errors';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(officersRoutes.listOfficers, async ({ identity, query }) => {
  const orgId = query.orgId ?? identity.org;
  if (!canListOfficersOf(identity, orgId)) throw new ForbiddenError(`You can list officers of your own organisation only.`);
  return listOfficersOfOrg(orgId, { capabilityId: query.capabilityId, status: query.status }, query);
});
