import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { emptyBaseline, listBaselinesOfOrg, listCapabilities } from '../../shared/data/capability.repository';
import { getOrganisation } from '../../shared/data/organisation.repository';
import { NotFoundError } from '../../shared/errors';
import { defineHandler } from '../../shared/http/handler';

/**
 * One row per capability in the catalogue, so a ROCU head can set a minimum on
 * a capability the unit has no row for yet (version 0). Three reads in parallel.
 */
export const handler = defineHandler(referenceRoutes.listOrgCapabilities, async ({ params }) => {
  const [organisation, catalogue, baselines] = await Promise.all([
    getOrganisation(params.orgId),
    listCapabilities(),
    listBaselinesOfOrg(params.orgId),
  ]);
  if (!organisation) throw new NotFoundError(`No organisation "${params.orgId}".`);
  const byCapability = new Map(baselines.map((b) => [b.capabilityId, b]));
  const items = catalogue.map((c) => byCapability.get(c.id) ?? emptyBaseline(params.orgId, c.id));
  return { items };
});
