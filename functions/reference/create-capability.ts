import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { defineHandler } from '../../shared/http/handler';
import { addCapability } from '../../shared/use-cases/reference-data';

export const handler = defineHandler(referenceRoutes.createCapability, async ({ identity, body }) => addCapability(identity, body));
