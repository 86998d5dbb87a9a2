import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { advanceDueSecondments, type SecondmentRun } from '../../shared/use-cases/advance-due-secondments';

/**
 * The secondment lifecycle job, invoked by an EventBridge schedule every
 * hour: confirmed secondments whose start date has come become active,
 * active ones whose end date has come complete (the officer counts in the
 * home team's projection again). A run with failures throws after the others
 * are done, so Lambda's async retries try again (the use case is idempotent)
 * and, past those, the invocation lands in the job's failure queue.
 * Conflicts are not failures: the next run picks them up.
 */
export async function handler(event: ScheduledEvent, context: Context): Promise<SecondmentRun> {
  logger.addContext(context);
  // The clock, not event.time: a retried invocation keeps its original time, and a day may have turned since.
  const now = new Date();
  const run = await advanceDueSecondments(now);
  logger.info('Secondment lifecycle run finished', { scheduledAt: event.time, ranAt: now.toISOString(), ...run });
  if (run.failed > 0) throw new Error(`${run.failed} due secondment(s) could not be advanced; they stay due for the next attempt.`);
  return run;
}
