import { getCourse, listUpcomingCourses, type CourseFilter } from '../data/course.repository';
import type { Page } from '../data/paging';
import { todayIso } from '../domain/working-days';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Course } from '../schemas/course.schema';
import { courseView } from './course-views';

/** Courses starting today or later, by start date, narrowed by region, capability, host and "has seats for this organisation". */
export async function listCourses(identity: Identity, query: CourseFilter & { limit: number; cursor?: string }, now = new Date()): Promise<Page<Course>> {
  const today = todayIso(now);
  const { limit, cursor, ...filter } = query;
  const page = await listUpcomingCourses(filter, today, { limit, ...(cursor ? { cursor } : {}) });
  return { ...page, items: page.items.map((c) => courseView(c, identity, today)) };
}

/** One course, past or upcoming: every signed-in user may read it (a course is advertised to every organisation once its seats are released). */
export async function getCourseFor(identity: Identity, courseId: string, now = new Date()): Promise<Course> {
  const course = await getCourse(courseId);
  if (!course) throw new NotFoundError(`No course ${courseId}.`);
  return courseView(course, identity, todayIso(now));
}
