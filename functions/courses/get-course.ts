import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { getCourseFor } from '../../shared/use-cases/list-courses';

export const handler = defineHandler(courseRoutes.getCourse, async ({ identity, params }) => getCourseFor(identity, params.id));
