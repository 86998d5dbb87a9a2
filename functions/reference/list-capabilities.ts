import { routes } from '../../shared/api/routes';
import { listCapabilities } from '../../shared/data/capability.repository';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(routes.listCapabilities, async () => ({ items: await listCapabilities() }));
