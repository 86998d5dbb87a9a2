import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyCourseBookings } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(courseRoutes.listMyCourseBookings, async ({ identity, query }) => listMyCourseBookings(identity, query));
