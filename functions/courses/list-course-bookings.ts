import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { listCourseBookings } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(courseRoutes.listCourseBookings, async ({ identity, params, query }) => listCourseBookings(identity, params.id, query));
