import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { defineHandler } from '../../shared/http/handler';
import { listCapabilityCatalogue } from '../../shared/use-cases/reference-data';

export const handler = defineHandler(referenceRoutes.listCapabilities, async () => listCapabilityCatalogue());
