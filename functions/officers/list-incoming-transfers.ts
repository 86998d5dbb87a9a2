import { officersRoutes } from '../../shared/api/routes/officers.routes';
import { defineHandler } from '../../shared/http/handler';
import { incomingTransfers } from '../../shared/use-cases/transfer-officer';

export const handler = defineHandler(officersRoutes.listIncomingTransfers, async ({ identity, params, query }) => incomingTransfers(identity, params.orgId, query));
