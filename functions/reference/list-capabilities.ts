import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { listCapabilities } from '../../shared/data/capability.repository';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(referenceRoutes.listCapabilities, async () => ({ items: await listCapabilities() }));
