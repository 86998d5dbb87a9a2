import { actorOf } from '../data/audit.repository';
import { getCourse } from '../data/course.repository';
import { isHrLeadOf } from '../domain/access';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { Course } from '../schemas/course.schema';
import { courseView } from './course-views';
import { promoteFromWaitList } from './course-wait-list';

/**
 * The host's HR lead fills free seats from the wait list (typically on the
 * release date, when unused seats open to every organisation and nobody has
 * booked or cancelled since): every wait-listed officer who may take a free
 * seat is promoted, in joining order. Other callers: 404.
 */
export async function promoteCourseWaitList(identity: Identity, courseId: string, now = new Date()): Promise<Course & { promoted: string[] }> {
  const course = await getCourse(courseId, true);
  if (!course || !isHrLeadOf(identity, course.hostOrgId)) throw new NotFoundError(`No course ${courseId}.`);
  const promoted = await promoteFromWaitList(courseId, actorOf(identity), now, course.totalSeats, { trigger: 'host' });
  const after = (await getCourse(courseId, true)) ?? course;
  return { ...courseView(after, identity, now.toISOString().slice(0, 10)), promoted };
}
