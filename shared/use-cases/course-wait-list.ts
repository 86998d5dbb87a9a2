import type { Actor } from '../data/audit.repository';
import {
  bookingAudit,
  courseAudit,
  deleteWaitEntryAction,
  getBooking,
  getCourse,
  listWaitList,
  saveBookingAction,
  takeSeatAction,
  type StoredCourse,
} from '../data/course.repository';
import { transactWrite } from '../data/transact';
import { promotableOn, seatPoolFor } from '../domain/course-rules';
import { ConflictError } from '../errors';

/** A seat condition lost: someone else took the seat between the read and the write. */
export class SeatTakenError extends ConflictError {}
/** A booking changed between the read and the write (cancelled, promoted by someone else). */
class BookingChangedError extends ConflictError {}

/**
 * Promote wait-listed officers, in the order they joined, into seats they
 * may now take (their organisation's allocation before the release date,
 * any unused seat from it), at most `max`. Each promotion is its own
 * transaction: the booking `waitlisted → booked` (conditioned on its
 * version), the seat taken (conditioned on a seat of the pool still being
 * free), the wait-list entry deleted and the audit entry. A promotion that
 * loses the seat to a concurrent booking leaves the officer wait-listed, in
 * their place; the next cancellation, the next booking after the release
 * date or the host's "promote" action tries again.
 *
 * Round trips: a GetItem of the course and a Query of the wait list, then
 * per promotion a GetItem of the booking and one TransactWriteItems.
 */
export async function promoteFromWaitList(courseId: string, actor: Actor, now: Date, max: number, because?: Record<string, unknown>): Promise<string[]> {
  const today = now.toISOString().slice(0, 10);
  let course: StoredCourse | undefined = await getCourse(courseId, true);
  if (!course || course.waiting === 0 || max <= 0) return [];
  const promoted: string[] = [];
  for (const entry of await listWaitList(courseId)) {
    if (promoted.length >= max || !course) break;
    if (!promotableOn(course, entry.orgId, today)) continue;
    const booking = await getBooking(entry.bookingId);
    if (!booking || booking.status !== 'waitlisted') continue;
    const pool = seatPoolFor(course, entry.orgId, today)!;
    const at = new Date(Math.max(now.getTime(), Date.now())).toISOString();
    const next = { ...booking, status: 'booked' as const, seatFrom: pool, bookedAt: at, version: booking.version + 1, updatedAt: at };
    try {
      await transactWrite([
        takeSeatAction(courseId, entry.orgId, pool, today, at, () => new SeatTakenError('The seat was taken meanwhile.'), true),
        saveBookingAction(booking, next, () => new BookingChangedError('The booking changed meanwhile.')),
        deleteWaitEntryAction(booking),
        bookingAudit(next, 'course-booking.promoted', actor, at, { from: 'waitlisted', seatFrom: pool, ...(because ?? {}) }),
        courseAudit(course, 'course.wait-list-promoted', actor, at, [booking.orgId], { bookingId: booking.id, officerId: booking.officerId, seatFrom: pool }),
      ], { maxAttempts: 8 });
      promoted.push(booking.id);
      course = {
        ...course,
        booked: { ...course.booked, [entry.orgId]: (course.booked[entry.orgId] ?? 0) + 1 },
        totalBooked: course.totalBooked + 1,
        waiting: course.waiting - 1,
      };
    } catch (err) {
      if (err instanceof SeatTakenError) {
        // Someone else took the seat: this officer keeps their place; read the counters again for the next one.
        course = await getCourse(courseId, true);
        continue;
      }
      if (err instanceof BookingChangedError) continue;
      throw err;
    }
  }
  return promoted;
}
