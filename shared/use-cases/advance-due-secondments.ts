import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SYSTEM_ACTOR } from '../data/audit.repository';
import { getSecondment, queryDueSecondmentIds, saveSecondmentActions, secondmentAudit } from '../data/secondment.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { dueTransition } from '../domain/secondment-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError } from '../errors';
import { logger } from '../logger';
import { endCommitment } from './officer-commitments';
import { advanceSecondment } from './secondment-access';
import { workThroughDue } from './work-through-due';

export interface SecondmentRunOptions {
  /** Due markers read per Query. */
  pageSize?: number;
  /** Most secondments one run looks at; the rest wait for the next run. */
  maxSecondments?: number;
  /** Secondments advanced at once. */
  concurrency?: number;
}

export interface SecondmentRun {
  /** Secondments the due partition listed and this run looked at. */
  examined: number;
  /** Confirmed → active. */
  started: number;
  /** Active (or confirmed, past its end date) → completed. */
  completed: number;
  /** Gone, no longer confirmed or active (withdrawn, completed early), or not due after all. */
  skipped: number;
  /** The secondment changed between this run's read and its write; the next run looks again. */
  conflicts: number;
  /** Unexpected errors; the next run tries them again. */
  failed: number;
  /** The run stopped at `maxSecondments` with more due. */
  more: boolean;
  startedIds: string[];
  completedIds: string[];
}

type Outcome = { kind: 'active' | 'completed' } | { kind: 'skipped'; reason: string } | { kind: 'conflict'; reason: string };

/**
 * Advance one secondment if it is still due: re-read it (strongly), decide
 * from its status and dates, and write the next state in one transaction
 * conditioned on the version read — a withdrawal or a completion by the host
 * landing meanwhile wins, and this run counts a conflict. The save moves the
 * due marker (start → end date, or off) and the flows counter; completion
 * ends the officer's commitment (off every home team's `committedOut`) exactly as the
 * complete route does.
 */
async function advanceOne(applicationId: string, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const app = await getSecondment(applicationId, true);
  if (!app) return { kind: 'skipped', reason: 'gone' };
  const to = dueTransition(app, todayIso(now));
  if (!to) return { kind: 'skipped', reason: `not due (${app.status})` };

  const note = to === 'active' ? `Started on ${app.startDate}.` : `Ended on ${app.endDate}.`;
  const next = advanceSecondment(app, to, SYSTEM_ACTOR, at, to === 'completed' ? { commitment: null } : {}, note);
  const released = to === 'completed' && app.commitment ? await endCommitment(app, at, () => new ConflictError(`Officer ${app.officerId} changed since the lifecycle job read it.`)) : { actions: [], teams: [] };
  const actions: GuardedAction[] = [
    ...saveSecondmentActions(app, next, () => new ConflictError(`Secondment ${app.id} changed since the lifecycle job read it.`)),
    ...released.actions,
  ];
  actions.push(
    secondmentAudit(next, to === 'active' ? 'secondment.started' : 'secondment.completed', SYSTEM_ACTOR, at, note, {
      from: app.status,
      ...(to === 'active' ? { startDate: app.startDate } : { endDate: app.endDate }),
      ...(released.actions.length ? { committedOutReleased: released.teams.map((c) => `${app.homeOrgId}:${c}`) } : {}),
    }),
  );
  try {
    await transactWrite(actions);
  } catch (err) {
    if (err instanceof ConflictError) return { kind: 'conflict', reason: err.message };
    if (err instanceof TransactionCanceledException || (err as Error)?.name === 'TransactionCanceledException') return { kind: 'conflict', reason: 'transaction conflict' };
    throw err;
  }
  return { kind: to };
}

/**
 * The scheduled secondment lifecycle job: a confirmed
 * secondment becomes active on its start date, an active one completes on
 * its end date. Primary course: read the `DUE#SECONDMENT` partition up to
 * today (UTC) page by page; for each secondment, re-read it and advance it
 * in one transaction (the application conditioned on its version, its due
 * marker moved or removed, its flows counter moved, on completion the home
 * team's `committedOut` released, the audit entry by the system actor).
 *
 * Idempotent and safe alongside itself and the routes: every write is
 * conditioned on the version read, so a secondment advances once; a loser
 * is counted as a conflict and looked at again next run.
 */
export async function advanceDueSecondments(now = new Date(), options: SecondmentRunOptions = {}): Promise<SecondmentRun> {
  const pageSize = options.pageSize ?? 25;
  const max = options.maxSecondments ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const run: SecondmentRun = { examined: 0, started: 0, completed: 0, skipped: 0, conflicts: 0, failed: 0, more: false, startedIds: [], completedIds: [] };
  const today = todayIso(now);

  const { examined, more } = await workThroughDue({
    page: (limit, start) => queryDueSecondmentIds(today, { limit, ...(start ? { start } : {}) }),
    each: async (id) => {
      const outcome = await advanceOne(id, now);
      if (outcome.kind === 'active') {
        run.started++;
        run.startedIds.push(id);
      } else if (outcome.kind === 'completed') {
        run.completed++;
        run.completedIds.push(id);
      } else if (outcome.kind === 'conflict') {
        run.conflicts++;
        logger.info('Due secondment changed meanwhile; the next run looks again', { applicationId: id, reason: outcome.reason });
      } else if (outcome.kind === 'skipped') {
        run.skipped++;
        logger.info('Due secondment skipped', { applicationId: id, reason: outcome.reason });
      }
    },
    onError: (id, err) => {
      run.failed++;
      logger.error('Could not advance a due secondment', { applicationId: id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
    },
    pageSize,
    max,
    concurrency,
  });
  run.examined = examined;
  run.more = more;
  return run;
}
