import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { defineHandler } from '../../shared/http/handler';
import { listOrgCapabilities } from '../../shared/use-cases/org-capabilities';

/**
 * One row per capability in the catalogue, so a ROCU head can set a minimum on
 * a capability the unit has no row for yet (version 0). Three reads in parallel.
 */
export const handler = defineHandler(referenceRoutes.listOrgCapabilities, async ({ params }) => listOrgCapabilities(params.orgId));
