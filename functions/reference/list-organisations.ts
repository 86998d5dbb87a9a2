import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { listOrganisations } from '../../shared/data/organisation.repository';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(referenceRoutes.listOrganisations, async () => ({ items: await listOrganisations() }));
