import { secondmentRoutes } from '../../shared/api/routes/secondment.routes';
import { defineHandler } from '../../shared/http/handler';
import { withdrawSecondment } from '../../shared/use-cases/end-secondment';

export const handler = defineHandler(secondmentRoutes.withdrawSecondment, async ({ identity, params }) => withdrawSecondment(identity, params.id));
