import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SYSTEM_ACTOR } from '../data/audit.repository';
import { getOfficer, queryDueOfficerIds, saveOfficerChange } from '../data/officer.repository';
import { dueOfficerChange } from '../domain/posting';
import { todayIso } from '../domain/working-days';
import { ConflictError, PreconditionFailedError } from '../errors';
import { logger } from '../logger';
import { workThroughDue } from './work-through-due';

export interface OfficerDatesOptions {
  pageSize?: number;
  /** Most officers one run looks at; the rest wait for the next run. */
  maxOfficers?: number;
  concurrency?: number;
}

export interface OfficerDatesRun {
  examined: number;
  /** Postings that ended: the officer counts in their home's teams again. */
  postingsEnded: number;
  /** Officers marked as having left on their leaving date. */
  left: number;
  /** Not due after all, already changed, or waiting for a move that takes effect first. */
  skipped: number;
  conflicts: number;
  failed: number;
  more: boolean;
  endedIds: string[];
  leftIds: string[];
}

/** Officers ending postings on one date often share a unit's baselines: transactions cancelled by each other are retried more. */
const ATTEMPTS = 8;

type Outcome = { kind: 'posting-ended' } | { kind: 'left' } | { kind: 'skipped'; reason: string } | { kind: 'conflict'; reason: string };

async function applyOne(officerId: string, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const officer = await getOfficer(officerId, true);
  if (!officer) return { kind: 'skipped', reason: 'officer record gone' };
  const change = dueOfficerChange(officer, todayIso(now));
  if (change.kind === 'none') return { kind: 'skipped', reason: change.reason };
  const after =
    change.kind === 'left'
      ? { ...officer, status: 'left' as const, version: officer.version + 1, updatedAt: at }
      : { ...officer, servingOrgId: null, servingUntil: null, version: officer.version + 1, updatedAt: at };
  const note =
    change.kind === 'left'
      ? `Left the service on ${officer.leavingOn} (the leaving date on the record).`
      : `The posting in ${officer.servingOrgId} ended on ${officer.servingUntil}: back in ${officer.homeOrgId}’s teams.`;
  try {
    const deltas = await saveOfficerChange(
      officer,
      after,
      {
        action: change.kind === 'left' ? 'officer.left' : 'officer.posting-ended',
        actor: SYSTEM_ACTOR,
        note,
        changes:
          change.kind === 'left'
            ? { status: 'left', leavingOn: officer.leavingOn }
            : { servingOrgId: { from: officer.servingOrgId, to: null }, servingUntil: officer.servingUntil, homeOrgId: officer.homeOrgId },
        at,
      },
      { onStale: () => new ConflictError(`Officer ${officer.id} changed since the officer job read it.`), maxAttempts: ATTEMPTS },
    );
    logger.info('Officer date applied', { officerId, kind: change.kind, teams: deltas.map((d) => `${d.orgId}:${d.capabilityId}`) });
  } catch (err) {
    if (err instanceof ConflictError || err instanceof PreconditionFailedError) return { kind: 'conflict', reason: err.message };
    if (err instanceof TransactionCanceledException || (err as Error)?.name === 'TransactionCanceledException') return { kind: 'conflict', reason: 'transaction conflict' };
    throw err;
  }
  return { kind: change.kind };
}

/**
 * The officer job (daily): postings end and leavers leave on their dates
 * (BRIEF.md "Capability protection": an officer whose posting ends, or who
 * leaves the service, stops counting). Primary course: read the officer
 * due index (gsi3 `DUE#OFFICER`) up to today; for each officer, re-read the
 * record and, in one transaction conditioned on its version: the record
 * (back at home, or `left`), the counters of every team they leave and join
 * (`counterDeltas`: a posting's end moves strength, holder counters and any
 * commitment from the unit to the home; leaving takes them off), the due
 * item moved to the next date or deleted, and the audit entry. A leaver
 * whose accepted move takes effect that day waits for the move job (they
 * leave from the new home on the next run), so no application is stranded.
 * Idempotent: a second run finds nothing due.
 */
export async function applyDueOfficerDates(now = new Date(), options: OfficerDatesOptions = {}): Promise<OfficerDatesRun> {
  const run: OfficerDatesRun = { examined: 0, postingsEnded: 0, left: 0, skipped: 0, conflicts: 0, failed: 0, more: false, endedIds: [], leftIds: [] };
  const today = todayIso(now);
  const { examined, more } = await workThroughDue({
    page: (limit, start) => queryDueOfficerIds(today, { limit, ...(start ? { start } : {}) }),
    each: async (id) => {
      const outcome = await applyOne(id, now);
      if (outcome.kind === 'posting-ended') {
        run.postingsEnded++;
        run.endedIds.push(id);
      } else if (outcome.kind === 'left') {
        run.left++;
        run.leftIds.push(id);
      } else if (outcome.kind === 'conflict') {
        run.conflicts++;
        logger.info('Due officer changed meanwhile; the next run tries again', { officerId: id, reason: outcome.reason });
      } else {
        run.skipped++;
        logger.info('Due officer skipped', { officerId: id, reason: outcome.reason });
      }
    },
    onError: (id, err) => {
      run.failed++;
      logger.error('Could not apply an officer’s due date', { officerId: id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
    },
    pageSize: options.pageSize ?? 25,
    max: options.maxOfficers ?? 500,
    concurrency: Math.max(1, options.concurrency ?? 4),
  });
  run.examined = examined;
  run.more = more;
  return run;
}
