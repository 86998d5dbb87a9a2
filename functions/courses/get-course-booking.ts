import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { getCourseBookingFor } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(courseRoutes.getCourseBooking, async ({ identity, params }) => getCourseBookingFor(identity, params.id));
