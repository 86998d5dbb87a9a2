import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { bookCourse } from '../../shared/use-cases/book-course';

export const handler = defineHandler(courseRoutes.bookCourse, async ({ identity, params, body }) => {
  const booking = await bookCourse(identity, params.id, { note: body?.note });
  return reply(201, booking, { location: `/v1/course-bookings/${booking.id}` });
});
