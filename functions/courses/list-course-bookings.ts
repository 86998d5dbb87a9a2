import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listCourseBookings } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(routes.listCourseBookings, async ({ identity, params, query }) => listCourseBookings(identity, params.id, query));
