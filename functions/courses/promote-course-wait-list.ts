import { courseRoutes } from '../../shared/api/routes/course.routes';
import { defineHandler } from '../../shared/http/handler';
import { promoteCourseWaitList } from '../../shared/use-cases/promote-course-wait-list';

export const handler = defineHandler(courseRoutes.promoteCourseWaitList, async ({ identity, params }) => promoteCourseWaitList(identity, params.id));
