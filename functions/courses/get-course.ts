import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { getCourseFor } from '../../shared/use-cases/list-courses';

export const handler = defineHandler(routes.getCourse, async ({ identity, params }) => getCourseFor(identity, params.id));
