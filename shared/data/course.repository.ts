import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CourseBookingStatus, SeatPool } from '../domain/course-rules';
import { ConflictError, ValidationError, type AppError } from '../errors';
import type { CourseBooking } from '../schemas/course.schema';
import { auditAction, type Actor } from './audit.repository';
import { capabilityExists } from './capability.repository';
import { documentClient, tableName } from './client';
import { putNew, replaceIfCurrent } from './conditional-writes';
import { courseKeys } from './keys';
import { organisationExists } from './organisation.repository';
import { decodeCursor, encodeCursor, type Page } from './paging';
import { queryAll } from './query-all';
import { queryPage } from './query-page';
import { transactWrite, type GuardedAction } from './transact';

/** A course as stored: the seat counters the conditions read, and the allocation in the order it was given. */
export interface StoredCourse {
  id: string;
  title: string;
  capabilityId: string | null;
  description: string | null;
  hostOrgId: string;
  location: string;
  region: string;
  startDate: string;
  endDate: string;
  releaseDaysBefore: number;
  releaseOn: string;
  bookingClosesOn: string;
  allocations: { orgId: string; seats: number }[];
  /** Seats per allocated organisation (a map, so a condition can name one organisation's). */
  seats: Record<string, number>;
  /** Seats booked per organisation; allocated organisations start at 0, others appear on their first released seat. */
  booked: Record<string, number>;
  totalSeats: number;
  totalBooked: number;
  /** Wait-list length. */
  waiting: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const numberMap = (v: unknown): Record<string, number> =>
  Object.fromEntries(Object.entries((v as Record<string, unknown> | undefined) ?? {}).map(([k, n]) => [k, Number(n)]));

function courseFromItem(item: Record<string, unknown>): StoredCourse {
  return {
    id: item.id as string,
    title: item.title as string,
    capabilityId: (item.capabilityId as string | undefined) ?? null,
    description: (item.description as string | undefined) ?? null,
    hostOrgId: item.hostOrgId as string,
    location: item.location as string,
    region: item.region as string,
    startDate: item.startDate as string,
    endDate: item.endDate as string,
    releaseDaysBefore: Number(item.releaseDaysBefore),
    releaseOn: item.releaseOn as string,
    bookingClosesOn: item.bookingClosesOn as string,
    allocations: ((item.allocations as { orgId: string; seats: unknown }[]) ?? []).map((a) => ({ orgId: a.orgId, seats: Number(a.seats) })),
    seats: numberMap(item.seats),
    booked: numberMap(item.booked),
    totalSeats: Number(item.totalSeats),
    totalBooked: Number(item.totalBooked ?? 0),
    waiting: Number(item.waiting ?? 0),
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

function courseItem(c: StoredCourse): Record<string, unknown> {
  const { capabilityId, description, ...rest } = c;
  return {
    ...courseKeys.course(c.id),
    ...courseKeys.courseByStart(c.startDate, c.id),
    entity: 'course',
    ...rest,
    // Absent rather than null, so the capability filter is a plain equality.
    ...(capabilityId !== null ? { capabilityId } : {}),
    ...(description !== null ? { description } : {}),
  };
}

/**
 * Create a course: the item with its counters at zero, a check that every
 * allocated organisation, the host and the capability exist, and the audit
 * entry, in one transaction.
 */
export async function createCourse(c: StoredCourse, actor: Actor): Promise<StoredCourse> {
  const orgIds = [...new Set([c.hostOrgId, ...c.allocations.map((a) => a.orgId)])];
  await transactWrite([
    putNew(courseItem(c)),
    ...orgIds.map((orgId) => {
      const index = c.allocations.findIndex((a) => a.orgId === orgId);
      const field = index >= 0 ? `allocations.${index}.orgId` : 'hostOrgId';
      return organisationExists(orgId, () => new ValidationError(`No organisation "${orgId}".`, [{ field, message: 'unknown organisation' }]));
    }),
    ...(c.capabilityId
      ? [capabilityExists(c.capabilityId, () => new ValidationError(`No capability "${c.capabilityId}".`, [{ field: 'capabilityId', message: 'unknown capability' }]))]
      : []),
    auditAction({
      entityType: 'course',
      entityId: c.id,
      action: 'course.created',
      actor,
      orgIds,
      at: c.createdAt,
      changes: { title: c.title, startDate: c.startDate, endDate: c.endDate, allocations: c.allocations, releaseOn: c.releaseOn },
    }),
  ]);
  return c;
}

export async function getCourse(courseId: string, consistent = false): Promise<StoredCourse | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: courseKeys.course(courseId), ConsistentRead: consistent }));
  return out.Item ? courseFromItem(out.Item) : undefined;
}

export interface CourseFilter {
  region?: string;
  capabilityId?: string;
  orgId?: string;
  hostOrgId?: string;
}

/**
 * Courses starting today or later, by start date: one Query of gsi1
 * `COURSE#BYSTART` with `gsi1sk >= today`; region, capability, host and
 * "has seats for this organisation" narrow the page as filters (a filtered
 * page may hold fewer than `limit` items; the cursor carries on).
 */
export async function listUpcomingCourses(filter: CourseFilter, today: string, page: { limit: number; cursor?: string }): Promise<Page<StoredCourse>> {
  const filters: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':pk': courseKeys.coursesByStart, ':today': today };
  const equals = (field: string, value: unknown) => {
    filters.push(`#${field} = :${field}`);
    names[`#${field}`] = field;
    values[`:${field}`] = value;
  };
  if (filter.region) equals('region', filter.region);
  if (filter.capabilityId) equals('capabilityId', filter.capabilityId);
  if (filter.hostOrgId) equals('hostOrgId', filter.hostOrgId);
  if (filter.orgId) {
    filters.push('attribute_exists(#seats.#org)');
    names['#seats'] = 'seats';
    names['#org'] = filter.orgId;
  }
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk >= :today',
      ExpressionAttributeValues: values,
      ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
      Limit: page.limit,
      ExclusiveStartKey: decodeCursor(page.cursor, { attribute: 'gsi1pk', value: courseKeys.coursesByStart }),
    }),
  );
  const cursor = encodeCursor(out.LastEvaluatedKey);
  return { items: (out.Items ?? []).map(courseFromItem), ...(cursor ? { cursor } : {}) };
}

// ---------------------------------------------------------------- seats (as transaction actions)

/**
 * The condition that a seat is free for an officer of `orgId` on `today`,
 * spelt for the pool the date puts them in: before the release date their
 * organisation's allocation (`booked[org] < seats[org]`), from it every
 * unused seat (`totalBooked < totalSeats`). The date is part of the
 * condition, and bookings must still be open.
 */
function seatCondition(pool: SeatPool, promotion: boolean): string {
  // A new booking needs bookings open; a promotion from the wait list may happen until the course starts.
  const open = promotion ? 'startDate > :today' : 'bookingClosesOn >= :today';
  return pool === 'own-allocation'
    ? `#booked.#org < #seats.#org AND releaseOn > :today AND ${open}`
    : `totalBooked < totalSeats AND releaseOn <= :today AND ${open}`;
}

/** The opposite: no seat is free for an officer of `orgId` (the wait list is the only way in), bookings still open. */
function noSeatCondition(pool: SeatPool | null): string {
  return pool === 'released'
    ? 'totalBooked >= totalSeats AND releaseOn <= :today AND bookingClosesOn >= :today'
    : '(attribute_not_exists(#seats.#org) OR #booked.#org >= #seats.#org) AND releaseOn > :today AND bookingClosesOn >= :today';
}

/**
 * Take a seat on the course for an officer of `orgId`: `booked[org] + 1`
 * and `totalBooked + 1`, conditioned on a seat of the pool being free (see
 * `seatCondition`). Officers taking the last seat at once cannot both win:
 * the transactions that lose get `onFull`. A promotion from the wait list
 * also takes one off the wait-list length, and may happen after bookings
 * close, until the course starts.
 */
export function takeSeatAction(courseId: string, orgId: string, pool: SeatPool, today: string, at: string, onFull: () => AppError, fromWaitList = false): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: courseKeys.course(courseId),
        UpdateExpression: `SET #booked.#org = if_not_exists(#booked.#org, :zero) + :one, totalBooked = totalBooked + :one, updatedAt = :at${fromWaitList ? ', waiting = waiting - :one' : ''}`,
        ConditionExpression: seatCondition(pool, fromWaitList) + (fromWaitList ? ' AND waiting > :zero' : ''),
        ExpressionAttributeNames: { '#booked': 'booked', '#org': orgId, ...(pool === 'own-allocation' ? { '#seats': 'seats' } : {}) },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': at, ':today': today },
      },
    },
    onConditionFailed: onFull,
  };
}

/**
 * Join the wait list: `waiting + 1`, conditioned on there being no seat free
 * for the officer's pool (a seat freed since the failed booking means the
 * officer should take it instead: `onSeatFree`).
 */
export function joinWaitListAction(courseId: string, orgId: string, pool: SeatPool | null, today: string, at: string, onSeatFree: () => AppError): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: courseKeys.course(courseId),
        UpdateExpression: 'SET waiting = waiting + :one, updatedAt = :at',
        ConditionExpression: noSeatCondition(pool),
        ...(pool === 'released' ? {} : { ExpressionAttributeNames: { '#booked': 'booked', '#seats': 'seats', '#org': orgId } }),
        ExpressionAttributeValues: { ':one': 1, ':at': at, ':today': today },
      },
    },
    onConditionFailed: onSeatFree,
  };
}

/** Give a booked seat back: `booked[org] − 1`, `totalBooked − 1`, never below zero. */
export function releaseSeatAction(courseId: string, orgId: string, at: string): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: courseKeys.course(courseId),
        UpdateExpression: 'SET #booked.#org = #booked.#org - :one, totalBooked = totalBooked - :one, updatedAt = :at',
        ConditionExpression: '#booked.#org > :zero AND totalBooked > :zero',
        ExpressionAttributeNames: { '#booked': 'booked', '#org': orgId },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': at },
      },
    },
    onConditionFailed: () => new ConflictError('The course has no booked seat of this organisation to give back.'),
  };
}

/** Leave the wait list: `waiting − 1`, never below zero. */
export function leaveWaitListAction(courseId: string, at: string): GuardedAction {
  return {
    action: {
      Update: {
        TableName: tableName(),
        Key: courseKeys.course(courseId),
        UpdateExpression: 'SET waiting = waiting - :one, updatedAt = :at',
        ConditionExpression: 'waiting > :zero',
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':at': at },
      },
    },
    onConditionFailed: () => new ConflictError('The course’s wait list is empty.'),
  };
}

// ---------------------------------------------------------------- bookings

/** A course booking as stored: the API view without the derived wait-list position. */
export type StoredCourseBooking = Omit<CourseBooking, 'position'>;

function bookingFromItem(item: Record<string, unknown>): StoredCourseBooking {
  const nul = <T>(v: unknown) => (v ?? null) as T | null;
  return {
    id: item.id as string,
    courseId: item.courseId as string,
    courseTitle: item.courseTitle as string,
    hostOrgId: item.hostOrgId as string,
    startDate: item.startDate as string,
    endDate: item.endDate as string,
    officerId: item.officerId as string,
    officerName: item.officerName as string,
    orgId: item.orgId as string,
    note: nul(item.note),
    status: item.status as CourseBookingStatus,
    seatFrom: nul(item.seatFrom),
    waitlistedAt: nul(item.waitlistedAt),
    bookedAt: nul(item.bookedAt),
    cancelledAt: nul(item.cancelledAt),
    cancelledBy: nul(item.cancelledBy),
    version: Number(item.version),
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

function bookingItem(b: StoredCourseBooking): Record<string, unknown> {
  return {
    ...courseKeys.booking(b.id),
    ...courseKeys.bookingByCourse(b.courseId, b.createdAt, b.id),
    ...courseKeys.bookingByOfficer(b.officerId, b.createdAt, b.id),
    entity: 'course-booking',
    ...b,
  };
}

/** A new booking (booked or wait-listed), its one-per-officer claim (409 the second time) and, wait-listed, its wait-list entry. */
export function newBookingActions(b: StoredCourseBooking): GuardedAction[] {
  return [
    putNew(bookingItem(b)),
    putNew(
      { ...courseKeys.booker(b.courseId, b.officerId), entity: 'course-booker', bookingId: b.id, createdAt: b.createdAt },
      () => new ConflictError('You already have a booking (or a wait-list place) on this course.', [{ field: 'courseId', message: 'already booked' }]),
    ),
    ...(b.status === 'waitlisted' && b.waitlistedAt ? [putWaitEntry(b)] : []),
  ];
}

function putWaitEntry(b: StoredCourseBooking): GuardedAction {
  return putNew({
    ...courseKeys.waitEntry(b.courseId, b.waitlistedAt!, b.id),
    entity: 'course-wait-entry',
    bookingId: b.id,
    officerId: b.officerId,
    orgId: b.orgId,
    waitlistedAt: b.waitlistedAt,
  });
}

/** Replace a booking with its next state, only if it is still the version (and status) read. */
export function saveBookingAction(before: StoredCourseBooking, after: StoredCourseBooking, onStale: () => AppError): GuardedAction {
  return replaceIfCurrent(bookingItem(after), before, onStale);
}

/** Delete the officer's claim on the course (the booking ended), only if it is this booking's. */
export function deleteBookerAction(b: Pick<StoredCourseBooking, 'courseId' | 'officerId' | 'id'>): GuardedAction {
  return {
    action: {
      Delete: {
        TableName: tableName(),
        Key: courseKeys.booker(b.courseId, b.officerId),
        ConditionExpression: 'bookingId = :id',
        ExpressionAttributeValues: { ':id': b.id },
      },
    },
    onConditionFailed: () => new ConflictError('The booking changed meanwhile. Try again.'),
  };
}

/** Take a booking's entry off the wait list. */
export function deleteWaitEntryAction(b: Pick<StoredCourseBooking, 'courseId' | 'id' | 'waitlistedAt'>): GuardedAction {
  return {
    action: {
      Delete: {
        TableName: tableName(),
        Key: courseKeys.waitEntry(b.courseId, b.waitlistedAt ?? '', b.id),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    onConditionFailed: () => new ConflictError('The wait-list place changed meanwhile. Try again.'),
  };
}

export function courseAudit(course: Pick<StoredCourse, 'id' | 'hostOrgId'>, action: string, actor: Actor, at: string, orgIds: string[], changes?: Record<string, unknown>, note?: string): GuardedAction {
  return auditAction({
    entityType: 'course',
    entityId: course.id,
    action,
    actor,
    orgIds: [...new Set([course.hostOrgId, ...orgIds])],
    at,
    ...(note ? { note } : {}),
    ...(changes ? { changes } : {}),
  });
}

export function bookingAudit(b: StoredCourseBooking, action: string, actor: Actor, at: string, changes?: Record<string, unknown>, note?: string): GuardedAction {
  return auditAction({
    entityType: 'course-booking',
    entityId: b.id,
    action,
    actor,
    orgIds: [...new Set([b.hostOrgId, b.orgId])],
    at,
    ...(note ? { note } : {}),
    ...(changes ? { changes } : {}),
  });
}

export async function getBooking(bookingId: string, consistent = true): Promise<StoredCourseBooking | undefined> {
  const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: courseKeys.booking(bookingId), ConsistentRead: consistent }));
  return out.Item ? bookingFromItem(out.Item) : undefined;
}

export interface WaitEntry {
  bookingId: string;
  officerId: string;
  orgId: string;
  waitlistedAt: string;
}

/** The course's wait list in the order people joined: a strongly consistent Query of `WAIT#` in the course's partition. */
export async function listWaitList(courseId: string): Promise<WaitEntry[]> {
  const items = await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
    ExpressionAttributeValues: { ':pk': courseKeys.course(courseId).pk, ':wait': courseKeys.waitPrefix },
    ConsistentRead: true,
  });
  return items.map((i) => ({ bookingId: i.bookingId as string, officerId: i.officerId as string, orgId: i.orgId as string, waitlistedAt: i.waitlistedAt as string }));
}

/** A course's bookings in the order they came: a Query of gsi1, optionally narrowed to one organisation and a status. */
export async function listBookingsOfCourse(
  courseId: string,
  filter: { orgId?: string; status?: CourseBookingStatus },
  page: { limit: number; cursor?: string },
): Promise<Page<StoredCourseBooking>> {
  return queryPage({ index: 'gsi1', partition: courseKeys.bookingsOfCourse(courseId), filter: { orgId: filter.orgId, status: filter.status }, page, fromItem: bookingFromItem });
}

/** One officer's course bookings, newest first: a Query of gsi2. */
export async function listBookingsOfOfficer(
  officerId: string,
  filter: { status?: CourseBookingStatus },
  page: { limit: number; cursor?: string },
): Promise<Page<StoredCourseBooking>> {
  return queryPage({ index: 'gsi2', partition: courseKeys.bookingsOfOfficer(officerId), filter: { status: filter.status }, newestFirst: true, page, fromItem: bookingFromItem });
}
