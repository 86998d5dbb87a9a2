import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { shortlistApplication } from '../../shared/use-cases/shortlist-application';

export const handler = defineHandler(routes.shortlistApplication, async ({ identity, params }) => shortlistApplication(identity, params.id));
