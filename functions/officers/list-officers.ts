import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler } from '../../shared/http/handler';
import { listOfficers } from '../../shared/use-cases/list-officers';

export const handler = defineHandler(officersRoutes.listOfficers, async ({ identity, query }) => listOfficers(identity, query));
