import { routes } from '../../shared/api/routes';
import { listOrganisations } from '../../shared/data/organisation.repository';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(routes.listOrganisations, async () => ({ items: await listOrganisations() }));
