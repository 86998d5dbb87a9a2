import { applicationRoutes } from '../../shared/api/routes/application.routes';
import { defineHandler } from '../../shared/http/handler';
import { shortlistApplication } from '../../shared/use-cases/shortlist-application';

export const handler = defineHandler(applicationRoutes.shortlistApplication, async ({ identity, params }) => shortlistApplication(identity, params.id));
