/**
 * Demo joint training courses, made once through the API's own use cases (so
 * counters, wait list and audit trail are exactly what users would make):
 *
 * - "Cyber intrusion investigation foundation", hosted by the NCA in six
 *   weeks (seats released two weeks before): the NCA 2, TITAN 3, ERSOU 2,
 *   VIPER 2 and EMSOU 1. TITAN's three seats are booked and two more TITAN
 *   officers wait; the NCA, ERSOU and EMSOU have booked one each; VIPER's
 *   two seats are unused (they go to partners on the release date). The
 *   `titan-officer` persona is left unbooked: booking puts them third on
 *   the wait list.
 * - "Covert internet investigator refresher", hosted by the NCA in ten days,
 *   so its unused seats are already released: SEROCU's two seats booked, a
 *   TITAN officer in one of TARIAN's unused ones, one NCA seat left.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '../../shared/data/client';
import { keys } from '../../shared/data/keys';
import { listOfficersOfOrg } from '../../shared/data/officer.repository';
import { addDays } from '../../shared/domain/working-days';
import type { Identity } from '../../shared/http/identity';
import { nowIso } from '../../shared/ids';
import type { Officer } from '../../shared/schemas/officer.schema';
import { bookCourse } from '../../shared/use-cases/book-course';
import { createCourse } from '../../shared/use-cases/create-course';
import { NCA_PERSONA_OFFICER, TITAN_PERSONA_OFFICER } from './demo-officers';

const ncaHr: Identity = { sub: 'nca-hr', org: 'nca', roles: ['hr-lead'], regions: [] };
const PERSONA_STAFF_NUMBERS = new Set<string>([TITAN_PERSONA_OFFICER.staffNumber, NCA_PERSONA_OFFICER.staffNumber]);

/** The first `n` active officers of an organisation, in name order, leaving out the personas. */
async function officersOf(orgId: string, n: number, skip = 0): Promise<Officer[]> {
  const page = await listOfficersOfOrg(orgId, { status: 'active' }, { limit: 100 });
  return page.items.filter((o) => !PERSONA_STAFF_NUMBERS.has(o.staffNumber ?? '')).slice(skip, skip + n);
}

async function bookAs(officer: Officer, courseId: string, now: Date, note?: string): Promise<void> {
  const identity: Identity = { sub: `seed-${officer.id}`, org: officer.homeOrgId, roles: ['officer'], officerId: officer.id, regions: [] };
  await bookCourse(identity, courseId, note ? { note } : {}, now);
}

/** Make the demo courses, unless the marker named `markerName` says they were made. Returns the course ids made (none when already there). */
export async function seedDemoCourses(markerName: string, now = new Date()): Promise<string[]> {
  const marker = keys.seedMarker(markerName);
  const done = await documentClient().send(new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true }));
  if (done.Item) return [];
  const today = now.toISOString().slice(0, 10);

  const foundation = await createCourse(
    ncaHr,
    {
      title: 'Cyber intrusion investigation foundation',
      capabilityId: 'cyber',
      description: 'Five days on investigating network intrusions and ransomware: from the first report to evidence that stands up in court. For PIP1 and PIP2 investigators joining cyber teams.',
      hostOrgId: 'nca',
      location: 'NCA Academy, Manchester',
      region: 'north-west',
      startDate: addDays(today, 42),
      endDate: addDays(today, 46),
      allocations: [
        { orgId: 'nca', seats: 2 },
        { orgId: 'titan', seats: 3 },
        { orgId: 'ersou', seats: 2 },
        { orgId: 'viper', seats: 2 },
        { orgId: 'emsou', seats: 1 },
      ],
      releaseDaysBefore: 14,
    },
    now,
  );
  // One at a time, so the wait list has a stable order.
  for (const o of await officersOf('titan', 5)) await bookAs(o, foundation.id, now, 'Joining the cyber team.');
  for (const org of ['nca', 'ersou', 'emsou']) for (const o of await officersOf(org, 1)) await bookAs(o, foundation.id, now);

  const refresher = await createCourse(
    ncaHr,
    {
      title: 'Covert internet investigator refresher',
      description: 'Two days refreshing CII authorisations, tradecraft and the latest platforms.',
      hostOrgId: 'nca',
      location: 'NCA Headquarters, London',
      region: 'london',
      startDate: addDays(today, 10),
      endDate: addDays(today, 11),
      allocations: [
        { orgId: 'nca', seats: 2 },
        { orgId: 'serocu', seats: 2 },
        { orgId: 'tarian', seats: 2 },
      ],
      releaseDaysBefore: 14,
    },
    now,
  );
  for (const o of await officersOf('serocu', 2)) await bookAs(o, refresher.id, now);
  for (const o of await officersOf('nca', 1, 1)) await bookAs(o, refresher.id, now);
  for (const o of await officersOf('titan', 1, 5)) await bookAs(o, refresher.id, now, 'A released seat: TARIAN’s were unused.');

  await documentClient().send(
    new PutCommand({ TableName: tableName(), Item: { ...marker, entity: 'seed-marker', courseIds: [foundation.id, refresher.id], seededAt: nowIso() } }),
  );
  return [foundation.id, refresher.id];
}
