import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { cancelCourseBooking } from '../../shared/use-cases/cancel-course-booking';

export const handler = defineHandler(routes.cancelCourseBooking, async ({ identity, params, body }) => cancelCourseBooking(identity, params.id, { note: body?.note }));
