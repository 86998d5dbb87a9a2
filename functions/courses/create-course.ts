import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler, reply } from '../../shared/http/handler';
import { todayIso } from '../../shared/domain/working-days';
import { createCourse } from '../../shared/use-cases/create-course';
import { courseView } from '../../shared/use-cases/course-views';

export const handler = defineHandler(courseRoutes.createCourse, async ({ identity, body }) => {
  const course = await createCourse(identity, body);
  return reply(201, courseView(course, identity, todayIso()), { location: `/v1/courses/${course.id}` });
});
