import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listCourses } from '../../shared/use-cases/list-courses';

export const handler = defineHandler(routes.listCourses, async ({ identity, query }) => listCourses(identity, query));
