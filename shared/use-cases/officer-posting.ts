import { actorOf } from '../data/audit.repository';
import { staleVersionError, type ExpectedVersion } from '../data/expected-version';
import { getOfficer, saveOfficerChange } from '../data/officer.repository';
import { canExtendPosting, canReadOfficer } from '../domain/access';
import { isPosted, postingRefusal, servingOrgOf } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Identity } from '../http/identity';
import type { Officer } from '../schemas/officer.schema';
import { postingError } from './change-officer';

/**
 * A new officer record (create or an import row) is kept by the unit the
 * officer serves in: an HR lead records their own organisation's officers
 * serving at home, and officers of another organisation posted into theirs
 * (naming the home); never a posting into another unit. 403/400 otherwise.
 */
export function refuseUnkeptOfficer(
  keeperOrgId: string,
  input: { homeOrgId: string; servingOrgId?: string | undefined; servingUntil?: string | undefined; leavingOn?: string | undefined },
  now = new Date(),
): void {
  const refusal = postingRefusal(
    { homeOrgId: input.homeOrgId, servingOrgId: input.servingOrgId ?? null, servingUntil: input.servingUntil ?? null, leavingOn: input.leavingOn ?? null },
    keeperOrgId,
    todayIso(now),
  );
  if (refusal) throw postingError(refusal);
}

/**
 * The unit an officer serves in extends their posting (its HR lead or ROCU
 * head). Primary course: read the officer (consistent); only a posted
 * officer's posting, and only to a later date (400), checked against the
 * version the caller sent; one transaction writes the record with the new
 * end date (on the version read), moves the officer job's due item to it,
 * and writes the audit entry (`officer.posting-extended`, with the note)
 * that the unit and the home both read. Counters do not move: the officer
 * serves where they did.
 */
export async function extendPosting(
  identity: Identity,
  officerId: string,
  input: { servingUntil: string; note: string },
  expected: ExpectedVersion | undefined,
  now = new Date(),
): Promise<Officer> {
  const before = await getOfficer(officerId, true);
  if (!before || !canReadOfficer(identity, before)) throw new NotFoundError(`No officer ${officerId}.`);
  if (!canExtendPosting(identity, before)) {
    throw new ForbiddenError(`A posting is extended by the unit the officer serves in (${servingOrgOf(before)}): its HR lead or ROCU head.`);
  }
  if (!isPosted(before) || !before.servingUntil || before.status !== 'active') {
    throw new ConflictError(`${before.name} is not on a posting: they serve at home in ${before.homeOrgId}.`);
  }
  if (expected && before.version !== expected.version) throw staleVersionError('officer record', expected);
  if (input.servingUntil <= before.servingUntil) {
    throw new ValidationError(`An extension moves the posting’s end later than ${before.servingUntil}; to end it sooner, change servingUntil on the record.`, [
      { field: 'servingUntil', message: `not after ${before.servingUntil}` },
    ]);
  }
  const at = now.toISOString();
  const after: Officer = { ...before, servingUntil: input.servingUntil, version: before.version + 1, updatedAt: at };
  await saveOfficerChange(
    before,
    after,
    {
      action: 'officer.posting-extended',
      actor: actorOf(identity),
      note: input.note,
      changes: { servingOrgId: before.servingOrgId, servingUntil: { from: before.servingUntil, to: input.servingUntil } },
      at,
    },
    { onStale: () => staleVersionError('officer record', expected ?? { version: before.version, via: 'body' }) },
  );
  return after;
}
