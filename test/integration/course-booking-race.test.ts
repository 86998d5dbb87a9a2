import { beforeAll, describe, expect, it } from 'vitest';
import { getCourse, listWaitList } from '../../shared/data/course.repository';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference } from './support/fixtures';

/**
 * Seats are taken by DynamoDB conditions in one transaction with the booking
 * (never a read followed by a write): officers booking at once never hold
 * more seats than there are, and everyone who does not get one is on the
 * wait list, each in their own place.
 */

const ncaHr = as(users.ncaHr);
const today = todayIso();

async function officers(n: number, homeOrgId: string): Promise<Officer[]> {
  const out: Officer[] = [];
  for (let i = 0; i < n; i++) out.push(await makeOfficer({ homeOrgId, capabilities: [] }));
  return out;
}

async function course(startInDays: number, allocations: { orgId: string; seats: number }[]): Promise<string> {
  const res = await ncaHr.post('/v1/courses', {
    title: 'Covert internet investigation',
    hostOrgId: 'nca',
    location: 'NCA Academy',
    region: 'north-west',
    startDate: addDays(today, startInDays),
    endDate: addDays(today, startInDays + 2),
    allocations,
    releaseDaysBefore: 14,
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

/** What the bookings say, against what the course's counters say. */
async function tally(courseId: string) {
  const bookings = (await ncaHr.get(`/v1/courses/${courseId}/bookings?limit=100`)).json.items as { status: string; orgId: string; position: number | null }[];
  const stored = (await getCourse(courseId, true))!;
  return {
    booked: bookings.filter((b) => b.status === 'booked'),
    waitlisted: bookings.filter((b) => b.status === 'waitlisted'),
    stored,
    waitEntries: (await listWaitList(courseId)).length,
  };
}

beforeAll(async () => {
  await seedReference();
});

describe('officers booking the last seats at once', () => {
  it('before the release date: ten TITAN officers, three TITAN seats → exactly three booked, seven wait-listed in distinct places', async () => {
    const titan = await officers(10, 'titan');
    const courseId = await course(60, [
      { orgId: 'titan', seats: 3 },
      { orgId: 'nca', seats: 2 },
    ]);

    const results = await Promise.all(titan.map((o) => asOfficer(o).post(`/v1/courses/${courseId}/bookings`, {})));

    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const statuses = results.map((r) => r.json.status);
    expect(statuses.filter((s) => s === 'booked')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    const { booked, waitlisted, stored, waitEntries } = await tally(courseId);
    expect(booked).toHaveLength(3);
    expect(waitlisted.map((b) => b.position).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The NCA's seats are untouched: TITAN's officers may not take them before the release date.
    expect(stored).toMatchObject({ booked: { titan: 3, nca: 0 }, totalBooked: 3, waiting: 7 });
    expect(waitEntries).toBe(7);
  });

  it('from the release date: officers of three organisations race for the four unused seats → exactly four booked, the rest wait', async () => {
    const racers = [...(await officers(4, 'titan')), ...(await officers(3, 'ersou')), ...(await officers(3, 'greater-manchester'))];
    const courseId = await course(10, [
      { orgId: 'nca', seats: 2 },
      { orgId: 'ersou', seats: 2 },
    ]);

    const results = await Promise.all(racers.map((o) => asOfficer(o).post(`/v1/courses/${courseId}/bookings`, {})));

    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(results.filter((r) => r.json.status === 'booked').every((r) => r.json.seatFrom === 'released')).toBe(true);
    const { booked, waitlisted, stored, waitEntries } = await tally(courseId);
    expect(booked).toHaveLength(4);
    expect(waitlisted).toHaveLength(6);
    expect(stored.totalBooked).toBe(4);
    expect(Object.values(stored.booked).reduce((a, b) => a + b, 0)).toBe(4);
    expect(stored.waiting).toBe(6);
    expect(waitEntries).toBe(6);
  });

  it('cancellations racing new bookings: seats never overfill and the counters match the bookings', async () => {
    const titan = await officers(6, 'titan');
    const courseId = await course(60, [{ orgId: 'titan', seats: 3 }]);
    const first = [];
    for (const o of titan.slice(0, 4)) first.push(await asOfficer(o).post(`/v1/courses/${courseId}/bookings`, {}));
    expect(first.map((r) => r.json.status)).toEqual(['booked', 'booked', 'booked', 'waitlisted']);

    // Two booked officers cancel while two more book, all at once.
    const results = await Promise.all([
      asOfficer(titan[0]!).post(`/v1/course-bookings/${first[0]!.json.id}/cancel`),
      asOfficer(titan[1]!).post(`/v1/course-bookings/${first[1]!.json.id}/cancel`),
      asOfficer(titan[4]!).post(`/v1/courses/${courseId}/bookings`, {}),
      asOfficer(titan[5]!).post(`/v1/courses/${courseId}/bookings`, {}),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 201, 201]);

    const { booked, waitlisted, stored, waitEntries } = await tally(courseId);
    expect(booked.length).toBeLessThanOrEqual(3);
    expect(stored.totalBooked).toBe(booked.length);
    expect(stored.booked.titan).toBe(booked.length);
    expect(stored.waiting).toBe(waitlisted.length);
    expect(waitEntries).toBe(waitlisted.length);
    expect(booked.length + waitlisted.length).toBe(4);
    // A promotion that lost its seat to a new booking leaves that officer waiting; otherwise every seat is taken.
    if (waitlisted.length > 0) expect(booked.length).toBe(3);
  });
});
