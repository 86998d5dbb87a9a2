import { actorOf } from '../data/audit.repository';
import {
  bookingAudit,
  courseAudit,
  deleteBookerAction,
  deleteWaitEntryAction,
  leaveWaitListAction,
  releaseSeatAction,
  saveBookingAction,
} from '../data/course.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { cancelRefusal } from '../domain/course-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError } from '../errors';
import type { Identity } from '../http/identity';
import type { CourseBooking } from '../schemas/course.schema';
import { bookingFor, canCancelBooking } from './course-booking-access';
import { promoteFromWaitList } from './course-wait-list';

/**
 * Cancel a booking or a wait-list place: the officer, the HR lead of their
 * organisation or the host's HR lead (anyone else: 404), until the course
 * starts (409 after). One transaction moves the booking to `cancelled`
 * (conditioned on the version read), deletes the one-per-officer claim (so
 * the officer may book again), gives the seat back (`booked[org] − 1`,
 * `totalBooked − 1`) or takes the entry off the wait list, and writes the
 * audit entries. Then, for a freed seat, the first wait-listed officer who
 * may take it is promoted in a second transaction conditioned on the seat
 * still being free (see `promoteFromWaitList`): when a concurrent booking
 * takes the seat first, the wait-listed officer keeps their place.
 */
export async function cancelCourseBooking(identity: Identity, bookingId: string, input: { note?: string | undefined }, now = new Date()): Promise<CourseBooking & { promoted: string[] }> {
  const booking = await bookingFor(identity, bookingId, canCancelBooking);
  const refusal = cancelRefusal(booking, booking, todayIso(now));
  if (refusal) throw new ConflictError(refusal);
  const actor = actorOf(identity);
  const at = now.toISOString();
  const next = { ...booking, status: 'cancelled' as const, cancelledAt: at, cancelledBy: identity.sub, version: booking.version + 1, updatedAt: at };
  const actions: GuardedAction[] = [
    saveBookingAction(booking, next, () => new ConflictError('The booking changed meanwhile. Read it again.')),
    deleteBookerAction(booking),
  ];
  if (booking.status === 'booked') actions.push(releaseSeatAction(booking.courseId, booking.orgId, at));
  else actions.push(leaveWaitListAction(booking.courseId, at), deleteWaitEntryAction(booking));
  actions.push(
    bookingAudit(next, 'course-booking.cancelled', actor, at, { from: booking.status }, input.note),
    courseAudit({ id: booking.courseId, hostOrgId: booking.hostOrgId }, booking.status === 'booked' ? 'course.seat-released' : 'course.wait-list-left', actor, at, [booking.orgId], {
      bookingId: booking.id,
      officerId: booking.officerId,
      orgId: booking.orgId,
    }),
  );
  await transactWrite(actions, { maxAttempts: 8 });
  const promoted = booking.status === 'booked' ? await promoteFromWaitList(booking.courseId, actor, now, 1, { afterCancellationOf: booking.id }) : [];
  return { ...next, position: null, promoted };
}
