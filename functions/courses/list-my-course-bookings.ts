import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { listMyCourseBookings } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(routes.listMyCourseBookings, async ({ identity, query }) => listMyCourseBookings(identity, query));
