import { routes } from '../../shared/api/routes';
import { defineHandler } from '../../shared/http/handler';
import { getCourseBookingFor } from '../../shared/use-cases/list-course-bookings';

export const handler = defineHandler(routes.getCourseBooking, async ({ identity, params }) => getCourseBookingFor(identity, params.id));
