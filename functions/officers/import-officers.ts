import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler } from '../../shared/http/handler';
import { importOfficers } from '../../shared/use-cases/import-officers';

export const handler = defineHandler(officersRoutes.importOfficers, async ({ identity, body }) => importOfficers(identity, body));
