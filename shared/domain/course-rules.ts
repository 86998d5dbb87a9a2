import { addDays } from './working-days';

/**
 * Joint training courses (BRIEF.md "Secondments and PIP training"): a course
 * with seats allocated per organisation, bookings, a wait list, and unused
 * seats released to every organisation a number of days before the start.
 * Pure rules, no I/O; the same rules are spelt again as DynamoDB conditions
 * in course.repository.ts, which is what enforces them under concurrency.
 */

export const COURSE_BOOKING_STATUSES = ['booked', 'waitlisted', 'cancelled'] as const;
export type CourseBookingStatus = (typeof COURSE_BOOKING_STATUSES)[number];

/** Which seats a booking draws from: its organisation's own allocation (before the release date) or the released pool (from it). */
export const SEAT_POOLS = ['own-allocation', 'released'] as const;
export type SeatPool = (typeof SEAT_POOLS)[number];

export const DEFAULT_RELEASE_DAYS_BEFORE = 14;

/** What the seat rules need of a course. */
export interface CourseSeats {
  startDate: string;
  releaseOn: string;
  bookingClosesOn: string;
  /** Seats allocated per organisation. */
  seats: Record<string, number>;
  /** Seats booked per organisation (an organisation may book beyond its allocation from released seats). */
  booked: Record<string, number>;
  totalSeats: number;
  totalBooked: number;
}

/** The day unused seats open to every organisation: `startDate − releaseDaysBefore`. */
export function releaseOnFor(startDate: string, releaseDaysBefore: number): string {
  return addDays(startDate, -releaseDaysBefore, 'releaseDaysBefore');
}

/** Bookings are taken up to and including this day: the given day, or else the day before the course starts. */
export function bookingClosesOnFor(startDate: string, bookingClosesOn: string | undefined): string {
  return bookingClosesOn ?? addDays(startDate, -1, 'startDate');
}

export function seatsReleased(course: Pick<CourseSeats, 'releaseOn'>, today: string): boolean {
  return today >= course.releaseOn;
}

export function bookingOpen(course: Pick<CourseSeats, 'bookingClosesOn'>, today: string): boolean {
  return today <= course.bookingClosesOn;
}

/**
 * The pool an officer of `orgId` would draw a seat from on `today`: before
 * the release date, their organisation's allocation (none when it has no
 * allocation: they can only join the wait list for released seats); from the
 * release date, the released pool — every unused seat of every organisation,
 * open to an officer of any organisation.
 */
export function seatPoolFor(course: Pick<CourseSeats, 'releaseOn' | 'seats'>, orgId: string, today: string): SeatPool | null {
  if (seatsReleased(course, today)) return 'released';
  return (course.seats[orgId] ?? 0) > 0 ? 'own-allocation' : null;
}

/** Unused seats of the pool an officer of `orgId` draws from on `today`, whether or not bookings are still open. */
export function freeSeatsInPool(course: CourseSeats, orgId: string, today: string): number {
  const pool = seatPoolFor(course, orgId, today);
  if (pool === 'released') return Math.max(0, course.totalSeats - course.totalBooked);
  if (pool === 'own-allocation') return Math.max(0, (course.seats[orgId] ?? 0) - (course.booked[orgId] ?? 0));
  return 0;
}

/** Seats an officer of `orgId` could book on `today` (0 when bookings have closed). */
export function placesLeftFor(course: CourseSeats, orgId: string, today: string): number {
  return bookingOpen(course, today) ? freeSeatsInPool(course, orgId, today) : 0;
}

/**
 * Whether a wait-listed officer of `orgId` may be promoted on `today`: a
 * seat of their pool is free and the course has not started (promotions
 * continue after bookings close).
 */
export function promotableOn(course: CourseSeats, orgId: string, today: string): boolean {
  return today < course.startDate && freeSeatsInPool(course, orgId, today) > 0;
}

export interface AllocationInput {
  orgId: string;
  seats: number;
}

export interface CourseInput {
  hostOrgId: string;
  startDate: string;
  endDate: string;
  allocations: readonly AllocationInput[];
  releaseDaysBefore: number;
  bookingClosesOn?: string | undefined;
}

export interface FieldViolation {
  field: string;
  message: string;
}

/** Every problem with a new course, as field errors (the schema has already checked shapes and ranges). */
export function courseViolations(input: CourseInput, today: string): FieldViolation[] {
  const out: FieldViolation[] = [];
  if (input.startDate <= today) out.push({ field: 'startDate', message: 'must be after today' });
  if (input.endDate < input.startDate) out.push({ field: 'endDate', message: 'must be on or after the start date' });
  const seen = new Set<string>();
  input.allocations.forEach((a, i) => {
    if (seen.has(a.orgId)) out.push({ field: `allocations.${i}.orgId`, message: `${a.orgId} is allocated seats more than once` });
    seen.add(a.orgId);
  });
  if (input.bookingClosesOn !== undefined) {
    if (input.bookingClosesOn < today) out.push({ field: 'bookingClosesOn', message: 'must be today or later' });
    if (input.bookingClosesOn >= input.startDate) out.push({ field: 'bookingClosesOn', message: 'must be before the start date' });
  }
  return out;
}

/** Why a booking cannot be cancelled on `today`, or null when it can. */
export function cancelRefusal(booking: { status: CourseBookingStatus }, course: { startDate: string }, today: string): string | null {
  if (booking.status === 'cancelled') return 'The booking is already cancelled.';
  if (today >= course.startDate) return 'The course has started; a booking can no longer be cancelled.';
  return null;
}
