import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { runWorkforceDay, type WorkforceDayRun } from '../../shared/use-cases/workforce-day';

/**
 * The daily workforce job, invoked by an EventBridge schedule after
 * midnight: postings that end and leavers who leave today change the
 * counters, then each ROCU team's forecast is checked for a breach coming
 * within the warning window. Not an HTTP handler: the logger and one use
 * case. A run with failures throws after the rest is done, so Lambda's
 * async retries try again (both steps are idempotent) and, past those, the
 * invocation lands in the job's failure queue.
 */
export async function handler(event: ScheduledEvent, context: Context): Promise<WorkforceDayRun> {
  logger.addContext(context);
  const now = new Date();
  const run = await runWorkforceDay(now);
  logger.info('Workforce day finished', { scheduledAt: event.time, ranAt: now.toISOString(), ...run });
  if (run.officers.failed > 0 || run.warnings.failed > 0) throw new Error('Some officer dates or forecast warnings could not be applied; they are retried on the next attempt.');
  return run;
}
