import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { rejectApplication } from '../../shared/use-cases/reject-application';

export const handler = defineHandler(routes.rejectApplication, async ({ identity, params }) => rejectApplication(identity, params.id));
