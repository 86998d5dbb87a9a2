import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { promoteCourseWaitList } from '../../shared/use-cases/promote-course-wait-list';

export const handler = defineHandler(routes.promoteCourseWaitList, async ({ identity, params }) => promoteCourseWaitList(identity, params.id));
