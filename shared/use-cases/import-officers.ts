import { actorOf, type Actor } from '../data/audit.repository';
import { createOfficer, findOfficerIdByStaffNumber, getOfficer, changedFields, updateOfficer } from '../data/officer.repository';
import { parseOfficerCsv, type OfficerRow, type RowError } from '../domain/officer-csv';
import { AppError, ForbiddenError } from '../errors';
import type { Identity } from '../http/identity';
import { refuseChangeWhileCommitted } from './officer-commitments';

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

async function importRow(orgId: string, officer: OfficerRow, actor: Actor): Promise<{ outcome: 'created' | 'updated' | 'unchanged'; id?: string }> {
  const existingId = await findOfficerIdByStaffNumber(orgId, officer.staffNumber);
  if (!existingId) {
    const created = await createOfficer({ ...officer, homeOrgId: orgId }, actor);
    return { outcome: 'created', id: created.id };
  }
  const before = await getOfficer(existingId, true);
  if (!before) return { outcome: 'unchanged' };
  // A row changes an officer of the importing organisation only: an import never moves anyone between
  // organisations (that is a transfer the receiving HR lead accepts), whatever a staff-number claim says.
  if (before.homeOrgId !== orgId) {
    throw new ForbiddenError(`Staff number ${officer.staffNumber} belongs to an officer of ${before.homeOrgId}, not of ${orgId}.`, [{ field: 'staffNumber', message: 'not an officer of your organisation' }]);
  }
  // A row is the whole record: an empty optional cell clears that field.
  const { staffNumber: _staffNumber, ...fields } = officer;
  const change = { ...fields, vettingExpiresOn: fields.vettingExpiresOn ?? null, email: fields.email ?? null };
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
 * Importing the same file again finds every row unchanged. The file has no
 * home column: every row is an officer of the caller's own organisation, so
 * an import can never move an officer to another one. The report lists the
 * officers created and changed (with their ids), in row order.
 */
export async function importOfficers(identity: Identity, csv: string): Promise<ImportResult> {
  const orgId = identity.org;
  const actor = actorOf(identity);
  const { rows, errors } = parseOfficerCsv(csv);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, errors: [...errors], officers: [] };
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const { row, officer } = rows[next++]!;
      try {
        const { outcome, id } = await importRow(orgId, officer, actor);
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
