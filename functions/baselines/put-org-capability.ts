import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { etag, expectedVersion } from '../../shared/http/versioning';
import { setOrgCapability } from '../../shared/use-cases/org-capabilities';

/** The ROCU head sets the minimum, the HR lead the establishment and funding lines, each only for their own organisation. */
export const handler = defineHandler(referenceRoutes.putOrgCapability, async ({ identity, params, body, headers }) => {
  const expected = expectedVersion(body.version, headers);
  const row = await setOrgCapability(
    identity,
    params.orgId,
    params.capabilityId,
    { minimum: body.minimum, establishment: body.establishment, ...(body.funding ? { funding: body.funding } : {}) },
    expected,
  );
  const { holders: _holders, ...visible } = row;
  return reply(200, visible, { etag: etag(row.version) });
});
