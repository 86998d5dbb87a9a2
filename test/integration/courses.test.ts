import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/data/audit.repository';
import { createCourse as putCourse, getCourse } from '../../shared/data/course.repository';
import { newId } from '../../shared/ids';
import { addDays, todayIso } from '../../shared/domain/working-days';
import type { Officer } from '../../shared/schemas/officer.schema';
import { as, asOfficer, users } from './support/api';
import { makeOfficer, seedReference } from './support/fixtures';

const ncaHr = as(users.ncaHr);
const titanHr = as(users.titanHr);
const ersouHr = as(users.ersouHr);
const today = todayIso();

/** An NCA course 60 days out (seats released 14 days before): TITAN 2 seats, ERSOU 1, the NCA 1. */
function courseBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Cyber intrusion investigation foundation',
    capabilityId: 'cyber',
    hostOrgId: 'nca',
    location: 'NCA Academy, Manchester',
    region: 'north-west',
    startDate: addDays(today, 60),
    endDate: addDays(today, 64),
    allocations: [
      { orgId: 'nca', seats: 1 },
      { orgId: 'titan', seats: 2 },
      { orgId: 'ersou', seats: 1 },
    ],
    ...overrides,
  };
}

/** A course whose release date has already come (starts in 10 days, releases 14 before). */
const releasedBody = (overrides: Record<string, unknown> = {}) => courseBody({ startDate: addDays(today, 10), endDate: addDays(today, 11), ...overrides });

async function createCourse(body = courseBody()): Promise<string> {
  const res = await ncaHr.post('/v1/courses', body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.id;
}

async function book(officer: Officer, courseId: string, body: unknown = {}) {
  return asOfficer(officer).post(`/v1/courses/${courseId}/bookings`, body);
}

const titanOfficers: Officer[] = [];
let ersouOfficer: Officer;
let gmpOfficer: Officer;

beforeAll(async () => {
  await seedReference();
  for (let i = 0; i < 4; i++) titanOfficers.push(await makeOfficer({ homeOrgId: 'titan', capabilities: [] }));
  ersouOfficer = await makeOfficer({ homeOrgId: 'ersou', region: 'east-of-england', capabilities: [] });
  gmpOfficer = await makeOfficer({ homeOrgId: 'greater-manchester', capabilities: [] });
});

describe('creating a course', () => {
  it('the host’s HR lead creates a course: seats per organisation, release date from the days before, nothing booked', async () => {
    const res = await ncaHr.post('/v1/courses', courseBody({ description: 'Five days.' }));
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/courses/${res.json.id}`);
    expect(res.json).toMatchObject({
      hostOrgId: 'nca',
      capabilityId: 'cyber',
      description: 'Five days.',
      releaseDaysBefore: 14,
      releaseOn: addDays(today, 46),
      bookingClosesOn: addDays(today, 59),
      seatsReleased: false,
      bookingOpen: true,
      allocations: [
        { orgId: 'nca', seats: 1, booked: 0 },
        { orgId: 'titan', seats: 2, booked: 0 },
        { orgId: 'ersou', seats: 1, booked: 0 },
      ],
      totalSeats: 4,
      totalBooked: 0,
      placesLeft: 4,
      placesLeftForYou: 1,
      waitListLength: 0,
    });
    const audit = await ncaHr.get(`/v1/audit?entity=course:${res.json.id}`);
    expect(audit.status).toBe(200);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toContain('course.created');
  });

  it('an HR lead cannot create a course hosted by another organisation (403)', async () => {
    const res = await titanHr.post('/v1/courses', courseBody());
    expect(res.status).toBe(403);
    expect(res.json.error.details[0].field).toBe('hostOrgId');
  });

  it('refuses bad input with a field error for each problem, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ startDate: addDays(today, 60), endDate: addDays(today, 59) }, 'endDate'],
      [{ startDate: today, endDate: addDays(today, 1) }, 'startDate'],
      [{ allocations: [{ orgId: 'titan', seats: 1 }, { orgId: 'titan', seats: 2 }] }, 'allocations.1.orgId'],
      [{ allocations: [{ orgId: 'titan', seats: 0 }] }, 'allocations.0.seats'],
      [{ allocations: [] }, 'allocations'],
      [{ allocations: [{ orgId: 'atlantis', seats: 2 }] }, 'allocations.0.orgId'],
      [{ capabilityId: 'basket-weaving' }, 'capabilityId'],
      [{ bookingClosesOn: addDays(today, 60) }, 'bookingClosesOn'],
      [{ releaseDaysBefore: -1 }, 'releaseDaysBefore'],
      [{ region: 'mars' }, 'region'],
      [{ title: '' }, 'title'],
      [{ surprise: true }, ''],
    ];
    for (const [overrides, field] of cases) {
      const res = await ncaHr.post('/v1/courses', courseBody(overrides));
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect(res.json.error.code).toBe('validation_failed');
      if (field) expect(JSON.stringify(res.json.error.details), JSON.stringify(overrides)).toContain(field);
    }
  });

  it('officers and ROCU heads cannot create courses (403)', async () => {
    expect((await as(users.titanHead).post('/v1/courses', courseBody({ hostOrgId: 'titan' }))).status).toBe(403);
    expect((await asOfficer(titanOfficers[0]!).post('/v1/courses', courseBody({ hostOrgId: 'titan' }))).status).toBe(403);
  });
});

describe('browsing courses', () => {
  it('lists upcoming courses by start date with filters, and the places left for the caller’s organisation', async () => {
    const later = await createCourse(courseBody({ title: 'Later', startDate: addDays(today, 90), endDate: addDays(today, 91), region: 'london' }));
    const sooner = await createCourse(courseBody({ title: 'Sooner', startDate: addDays(today, 30), endDate: addDays(today, 31), allocations: [{ orgId: 'nca', seats: 3 }] }));
    const all = await as(users.titanHead).get('/v1/courses?limit=100');
    expect(all.status).toBe(200);
    const ids = all.json.items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(sooner)).toBeLessThan(ids.indexOf(later));
    const starts = all.json.items.map((c: { startDate: string }) => c.startDate);
    expect([...starts].sort()).toEqual(starts);

    const forTitan = await ersouHr.get('/v1/courses?orgId=titan&limit=100');
    expect(forTitan.json.items.map((c: { id: string }) => c.id)).toContain(later);
    expect(forTitan.json.items.map((c: { id: string }) => c.id)).not.toContain(sooner);
    const london = await ersouHr.get('/v1/courses?region=london&limit=100');
    expect(london.json.items.map((c: { id: string }) => c.id)).toEqual([later]);

    const asTitan = await asOfficer(titanOfficers[0]!).get(`/v1/courses/${later}`);
    expect(asTitan.json.placesLeftForYou).toBe(2);
    const asGmp = await asOfficer(gmpOfficer).get(`/v1/courses/${later}`);
    expect(asGmp.json.placesLeftForYou).toBe(0);
  });

  it('refuses bad filters and a course that does not exist', async () => {
    expect((await ersouHr.get('/v1/courses?region=mars')).status).toBe(400);
    expect((await ersouHr.get('/v1/courses?limit=0')).status).toBe(400);
    expect((await ersouHr.get('/v1/courses?cursor=nonsense')).status).toBe(400);
    expect((await ersouHr.get('/v1/courses/crs_nothere')).status).toBe(404);
    expect((await ersouHr.get('/v1/courses/not-an-id')).status).toBe(400);
  });
});

describe('booking before the release date', () => {
  it('an officer books a seat of their own organisation’s allocation; once it is full they join the wait list', async () => {
    const courseId = await createCourse();
    const [a, b, c] = titanOfficers;
    const first = await book(a!, courseId, { note: 'Needed for the intrusion team.' });
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`/v1/course-bookings/${first.json.id}`);
    expect(first.json).toMatchObject({ status: 'booked', seatFrom: 'own-allocation', orgId: 'titan', position: null, note: 'Needed for the intrusion team.' });
    expect((await book(b!, courseId)).json.status).toBe('booked');
    const third = await book(c!, courseId);
    expect(third.status).toBe(201);
    expect(third.json).toMatchObject({ status: 'waitlisted', seatFrom: null, position: 1 });

    const course = await titanHr.get(`/v1/courses/${courseId}`);
    expect(course.json).toMatchObject({ totalBooked: 2, placesLeft: 2, placesLeftForYou: 0, waitListLength: 1, seatsReleased: false });
    expect(course.json.allocations).toContainEqual({ orgId: 'titan', seats: 2, booked: 2 });
    // ERSOU's seat is still ERSOU's: TITAN's full allocation does not touch it.
    expect((await book(ersouOfficer, courseId)).json.status).toBe('booked');
  });

  it('an officer of an organisation without an allocation joins the wait list for released seats', async () => {
    const courseId = await createCourse();
    const res = await book(gmpOfficer, courseId);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: 'waitlisted', orgId: 'greater-manchester', position: 1 });
  });

  it('one booking per officer per course (409 the second time), and booking again after cancelling', async () => {
    const courseId = await createCourse();
    const officer = titanOfficers[3]!;
    const first = await book(officer, courseId);
    expect(first.status).toBe(201);
    const again = await book(officer, courseId);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already have a booking/);
    expect((await asOfficer(officer).post(`/v1/course-bookings/${first.json.id}/cancel`)).status).toBe(200);
    expect((await book(officer, courseId)).json.status).toBe('booked');
  });

  it('an Idempotency-Key on booking returns the first booking when the request is repeated, not a 409', async () => {
    const courseId = await createCourse();
    const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
    const opts = { headers: { 'idempotency-key': `book-${officer.id}` } };
    const first = await asOfficer(officer).post(`/v1/courses/${courseId}/bookings`, {}, opts);
    const again = await asOfficer(officer).post(`/v1/courses/${courseId}/bookings`, {}, opts);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json.id).toBe(first.json.id);
    expect((await getCourse(courseId, true))!.totalBooked).toBe(1);
  });

  it('every seat taken and every wait-list place is in the course’s audit trail, readable by the host', async () => {
    const courseId = await createCourse(courseBody({ allocations: [{ orgId: 'titan', seats: 1 }] }));
    const [a, b] = titanOfficers;
    await book(a!, courseId);
    await book(b!, courseId);
    const trail = await ncaHr.get(`/v1/audit?entity=course:${courseId}`);
    expect(trail.status).toBe(200);
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual(['course.created', 'course.seat-booked', 'course.wait-list-joined']);
  });

  it('refuses bad input, a missing course, other roles and closed bookings', async () => {
    const courseId = await createCourse();
    const officer = titanOfficers[0]!;
    expect((await book(officer, courseId, { note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await book(officer, courseId, { seats: 2 })).status).toBe(400);
    expect((await book(officer, 'crs_nothere')).status).toBe(404);
    expect((await titanHr.post(`/v1/courses/${courseId}/bookings`, {})).status).toBe(403);
    const noRecord = await as({ sub: 'ghost', org: 'titan', roles: ['officer'] }).post(`/v1/courses/${courseId}/bookings`, {});
    expect(noRecord.status).toBe(403);
    // Bookings are taken on the closing day itself, and refused after it.
    const closing = await createCourse(courseBody({ bookingClosesOn: today }));
    expect((await book(officer, closing)).status).toBe(201);
    const closed = await closedCourse();
    const late = await book(officer, closed);
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/closed on/);
    expect((await getCourse(closed, true))!).toMatchObject({ totalBooked: 0, waiting: 0 });
  });
});

describe('from the release date', () => {
  it('unused seats of every organisation are open to officers of any organisation', async () => {
    const courseId = await createCourse(releasedBody({ allocations: [{ orgId: 'nca', seats: 1 }, { orgId: 'ersou', seats: 1 }] }));
    const view = await asOfficer(gmpOfficer).get(`/v1/courses/${courseId}`);
    expect(view.json).toMatchObject({ seatsReleased: true, placesLeftForYou: 2 });
    const [a, b, c] = titanOfficers;
    expect((await book(a!, courseId)).json).toMatchObject({ status: 'booked', seatFrom: 'released' });
    expect((await book(gmpOfficer, courseId)).json).toMatchObject({ status: 'booked', seatFrom: 'released' });
    expect((await book(b!, courseId)).json).toMatchObject({ status: 'waitlisted', position: 1 });
    // ERSOU's unused seat went to partners: ERSOU's own officer now waits too.
    expect((await book(ersouOfficer, courseId)).json).toMatchObject({ status: 'waitlisted', position: 2 });
    const course = await ncaHr.get(`/v1/courses/${courseId}`);
    expect(course.json.allocations).toEqual([
      { orgId: 'nca', seats: 1, booked: 0 },
      { orgId: 'ersou', seats: 1, booked: 0 },
      { orgId: 'greater-manchester', seats: 0, booked: 1 },
      { orgId: 'titan', seats: 0, booked: 1 },
    ]);
    expect(c).toBeDefined();
  });

  it('the host fills released seats from the wait list in joining order', async () => {
    // Before release, TITAN's one seat is taken and two wait: written with a release date in the past to stand in for time passing.
    const courseId = await createCourse(courseBody({ allocations: [{ orgId: 'titan', seats: 1 }, { orgId: 'nca', seats: 2 }] }));
    const [a, b, c] = titanOfficers;
    await book(a!, courseId);
    const waitB = await book(b!, courseId);
    const waitC = await book(c!, courseId);
    expect([waitB.json.position, waitC.json.position]).toEqual([1, 2]);
    await releaseNow(courseId);

    expect((await titanHr.post(`/v1/courses/${courseId}/wait-list/promote`)).status).toBe(404);
    const res = await ncaHr.post(`/v1/courses/${courseId}/wait-list/promote`);
    expect(res.status).toBe(200);
    expect(res.json.promoted).toEqual([waitB.json.id, waitC.json.id]);
    expect(res.json).toMatchObject({ totalBooked: 3, waitListLength: 0, seatsReleased: true });
    const bNow = await asOfficer(b!).get(`/v1/course-bookings/${waitB.json.id}`);
    expect(bNow.json).toMatchObject({ status: 'booked', seatFrom: 'released', position: null });
  });

  it('after the release date a new booking does not jump the wait list', async () => {
    const courseId = await createCourse(courseBody({ allocations: [{ orgId: 'titan', seats: 1 }, { orgId: 'nca', seats: 1 }] }));
    const [a, b] = titanOfficers;
    await book(a!, courseId);
    const waiting = await book(b!, courseId);
    await releaseNow(courseId);
    // A GMP officer books the released NCA seat, but the wait-listed TITAN officer is promoted into it first.
    const late = await book(gmpOfficer, courseId);
    expect(late.json).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await asOfficer(b!).get(`/v1/course-bookings/${waiting.json.id}`)).json.status).toBe('booked');
  });
});

/** A course whose bookings closed yesterday, written straight to the table (the API refuses to create one). */
async function closedCourse(): Promise<string> {
  const at = new Date().toISOString();
  const id = newId('crs');
  await putCourse(
    {
      id,
      title: 'Closed yesterday',
      capabilityId: null,
      description: null,
      hostOrgId: 'nca',
      location: 'Manchester',
      region: 'north-west',
      startDate: addDays(today, 5),
      endDate: addDays(today, 6),
      releaseDaysBefore: 2,
      releaseOn: addDays(today, 3),
      bookingClosesOn: addDays(today, -1),
      allocations: [{ orgId: 'titan', seats: 3 }],
      seats: { titan: 3 },
      booked: { titan: 0 },
      totalSeats: 3,
      totalBooked: 0,
      waiting: 0,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    SYSTEM_ACTOR,
  );
  return id;
}

/** Stand in for the calendar reaching the release date: the course's releaseOn set to today, straight in the table. */
async function releaseNow(courseId: string): Promise<void> {
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient, tableName } = await import('../../shared/data/client');
  await documentClient().send(
    new UpdateCommand({ TableName: tableName(), Key: { pk: `COURSE#${courseId}`, sk: 'COURSE' }, UpdateExpression: 'SET releaseOn = :today', ExpressionAttributeValues: { ':today': today } }),
  );
}

describe('cancelling', () => {
  it('frees the seat and promotes the first wait-listed officer who may take it', async () => {
    const courseId = await createCourse(courseBody({ allocations: [{ orgId: 'titan', seats: 1 }, { orgId: 'nca', seats: 1 }] }));
    const [a, b] = titanOfficers;
    const booked = await book(a!, courseId);
    // The GMP officer joined first but may not take a TITAN seat before the release date.
    const gmp = await book(gmpOfficer, courseId);
    const waiting = await book(b!, courseId);
    expect(waiting.json.position).toBe(2);

    const res = await asOfficer(a!).post(`/v1/course-bookings/${booked.json.id}/cancel`, { note: 'Court warning.' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'cancelled', cancelledBy: `u-${a!.id}`, promoted: [waiting.json.id] });
    expect((await asOfficer(b!).get(`/v1/course-bookings/${waiting.json.id}`)).json).toMatchObject({ status: 'booked', seatFrom: 'own-allocation' });
    expect((await asOfficer(gmpOfficer).get(`/v1/course-bookings/${gmp.json.id}`)).json).toMatchObject({ status: 'waitlisted', position: 1 });
    const course = (await getCourse(courseId, true))!;
    expect(course).toMatchObject({ totalBooked: 1, waiting: 1, booked: { titan: 1, nca: 0 } });

    const audit = await ncaHr.get(`/v1/audit?entity=course-booking:${booked.json.id}`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['course-booking.booked', 'course-booking.cancelled']);
    expect(audit.json.items[1].note).toBe('Court warning.');
  });

  it('the HR lead of the officer’s organisation and the host’s HR lead may cancel; another organisation’s may not (404)', async () => {
    const courseId = await createCourse();
    const [a, b] = titanOfficers;
    const first = await book(a!, courseId);
    const second = await book(b!, courseId);
    expect((await ersouHr.post(`/v1/course-bookings/${first.json.id}/cancel`)).status).toBe(404);
    expect((await asOfficer(b!).post(`/v1/course-bookings/${first.json.id}/cancel`)).status).toBe(404);
    expect((await titanHr.post(`/v1/course-bookings/${first.json.id}/cancel`)).json.status).toBe('cancelled');
    expect((await ncaHr.post(`/v1/course-bookings/${second.json.id}/cancel`)).json.status).toBe('cancelled');
    const again = await ncaHr.post(`/v1/course-bookings/${second.json.id}/cancel`);
    expect(again.status).toBe(409);
    expect((await getCourse(courseId, true))!).toMatchObject({ totalBooked: 0, booked: { titan: 0 } });
  });

  it('a wait-list place is cancelled without touching the seats', async () => {
    const courseId = await createCourse();
    const res = await book(gmpOfficer, courseId);
    const cancel = await asOfficer(gmpOfficer).post(`/v1/course-bookings/${res.json.id}/cancel`);
    expect(cancel.json).toMatchObject({ status: 'cancelled', promoted: [] });
    expect((await getCourse(courseId, true))!).toMatchObject({ totalBooked: 0, waiting: 0 });
  });

  it('refuses bad input and unknown bookings', async () => {
    expect((await titanHr.post('/v1/course-bookings/cbk_nothere/cancel')).status).toBe(404);
    expect((await titanHr.post('/v1/course-bookings/cbk_nothere/cancel', { reason: 'x' })).status).toBe(400);
    expect((await as(users.titanHead).post('/v1/course-bookings/cbk_nothere/cancel')).status).toBe(403);
  });
});

describe('booking lists', () => {
  it('the host’s HR lead sees every booking; a partner’s HR lead only their own officers’; others 404', async () => {
    const courseId = await createCourse();
    await book(titanOfficers[0]!, courseId);
    await book(ersouOfficer, courseId);
    const waiting = await book(gmpOfficer, courseId);
    const host = await ncaHr.get(`/v1/courses/${courseId}/bookings`);
    expect(host.status).toBe(200);
    expect(host.json.items.map((b: { orgId: string }) => b.orgId)).toEqual(['titan', 'ersou', 'greater-manchester']);
    expect(host.json.items[2]).toMatchObject({ id: waiting.json.id, status: 'waitlisted', position: 1 });
    const waitlisted = await ncaHr.get(`/v1/courses/${courseId}/bookings?status=waitlisted`);
    expect(waitlisted.json.items.map((b: { id: string }) => b.id)).toEqual([waiting.json.id]);
    const titan = await titanHr.get(`/v1/courses/${courseId}/bookings`);
    expect(titan.json.items.map((b: { orgId: string }) => b.orgId)).toEqual(['titan']);
    const other = await as({ sub: 'viper-hr', org: 'viper', roles: ['hr-lead'] }).get(`/v1/courses/${courseId}/bookings`);
    expect(other.status).toBe(404);
    expect((await ncaHr.get(`/v1/courses/${courseId}/bookings?status=maybe`)).status).toBe(400);
  });

  it('an officer lists their own bookings, newest first, with wait-list positions', async () => {
    const officer = await makeOfficer({ homeOrgId: 'greater-manchester', capabilities: [] });
    const one = await createCourse(releasedBody());
    const two = await createCourse();
    const booked = await book(officer, one);
    const waiting = await book(officer, two);
    const mine = await asOfficer(officer).get('/v1/me/course-bookings');
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((b: { id: string; status: string; position: number | null }) => [b.id, b.status, b.position])).toEqual([
      [waiting.json.id, 'waitlisted', 1],
      [booked.json.id, 'booked', null],
    ]);
    expect((await asOfficer(officer).get('/v1/me/course-bookings?status=booked')).json.items).toHaveLength(1);
    expect((await titanHr.get('/v1/me/course-bookings')).status).toBe(403);
  });
});
