import { actorOf } from '../data/audit.repository';
import {
  bookingAudit,
  courseAudit,
  getCourse,
  joinWaitListAction,
  listWaitList,
  newBookingActions,
  takeSeatAction,
  type StoredCourse,
  type StoredCourseBooking,
} from '../data/course.repository';
import { getOfficer } from '../data/officer.repository';
import { transactWrite } from '../data/transact';
import { bookingOpen, freeSeatsInPool, placesLeftFor, seatPoolFor } from '../domain/course-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import type { CourseBooking } from '../schemas/course.schema';
import { promoteFromWaitList, SeatTakenError } from './course-wait-list';
import { businessMetric } from '../metrics';

/** The wait list's condition lost: a seat came free between the read and the write. */
class SeatFreedError extends ConflictError {}

const MAX_ATTEMPTS = 4;
/** Everyone booking a course updates its one item: allow more retries of a transaction that only collided (no condition failed). */
const CONTENDED = { maxAttempts: 8 };

/**
 * An officer books a seat on a course for themselves. Primary course: read
 * the course and the officer record (in parallel); refuse when bookings
 * have closed (409). Free seats of the caller's pool go to people already
 * waiting for them first (promotions in joining order: after the release
 * date, nothing else hands released seats to the wait list), then:
 *
 * - a seat is free in the officer's pool (their home organisation's
 *   allocation before the release date; any unused seat from it, for an
 *   officer of any organisation): one transaction puts the booking
 *   (`booked`), the one-booking-per-officer claim (409 the second time),
 *   takes the seat on the course conditioned on it still being free, and
 *   writes the audit entries;
 * - none is free (or the officer's organisation has no allocation and the
 *   seats are not released yet): one transaction puts the booking
 *   (`waitlisted`), the claim and the wait-list entry, adds one to the wait
 *   list conditioned on there still being no free seat for them, and writes
 *   the audit entries. 201 either way; the status says which, and a
 *   wait-listed booking carries its position.
 *
 * When a condition loses a race (the seat went, or one came free), the
 * course is read again and the choice made again, up to four times.
 */
export async function bookCourse(identity: Identity, courseId: string, input: { note?: string | undefined }, now = new Date()): Promise<CourseBooking> {
  if (!identity.officerId) throw new ForbiddenError('Your account is not linked to an officer record; ask your HR lead.');
  const [found, officer] = await Promise.all([getCourse(courseId, true), getOfficer(identity.officerId, true)]);
  if (!found) throw new NotFoundError(`No course ${courseId}.`);
  if (!officer || officer.status !== 'active') throw new ForbiddenError('Your officer record was not found or is not active; ask your HR lead.');
  const today = todayIso(now);
  if (!bookingOpen(found, today)) throw new ConflictError(`Bookings for this course closed on ${found.bookingClosesOn}.`);

  const actor = actorOf(identity);
  const orgId = officer.homeOrgId;
  let course: StoredCourse = found;
  const freeForCaller = freeSeatsInPool(course, orgId, today);
  if (course.waiting > 0 && freeForCaller > 0) {
    // Seats of the caller's pool free while people wait (released since they joined, or a promotion
    // lost a race): those who may take them go first, in joining order.
    await promoteFromWaitList(courseId, actor, now, freeForCaller, { trigger: 'booking' });
    course = (await getCourse(courseId, true)) ?? course;
  }

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const at = new Date(Math.max(now.getTime(), Date.now())).toISOString();
    const pool = seatPoolFor(course, orgId, today);
    const free = placesLeftFor(course, orgId, today) > 0;
    const booking: StoredCourseBooking = {
      id: newId('cbk', now.getTime()),
      courseId: course.id,
      courseTitle: course.title,
      hostOrgId: course.hostOrgId,
      startDate: course.startDate,
      endDate: course.endDate,
      officerId: officer.id,
      officerName: officer.name,
      orgId,
      note: input.note || null,
      status: free ? 'booked' : 'waitlisted',
      seatFrom: free ? pool : null,
      waitlistedAt: free ? null : at,
      bookedAt: free ? at : null,
      cancelledAt: null,
      cancelledBy: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    try {
      if (free && pool) {
        await transactWrite([
          ...newBookingActions(booking),
          takeSeatAction(course.id, orgId, pool, today, at, () => new SeatTakenError('The last seat was taken meanwhile.')),
          bookingAudit(booking, 'course-booking.booked', actor, at, { courseId: course.id, seatFrom: pool }, input.note),
          courseAudit(course, 'course.seat-booked', actor, at, [orgId], { bookingId: booking.id, officerId: officer.id, orgId, seatFrom: pool }),
        ], CONTENDED);
        businessMetric('CourseBooked', { status: 'booked' });
        return { ...booking, position: null };
      }
      await transactWrite([
        ...newBookingActions(booking),
        joinWaitListAction(course.id, orgId, pool, today, at, () => new SeatFreedError('A seat came free meanwhile.')),
        bookingAudit(booking, 'course-booking.waitlisted', actor, at, { courseId: course.id }, input.note),
        courseAudit(course, 'course.wait-list-joined', actor, at, [orgId], { bookingId: booking.id, officerId: officer.id, orgId }),
      ], CONTENDED);
      businessMetric('CourseBooked', { status: 'waitlisted' });
      const position = (await listWaitList(course.id)).findIndex((e) => e.bookingId === booking.id) + 1;
      return { ...booking, position: position > 0 ? position : null };
    } catch (err) {
      if (!(err instanceof SeatTakenError || err instanceof SeatFreedError)) throw err;
      const again = await getCourse(courseId, true);
      if (!again) throw new NotFoundError(`No course ${courseId}.`);
      if (!bookingOpen(again, todayIso(new Date()))) throw new ConflictError(`Bookings for this course closed on ${again.bookingClosesOn}.`);
      course = again;
    }
  }
  throw new ConflictError('Seats on this course are changing hands right now. Try again.');
}
