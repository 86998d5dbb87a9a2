import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { cancelCourseBooking } from '../../shared/use-cases/cancel-course-booking';

export const handler = defineHandler(courseRoutes.cancelCourseBooking, async ({ identity, params, body }) => cancelCourseBooking(identity, params.id, { note: body?.note }));
