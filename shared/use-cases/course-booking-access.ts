import { getBooking, type StoredCourse, type StoredCourseBooking } from '../data/course.repository';
import { isHrLeadOf } from '../domain/access';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';

/** The officer themselves, the HR lead of their organisation, or the host's HR lead. */
export function canCancelBooking(identity: Identity, b: Pick<StoredCourseBooking, 'officerId' | 'orgId' | 'hostOrgId'>): boolean {
  return identity.officerId === b.officerId || isHrLeadOf(identity, b.orgId) || isHrLeadOf(identity, b.hostOrgId);
}

/** Reading a booking: the same people who may cancel it. */
export const canReadBooking = canCancelBooking;

/**
 * Who sees a course's bookings: the host's HR lead all of them; the HR lead
 * of an organisation with seats allocated or booked on the course, their own
 * officers' ('own'); anyone else none (404).
 */
export function courseBookingsVisible(identity: Identity, course: Pick<StoredCourse, 'hostOrgId' | 'seats' | 'booked'>): 'all' | 'own' | 'none' {
  if (isHrLeadOf(identity, course.hostOrgId)) return 'all';
  if (!identity.roles.includes('hr-lead')) return 'none';
  return (course.seats[identity.org] ?? 0) > 0 || (course.booked[identity.org] ?? 0) > 0 ? 'own' : 'none';
}

/** A booking the caller may act on, or 404 (the booking of another organisation's officer is not found). */
export async function bookingFor(
  identity: Identity,
  bookingId: string,
  allowed: (identity: Identity, b: StoredCourseBooking) => boolean,
): Promise<StoredCourseBooking> {
  const booking = await getBooking(bookingId);
  if (!booking || !allowed(identity, booking)) throw new NotFoundError(`No course booking ${bookingId}.`);
  return booking;
}
