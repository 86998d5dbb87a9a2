import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { listCourses } from '../../shared/use-cases/list-courses';

export const handler = defineHandler(courseRoutes.listCourses, async ({ identity, query }) => listCourses(identity, query));
