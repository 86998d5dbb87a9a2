import { describe, expect, it } from 'vitest';
import {
  bookingClosesOnFor,
  bookingOpen,
  cancelRefusal,
  courseViolations,
  freeSeatsInPool,
  placesLeftFor,
  promotableOn,
  releaseOnFor,
  seatPoolFor,
  seatsReleased,
  type CourseSeats,
} from '../../shared/domain/course-rules';

/** Starts 1 June, seats released 14 days before (18 May), bookings close 31 May. NCA 2, TITAN 2 (both booked), ERSOU 1. */
function course(overrides: Partial<CourseSeats> = {}): CourseSeats {
  return {
    startDate: '2027-06-01',
    releaseOn: releaseOnFor('2027-06-01', 14),
    bookingClosesOn: bookingClosesOnFor('2027-06-01', undefined),
    seats: { nca: 2, titan: 2, ersou: 1 },
    booked: { nca: 0, titan: 2, ersou: 0 },
    totalSeats: 5,
    totalBooked: 2,
    ...overrides,
  };
}

describe('the release date', () => {
  it('is the start date less the days before, across month ends', () => {
    expect(releaseOnFor('2027-06-01', 14)).toBe('2027-05-18');
    expect(releaseOnFor('2027-03-01', 1)).toBe('2027-02-28');
    expect(releaseOnFor('2027-06-01', 0)).toBe('2027-06-01');
  });

  it('seats are released from that day on, not the day before', () => {
    expect(seatsReleased(course(), '2027-05-17')).toBe(false);
    expect(seatsReleased(course(), '2027-05-18')).toBe(true);
    expect(seatsReleased(course(), '2027-05-30')).toBe(true);
  });

  it('bookings close on the given day, or else the day before the start', () => {
    expect(bookingClosesOnFor('2027-06-01', undefined)).toBe('2027-05-31');
    expect(bookingClosesOnFor('2027-06-01', '2027-05-20')).toBe('2027-05-20');
    expect(bookingOpen(course(), '2027-05-31')).toBe(true);
    expect(bookingOpen(course(), '2027-06-01')).toBe(false);
  });
});

describe('which pool a booking draws from', () => {
  it('before the release date: the officer’s own organisation’s allocation, or none without one', () => {
    expect(seatPoolFor(course(), 'titan', '2027-05-17')).toBe('own-allocation');
    expect(seatPoolFor(course(), 'viper', '2027-05-17')).toBeNull();
  });

  it('from the release date: the released pool, for every organisation', () => {
    expect(seatPoolFor(course(), 'titan', '2027-05-18')).toBe('released');
    expect(seatPoolFor(course(), 'viper', '2027-05-18')).toBe('released');
  });

  it('places left: the organisation’s unused allocation before release; every unused seat from it; none once closed', () => {
    const c = course();
    expect(placesLeftFor(c, 'titan', '2027-05-01')).toBe(0);
    expect(placesLeftFor(c, 'nca', '2027-05-01')).toBe(2);
    expect(placesLeftFor(c, 'viper', '2027-05-01')).toBe(0);
    expect(placesLeftFor(c, 'titan', '2027-05-18')).toBe(3);
    expect(placesLeftFor(c, 'viper', '2027-05-18')).toBe(3);
    expect(placesLeftFor(c, 'viper', '2027-06-01')).toBe(0);
  });

  it('an organisation that took released seats beyond its allocation leaves the others their count', () => {
    const c = course({ booked: { nca: 0, titan: 2, ersou: 0, viper: 2 }, totalBooked: 4 });
    expect(placesLeftFor(c, 'ersou', '2027-05-20')).toBe(1);
    expect(placesLeftFor(c, 'ersou', '2027-05-20')).toBe(c.totalSeats - c.totalBooked);
  });

  it('wait-listed officers may be promoted after bookings close, until the start', () => {
    const c = course();
    expect(freeSeatsInPool(c, 'nca', '2027-05-10')).toBe(2);
    expect(freeSeatsInPool(c, 'nca', '2027-05-31')).toBe(3);
    expect(promotableOn(c, 'nca', '2027-05-31')).toBe(true);
    expect(promotableOn(course({ bookingClosesOn: '2027-05-10' }), 'nca', '2027-05-20')).toBe(true);
    expect(promotableOn(c, 'nca', '2027-06-01')).toBe(false);
    expect(promotableOn(c, 'titan', '2027-05-10')).toBe(false);
  });
});

describe('course validation', () => {
  const valid = {
    hostOrgId: 'nca',
    startDate: '2027-06-01',
    endDate: '2027-06-05',
    allocations: [
      { orgId: 'nca', seats: 2 },
      { orgId: 'titan', seats: 2 },
    ],
    releaseDaysBefore: 14,
  };

  it('accepts a course with ordered dates and each organisation once', () => {
    expect(courseViolations(valid, '2027-01-01')).toEqual([]);
    expect(courseViolations({ ...valid, endDate: valid.startDate }, '2027-01-01')).toEqual([]);
  });

  it('names every problem by field', () => {
    const out = courseViolations(
      { ...valid, endDate: '2027-05-31', allocations: [...valid.allocations, { orgId: 'titan', seats: 1 }], bookingClosesOn: '2027-06-01' },
      '2027-01-01',
    );
    expect(out.map((v) => v.field)).toEqual(['endDate', 'allocations.2.orgId', 'bookingClosesOn']);
  });

  it('a course must start after today, and bookings cannot close in the past', () => {
    expect(courseViolations(valid, '2027-06-01').map((v) => v.field)).toContain('startDate');
    expect(courseViolations({ ...valid, bookingClosesOn: '2027-02-01' }, '2027-03-01').map((v) => v.field)).toContain('bookingClosesOn');
  });
});

describe('cancelling', () => {
  it('a live booking or wait-list place until the course starts', () => {
    expect(cancelRefusal({ status: 'booked' }, { startDate: '2027-06-01' }, '2027-05-31')).toBeNull();
    expect(cancelRefusal({ status: 'waitlisted' }, { startDate: '2027-06-01' }, '2027-05-31')).toBeNull();
    expect(cancelRefusal({ status: 'booked' }, { startDate: '2027-06-01' }, '2027-06-01')).toMatch(/started/);
    expect(cancelRefusal({ status: 'cancelled' }, { startDate: '2027-06-01' }, '2027-05-01')).toMatch(/already cancelled/);
  });
});
