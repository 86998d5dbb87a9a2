import { listWaitList, type StoredCourse, type StoredCourseBooking } from '../data/course.repository';
import { bookingOpen, placesLeftFor, seatsReleased } from '../domain/course-rules';
import type { Identity } from '../http/identity';
import type { Course, CourseBooking } from '../schemas/course.schema';

/**
 * A course as the caller sees it: seats and bookings per organisation
 * (organisations without an allocation appear with 0 seats once they hold
 * released seats), places left overall and for the caller's organisation,
 * the wait-list length and whether the seats have been released.
 */
export function courseView(c: StoredCourse, identity: Identity, today: string): Course {
  const allocated = new Set(c.allocations.map((a) => a.orgId));
  const allocations = [
    ...c.allocations.map((a) => ({ orgId: a.orgId, seats: a.seats, booked: c.booked[a.orgId] ?? 0 })),
    ...Object.entries(c.booked)
      .filter(([orgId, n]) => !allocated.has(orgId) && n > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([orgId, booked]) => ({ orgId, seats: 0, booked })),
  ];
  return {
    id: c.id,
    title: c.title,
    capabilityId: c.capabilityId,
    description: c.description,
    hostOrgId: c.hostOrgId,
    location: c.location,
    region: c.region,
    startDate: c.startDate,
    endDate: c.endDate,
    releaseDaysBefore: c.releaseDaysBefore,
    releaseOn: c.releaseOn,
    bookingClosesOn: c.bookingClosesOn,
    seatsReleased: seatsReleased(c, today),
    bookingOpen: bookingOpen(c, today),
    allocations,
    totalSeats: c.totalSeats,
    totalBooked: c.totalBooked,
    placesLeft: Math.max(0, c.totalSeats - c.totalBooked),
    placesLeftForYou: placesLeftFor(c, identity.org, today),
    waitListLength: c.waiting,
    version: c.version,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * Bookings with their wait-list positions: one consistent Query of the wait
 * list per course that has a wait-listed booking among them.
 */
export async function withPositions(bookings: StoredCourseBooking[]): Promise<CourseBooking[]> {
  const courseIds = [...new Set(bookings.filter((b) => b.status === 'waitlisted').map((b) => b.courseId))];
  const lists = new Map(await Promise.all(courseIds.map(async (id) => [id, (await listWaitList(id)).map((e) => e.bookingId)] as const)));
  return bookings.map((b) => {
    const index = b.status === 'waitlisted' ? (lists.get(b.courseId)?.indexOf(b.id) ?? -1) : -1;
    return { ...b, position: index >= 0 ? index + 1 : null };
  });
}
