import * as z from 'zod';
import { COURSE_BOOKING_STATUSES, DEFAULT_RELEASE_DAYS_BEFORE, SEAT_POOLS } from '../domain/course-rules';
import { entityId, isoDate, multiLineText, note, pageQuery, region, singleLineText, slugId, storedDate } from './common.schema';

export const createCourseBody = z.strictObject({
  title: singleLineText(200),
  capabilityId: slugId.optional().describe('The capability the course trains for, if any.'),
  description: multiLineText(10_000).optional(),
  hostOrgId: slugId.describe('The organisation running the course: yours.'),
  location: singleLineText(200),
  region,
  startDate: isoDate,
  endDate: isoDate.describe('The last day of the course; on or after the start date.'),
  allocations: z
    .array(z.strictObject({ orgId: slugId, seats: z.number().int().min(1).max(200) }))
    .min(1)
    .max(50)
    .describe('Seats per organisation (the host and its partners); each organisation once.'),
  releaseDaysBefore: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(DEFAULT_RELEASE_DAYS_BEFORE)
    .describe('From this many days before the start, unused seats of every organisation are open to officers of any organisation.'),
  bookingClosesOn: isoDate.optional().describe('Last day bookings are taken; before the start date. Default: the day before the start.'),
});
export type CreateCourseInput = z.infer<typeof createCourseBody>;

export const courseAllocation = z
  .object({
    orgId: slugId,
    seats: z.number().int().describe('Seats allocated (0 for an organisation booking only released seats).'),
    booked: z.number().int().describe('Seats its officers hold (beyond `seats` only from released seats).'),
  })
  .meta({ id: 'CourseAllocation' });

export const course = z
  .object({
    id: entityId,
    title: z.string(),
    capabilityId: slugId.nullable(),
    description: z.string().nullable(),
    hostOrgId: slugId,
    location: z.string(),
    region: z.string(),
    startDate: storedDate,
    endDate: storedDate,
    releaseDaysBefore: z.number().int(),
    releaseOn: storedDate.describe('From this day unused seats are open to officers of every organisation.'),
    bookingClosesOn: storedDate,
    seatsReleased: z.boolean().describe('Whether the release date has come.'),
    bookingOpen: z.boolean(),
    allocations: z.array(courseAllocation),
    totalSeats: z.number().int(),
    totalBooked: z.number().int(),
    placesLeft: z.number().int().describe('Seats not booked, across every organisation.'),
    placesLeftForYou: z
      .number()
      .int()
      .describe('Seats an officer of your organisation could book now: your allocation’s before the release date, any unused seat from it.'),
    waitListLength: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Course' });
export type Course = z.infer<typeof course>;

export const courseParams = z.strictObject({ id: entityId });

export const listCoursesQuery = pageQuery.extend({
  region: region.optional(),
  capabilityId: slugId.optional(),
  orgId: slugId.optional().describe('Only courses with seats allocated to this organisation.'),
  hostOrgId: slugId.optional(),
});

export const bookCourseBody = z.strictObject({
  note: note.optional(),
});

export const cancelCourseBookingBody = z.strictObject({
  note: note.optional(),
});

export const courseBooking = z
  .object({
    id: entityId,
    courseId: entityId,
    courseTitle: z.string(),
    hostOrgId: slugId,
    startDate: storedDate,
    endDate: storedDate,
    officerId: entityId,
    officerName: z.string(),
    orgId: slugId.describe('The officer’s home organisation when they booked.'),
    note: z.string().nullable(),
    status: z.enum(COURSE_BOOKING_STATUSES),
    seatFrom: z.enum(SEAT_POOLS).nullable().describe('Which seats the booking holds: its organisation’s allocation or a released seat; null while wait-listed.'),
    position: z.number().int().nullable().describe('Place on the course’s wait list (1 = next), while wait-listed.'),
    waitlistedAt: z.string().nullable(),
    bookedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelledBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CourseBooking' });
export type CourseBooking = z.infer<typeof courseBooking>;

export const courseBookingParams = z.strictObject({ id: entityId });

export const listCourseBookingsQuery = pageQuery.extend({
  status: z.enum(COURSE_BOOKING_STATUSES).optional(),
});

export const listMyCourseBookingsQuery = pageQuery.extend({
  status: z.enum(COURSE_BOOKING_STATUSES).optional(),
});

export const cancelledCourseBooking = courseBooking
  .extend({ promoted: z.array(entityId).describe('Wait-listed bookings promoted into the freed seat (empty when none could take it).') })
  .meta({ id: 'CancelledCourseBooking' });

export const promotedCourse = course
  .extend({ promoted: z.array(entityId).describe('The wait-listed bookings promoted, in wait-list order.') })
  .meta({ id: 'CourseAfterPromotion' });
