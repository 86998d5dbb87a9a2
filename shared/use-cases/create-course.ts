import { actorOf } from '../data/audit.repository';
import { createCourse as putCourse, type StoredCourse } from '../data/course.repository';
import { isHrLeadOf } from '../domain/access';
import { bookingClosesOnFor, courseViolations, releaseOnFor } from '../domain/course-rules';
import { todayIso } from '../domain/working-days';
import { ForbiddenError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import { newId } from '../ids';
import type { CreateCourseInput } from '../schemas/course.schema';

/**
 * The host's HR lead creates a joint training course. Primary course: the
 * host is the caller's own organisation (403 otherwise); the dates and the
 * allocation make sense (400 naming each problem); then one transaction puts
 * the course with every counter at zero, checks that the host, each
 * allocated organisation and the capability exist (400 naming the unknown
 * one), and writes the audit entry.
 */
export async function createCourse(identity: Identity, input: CreateCourseInput, now = new Date()): Promise<StoredCourse> {
  if (!isHrLeadOf(identity, input.hostOrgId)) {
    throw new ForbiddenError('You can create courses only for your own organisation.', [{ field: 'hostOrgId', message: `not ${identity.org}` }]);
  }
  const violations = courseViolations(input, todayIso(now));
  if (violations.length) {
    throw new ValidationError(`The course is not valid: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}.`, violations.map((v) => ({ ...v })));
  }
  const at = now.toISOString();
  const allocations = input.allocations.map((a) => ({ orgId: a.orgId, seats: a.seats }));
  const course: StoredCourse = {
    id: newId('crs', now.getTime()),
    title: input.title,
    capabilityId: input.capabilityId ?? null,
    description: input.description ?? null,
    hostOrgId: input.hostOrgId,
    location: input.location,
    region: input.region,
    startDate: input.startDate,
    endDate: input.endDate,
    releaseDaysBefore: input.releaseDaysBefore,
    releaseOn: releaseOnFor(input.startDate, input.releaseDaysBefore),
    bookingClosesOn: bookingClosesOnFor(input.startDate, input.bookingClosesOn),
    allocations,
    seats: Object.fromEntries(allocations.map((a) => [a.orgId, a.seats])),
    booked: Object.fromEntries(allocations.map((a) => [a.orgId, 0])),
    totalSeats: allocations.reduce((n, a) => n + a.seats, 0),
    totalBooked: 0,
    waiting: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  return putCourse(course, actorOf(identity));
}
