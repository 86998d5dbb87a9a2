import { actorOf, type Actor } from '../data/audit.repository';
import { createOfficer, findOfficerIdByStaffNumber, getOfficer, changedFields, updateOfficer, type OfficerChange } from '../data/officer.repository';
import { planPostingChange, servingOrgOf } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { parseOfficerCsv, type OfficerRow, type RowError } from '../domain/officer-csv';
import { AppError, ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import { postingError } from './change-officer';
import { refuseChangeWhileCommitted } from './officer-commitments';
import { refuseUnkeptOfficer } from './officer-posting';

/** An officer a row created or changed, so the report can lead to their record. */
export interface ImportedOfficer {
  row: number;
  id: string;
  name: string;
  staffNumber: string;
  outcome: 'created' | 'updated';
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  officers: ImportedOfficer[];
}

const CONCURRENCY = 8;

async function importRow(orgId: string, row: OfficerRow, actor: Actor, now: Date): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id?: string }> {
  const { homeOrgId: homeColumn, ...officer } = row;
  const homeOrgId = homeColumn ?? orgId;
  const posting = homeOrgId !== orgId ? { servingOrgId: orgId, servingUntil: officer.servingUntil } : { servingUntil: officer.servingUntil };
  // Staff numbers are the employer's numbering: a posted officer's is looked up in their home's.
  const existingId = await findOfficerIdByStaffNumber(homeOrgId, officer.staffNumber);
  if (!existingId) {
    refuseUnkeptOfficer(orgId, { homeOrgId, ...posting, leavingOn: officer.leavingOn }, now);
    const created = await createOfficer({ ...officer, homeOrgId, ...posting }, actor);
    return { outcome: 'created', id: created.id };
  }
  const before = await getOfficer(existingId, true);
  if (!before) return { outcome: 'unchanged' };
  // A row changes an officer serving in the importing organisation only: an import never moves anyone between
  // organisations (that is a transfer the receiving HR lead accepts), whatever a staff-number claim says.
  if (servingOrgOf(before) !== orgId) {
    throw new ForbiddenError(`Staff number ${officer.staffNumber} belongs to an officer serving in ${servingOrgOf(before)}, not in ${orgId}.`, [{ field: 'staffNumber', message: 'not an officer serving in your organisation' }]);
  }
  // A row is the whole record: an empty optional cell clears that field.
  const { staffNumber: _staffNumber, servingUntil, leavingOn, ...fields } = officer;
  let change: OfficerChange = { ...fields, vettingExpiresOn: fields.vettingExpiresOn ?? null, email: fields.email ?? null };
  const postingChange = { servingOrgId: posting.servingOrgId ?? null, servingUntil: servingUntil ?? null, leavingOn: leavingOn ?? null };
  if (Object.keys(changedFields(before, postingChange)).length > 0) {
    const plan = planPostingChange(
      { homeOrgId: before.homeOrgId, servingOrgId: before.servingOrgId ?? null, servingUntil: before.servingUntil ?? null, leavingOn: before.leavingOn ?? null, commitments: before.commitments ?? [] },
      { ...postingChange, servingUntil: postingChange.servingUntil ?? undefined },
      todayIso(now),
    );
    if (!plan.ok) throw postingError(plan.refusal);
    change = { ...change, ...plan.fields };
  }
  if (Object.keys(changedFields(before, change)).length === 0) return { outcome: 'unchanged' };
  refuseChangeWhileCommitted(before, change);
  await updateOfficer(before, change, { version: before.version, via: 'body' }, actor);
  return { outcome: 'updated', id: before.id };
}

/**
 * Import an HR lead's officers from CSV. Primary course: parse and validate the
 * whole file; then, row by row, match the staff number within the caller's
 * organisation and create, update or leave the officer — each row in its own
 * transaction, so a row with errors writes nothing and the others still land.
 * Importing the same file again finds every row unchanged. Every row is an
 * officer serving in the caller's organisation: its own, or (a `homeOrgId`
 * column naming another organisation, with `servingUntil`) one posted into
 * it; an import never moves an officer to another organisation nor posts
 * one into another unit.
 * The report lists the officers created and changed (with their ids), in
 * row order.
 */
export async function importOfficers(identity: Identity, csv: string, now = new Date()): Promise<ImportResult> {
  const orgId = identity.org;
  const actor = actorOf(identity);
  const { rows, errors } = parseOfficerCsv(csv);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, errors: [...errors], officers: [] };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const { row, officer } = rows[next++]!;
      try {
        const { outcome, id } = await importRow(orgId, officer, actor, now);
        result[outcome] += 1;
        if (id && outcome !== 'unchanged') result.officers.push({ row, id, name: officer.name, staffNumber: officer.staffNumber, outcome });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        result.errors.push({ row, field: String(err.details[0]?.field ?? ''), message: err.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  result.errors.sort((a, b) => a.row - b.row);
  result.officers.sort((a, b) => a.row - b.row);
  return result;
}
