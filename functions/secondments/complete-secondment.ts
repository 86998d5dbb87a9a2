import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { completeSecondment } from '../../shared/use-cases/end-secondment';

export const handler = defineHandler(secondmentRoutes.completeSecondment, async ({ identity, params, body }) =>
  completeSecondment(identity, params.id, { note: body?.note ?? '' }),
);
