import { referenceRoutes } from '../../shared/api/routes/reference.routes';
import { actorOf } from '../../shared/data/audit.repository';
import { createCapability } from '../../shared/data/capability.repository';
import { defineHandler } from '../../shared/http/handler';

export const handler = defineHandler(referenceRoutes.createCapability, async ({ identity, body }) =>
  createCapability(body, actorOf(identity)),
);
