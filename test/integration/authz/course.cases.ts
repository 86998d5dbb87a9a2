import { addDays, todayIso } from '../../../shared/domain/working-days';
import { as, asOfficer, users } from '../support/api';
import { makeOfficer } from '../support/fixtures';
import type { CaseBuilder } from './cross-org-case';

function courseBody(hostOrgId: string) {
  const today = todayIso();
  return {
    title: `${hostOrgId} authz course`,
    hostOrgId,
    location: 'Manchester',
    region: 'north-west',
    startDate: addDays(today, 60),
    endDate: addDays(today, 62),
    allocations: [
      { orgId: 'titan', seats: 2 },
      { orgId: 'nca', seats: 1 },
    ],
  };
}

/**
 * A TITAN-hosted course with seats for TITAN and the NCA (none for ERSOU),
 * and a TITAN officer's booking on it. ERSOU's HR lead tries to read and
 * change them.
 */
export const buildCases: CaseBuilder = async () => {
  const course = await as(users.titanHr).post('/v1/courses', courseBody('titan'));
  if (course.status !== 201) throw new Error(`authz fixture: course not created (${course.status}: ${JSON.stringify(course.json)})`);
  const officer = await makeOfficer({ homeOrgId: 'titan', capabilities: [] });
  const booking = await asOfficer(officer).post(`/v1/courses/${course.json.id}/bookings`, {});
  if (booking.status !== 201) throw new Error(`authz fixture: booking failed with ${booking.status}: ${JSON.stringify(booking.json)}`);

  return {
    createCourse: { as: users.ersouHr, request: () => ({ method: 'POST', url: '/v1/courses', body: courseBody('titan') }), expect: 403 },
    listCourses: { notScoped: 'courses are advertised to every signed-in user; seats per organisation are not personal data' },
    getCourse: { notScoped: 'a course is an advertisement every signed-in user may read' },
    bookCourse: { notScoped: 'an officer books only for themselves; which seats they may take follows from their own organisation (courses.test)' },
    listCourseBookings: { as: users.ersouHr, request: () => ({ url: `/v1/courses/${course.json.id}/bookings` }), expect: 404 },
    promoteCourseWaitList: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/courses/${course.json.id}/wait-list/promote` }), expect: 404 },
    listMyCourseBookings: { notScoped: 'lists only the caller’s own bookings, by the officerId in the token' },
    getCourseBooking: { as: users.ersouHr, request: () => ({ url: `/v1/course-bookings/${booking.json.id}` }), expect: 404 },
    cancelCourseBooking: { as: users.ersouHr, request: () => ({ method: 'POST', url: `/v1/course-bookings/${booking.json.id}/cancel` }), expect: 404 },
  };
};
