import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { withdrawSecondment } from '../../shared/use-cases/end-secondment';

export const handler = defineHandler(routes.withdrawSecondment, async ({ identity, params }) => withdrawSecondment(identity, params.id));
