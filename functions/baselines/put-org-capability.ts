import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { actorOf } from '../../shared/data/audit.repository';
import { updateBaseline } from '../../shared/data/capability.repository';
import { baselineFieldsAllowed } from '../../shared/domain/access';
import { ForbiddenError } from '../../shared/errors';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';

/** The ROCU head sets the minimum, the HR lead the establishment, each only for their own organisation. */
export const handler = defineHandler(referenceRoutes.putOrgCapability, async ({ identity, params, body, headers }) => {
  const allowed = baselineFieldsAllowed(identity, params.orgId);
  if (body.minimum !== undefined && !allowed.minimum) {
    throw new ForbiddenError(`Only the ROCU head of ${params.orgId} sets its minimum viable strength.`);
  }
  if (body.establishment !== undefined && !allowed.establishment) {
    throw new ForbiddenError(`Only the HR lead of ${params.orgId} sets its establishment.`);
  }
  const expected = expectedVersion(body.version, headers);
  const row = await updateBaseline(
    params.orgId,
    params.capabilityId,
    { minimum: body.minimum, establishment: body.establishment },
    expected,
    actorOf(identity),
  );
  const { holders: _holders, ...visible } = row;
  return reply(200, visible, { etag: etag(row.version) });
});
