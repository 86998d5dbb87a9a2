import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { destinationOf, getApplication, officerVersionCheck, saveApplicationAction, applicationOrgIds, type StoredApplication } from '../data/application.repository';
import { auditAction, SYSTEM_ACTOR } from '../data/audit.repository';
import { baselineCounterAction } from '../data/capability.repository';
import { queryDueMoveIds } from '../data/move-due.repository';
import { changedFields, commitmentsOf, countedOfficer, getOfficer, officerUpdateActions } from '../data/officer.repository';
import { getOrganisation } from '../data/organisation.repository';
import { transactWrite, type GuardedAction } from '../data/transact';
import { canTransition } from '../domain/application-rules';
import { withoutCommitment } from '../domain/commitments';
import { regionAfterMove } from '../domain/move-effect';
import { servingOrgOf } from '../domain/posting';
import { counterDeltas } from '../domain/officer-counters';
import { todayIso } from '../domain/working-days';
import { ConflictError, PreconditionFailedError } from '../errors';
import { logger } from '../logger';
import type { Officer } from '../schemas/officer.schema';
import type { Organisation } from '../schemas/organisation.schema';
import { advance } from './application-access';
import { workThroughDue } from './work-through-due';

export interface MoveOptions {
  /** Applications read from the due index per Query. */
  pageSize?: number;
  /** Most applications one run looks at; the rest wait for the next run (every hour). */
  maxMoves?: number;
  /** Moves applied at once. */
  concurrency?: number;
}

export interface MoveRun {
  /** Applications the due index listed and this run looked at. */
  examined: number;
  moved: number;
  /** No longer accepted (withdrawn, already appointed), not due after all, or an officer who has left. */
  skipped: number;
  /** The officer or the application changed between this run's read and its write; the next run tries again. */
  conflicts: number;
  /** Unexpected errors; the next run tries them again. */
  failed: number;
  /** The run stopped at `maxMoves` with more due. */
  more: boolean;
  movedIds: string[];
}

/**
 * Moves starting on the same day hit the same baselines (every move of a campaign lands on its
 * owner's), so transactions cancelled only by each other are retried a few more times than usual.
 */
const MOVE_ATTEMPTS = 8;

type Outcome = { kind: 'moved' } | { kind: 'skipped'; reason: string } | { kind: 'conflict'; reason: string };

function moveNote(app: StoredApplication, destination: Organisation): string {
  return `Appointed to ${destination.name} through the campaign "${app.campaignTitle}" (${app.campaignId}), application ${app.id}, starting ${app.startDate}.`;
}

/**
 * Apply one accepted move if it is still accepted and due. Everything is
 * re-read (the index lags the table) and the one transaction is conditioned
 * on the application's and the officer's versions as read, so an applicant
 * withdrawing, an HR lead editing the officer, or another run moving them
 * first wins, and this run skips (or counts a conflict, retried next run).
 */
async function applyOne(applicationId: string, now: Date): Promise<Outcome> {
  const at = now.toISOString();
  const app = await getApplication(applicationId, true);
  if (!app) return { kind: 'skipped', reason: 'gone' };
  if (!canTransition('appoint', app.status)) return { kind: 'skipped', reason: `now ${app.status}` };
  if (!app.startDate || app.startDate > todayIso(now)) return { kind: 'skipped', reason: 'not due' };

  const [officer, destination] = await Promise.all([getOfficer(app.officerId, true), getOrganisation(destinationOf(app))]);
  // Not a conflict a retry resolves: someone has to end the application. It stays due and is logged each run.
  if (!officer) return { kind: 'skipped', reason: 'officer record gone' };
  if (officer.status !== 'active') return { kind: 'skipped', reason: 'officer has left the service' };
  if (!destination) throw new Error(`The destination ${destinationOf(app)} of application ${app.id} is not an organisation.`);

  const movedHome = officer.homeOrgId !== destination.id;
  // Appointed into their own employer's posts from a posting elsewhere, an officer moves back all the same.
  const moves = movedHome || servingOrgOf(officer) !== destination.id;
  const holdsCommitment = commitmentsOf(officer).some((c) => c.applicationId === app.id);
  const commitments = withoutCommitment(commitmentsOf(officer), app.id);
  const after: Officer = moves
    ? {
        ...officer,
        homeOrgId: destination.id,
        // The appointment ends any posting: the officer serves in the organisation they are appointed to.
        servingOrgId: null,
        servingUntil: null,
        region: regionAfterMove(officer.region, destination),
        // A staff number is the old organisation's own reference; the new one issues its own.
        staffNumber: movedHome ? null : officer.staffNumber,
        commitments,
        version: officer.version + 1,
        updatedAt: at,
      }
    : holdsCommitment
      ? { ...officer, commitments, version: officer.version + 1, updatedAt: at }
      : officer;
  // One function plans every officer write's counters: the old home loses the officer's holdings and their
  // commitment together (projected does not move: the acceptance already took them off it), the new home gains them.
  const counters = counterDeltas(countedOfficer(officer), countedOfficer(after));
  const note = moveNote(app, destination);
  const next = advance(app, 'appointed', SYSTEM_ACTOR, at, { commitment: null }, note);

  const officerChanged = () => new ConflictError(`Officer ${officer.id} changed since the move job read it.`);
  const actions: GuardedAction[] = [
    // The rewritten item is not `accepted`, so it carries no gsi3 keys: it leaves the due index.
    saveApplicationAction(app, next, () => new ConflictError(`Application ${app.id} changed since the move job read it.`)),
    // The counters below follow the officer as read; an edit landing meanwhile makes this run retry later.
    ...(after !== officer ? officerUpdateActions(officer, after, officerChanged) : [officerVersionCheck(officer.id, officer.version, officerChanged)]),
    ...counters.map((change) => baselineCounterAction(change)),
  ];
  if (movedHome) {
    actions.push(
      auditAction({
        entityType: 'officer',
        entityId: officer.id,
        action: 'officer.moved-home',
        actor: SYSTEM_ACTOR,
        orgIds: [...new Set([officer.homeOrgId, servingOrgOf(officer), after.homeOrgId])],
        at,
        note,
        changes: {
          ...changedFields(officer, { homeOrgId: after.homeOrgId, region: after.region }),
          ...(officer.staffNumber ? { staffNumber: null } : {}),
          applicationId: app.id,
        },
      }),
    );
  }
  actions.push(
    auditAction({
      entityType: 'application',
      entityId: app.id,
      action: 'application.appointed',
      actor: SYSTEM_ACTOR,
      orgIds: applicationOrgIds(app),
      at,
      note,
      changes: {
        from: app.status,
        startDate: app.startDate,
        homeOrgId: { from: officer.homeOrgId, to: after.homeOrgId },
        committedOutReleased: counters.filter((c) => c.committedOut < 0).map((c) => `${c.orgId}:${c.capabilityId}`),
      },
    }),
  );

  try {
    await transactWrite(actions, { maxAttempts: MOVE_ATTEMPTS });
  } catch (err) {
    if (err instanceof ConflictError || err instanceof PreconditionFailedError) return { kind: 'conflict', reason: err.message };
    // Cancelled by other transactions on the same items even after transactWrite's retries: nothing was written.
    if (err instanceof TransactionCanceledException || (err as Error)?.name === 'TransactionCanceledException') {
      return { kind: 'conflict', reason: 'transaction conflict' };
    }
    throw err;
  }
  return { kind: 'moved' };
}

/**
 * The scheduled move job (BRIEF.md "Capability protection": when an accepted
 * move takes effect the officer's home changes, and `strength` and
 * `committedOut` drop by one together). Primary course: read the move-due
 * index page by page up to today (UTC); for each accepted application,
 * re-read it, the officer and the campaign owner's organisation, then in one
 * transaction: the officer's new home (and region, staff number released),
 * every baseline's counters (the old home loses the officer's holdings and
 * the acceptance's commitment, the new home gains the holdings), the
 * application `appointed` and off the due index, and the audit entries.
 *
 * Idempotent and safe to run alongside itself: every write is conditioned on
 * the versions read, so an officer is moved once; a conflict is counted and
 * left for the next run. A run looks at `maxMoves` at most.
 */
export async function applyDueMoves(now = new Date(), options: MoveOptions = {}): Promise<MoveRun> {
  const pageSize = options.pageSize ?? 25;
  const maxMoves = options.maxMoves ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const run: MoveRun = { examined: 0, moved: 0, skipped: 0, conflicts: 0, failed: 0, more: false, movedIds: [] };
  const today = todayIso(now);

  const { examined, more } = await workThroughDue({
    page: (limit, start) => queryDueMoveIds(today, { limit, ...(start ? { start } : {}) }),
    each: async (id) => {
      const outcome = await applyOne(id, now);
      if (outcome.kind === 'moved') {
        run.moved++;
        run.movedIds.push(id);
      } else if (outcome.kind === 'conflict') {
        run.conflicts++;
        logger.info('Due move changed meanwhile; the next run tries again', { applicationId: id, reason: outcome.reason });
      } else {
        run.skipped++;
        logger[outcome.reason === 'not due' || outcome.reason.startsWith('now ') ? 'info' : 'warn']('Due move skipped', { applicationId: id, reason: outcome.reason });
      }
    },
    onError: (id, err) => {
      run.failed++;
      logger.error('Could not apply a due move', { applicationId: id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
    },
    pageSize,
    max: maxMoves,
    concurrency,
  });
  run.examined = examined;
  run.more = more;
  return run;
}
