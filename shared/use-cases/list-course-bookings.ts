import { getCourse, listBookingsOfCourse, listBookingsOfOfficer } from '../data/course.repository';
import type { Page } from '../data/paging';
import type { CourseBookingStatus } from '../domain/course-rules';
import { ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { CourseBooking } from '../schemas/course.schema';
import { bookingFor, canReadBooking, courseBookingsVisible } from './course-booking-access';
import { withPositions } from './course-views';

type PageQuery = { limit: number; cursor?: string | undefined; status?: CourseBookingStatus | undefined };

function pageOf(q: PageQuery) {
  return { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) };
}

/**
 * A course's bookings in the order they came: the host's HR lead sees all,
 * another HR lead of an organisation on the course their own officers'
 * (404 for anyone else). A GetItem of the course, a Query of gsi1, and a
 * Query of the wait list when the page holds a wait-listed booking.
 */
export async function listCourseBookings(identity: Identity, courseId: string, query: PageQuery): Promise<Page<CourseBooking>> {
  const course = await getCourse(courseId);
  const visible = course ? courseBookingsVisible(identity, course) : 'none';
  if (!course || visible === 'none') throw new NotFoundError(`No course ${courseId}.`);
  const page = await listBookingsOfCourse(courseId, { ...(visible === 'own' ? { orgId: identity.org } : {}), ...(query.status ? { status: query.status } : {}) }, pageOf(query));
  return { ...page, items: await withPositions(page.items) };
}

/** The caller's own course bookings, newest first (a Query of gsi2; a wait-list Query per course with a wait-listed booking). */
export async function listMyCourseBookings(identity: Identity, query: PageQuery): Promise<Page<CourseBooking>> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const page = await listBookingsOfOfficer(identity.officerId, { ...(query.status ? { status: query.status } : {}) }, pageOf(query));
  return { ...page, items: await withPositions(page.items) };
}

/** One booking: the officer, the HR lead of their organisation, or the host's HR lead (404 otherwise). */
export async function getCourseBookingFor(identity: Identity, bookingId: string): Promise<CourseBooking> {
  const booking = await bookingFor(identity, bookingId, canReadBooking);
  const [withPosition] = await withPositions([booking]);
  return withPosition!;
}
