import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { escalateDueAlerts, type EscalationRun } from '../../shared/use-cases/escalate-due-alerts';

/**
 * The escalation job, invoked by an EventBridge schedule every 15 minutes:
 * alerts past the ROCU head's deadline go to the ROCC, and escalated alerts
 * past the ROCC's deadline get the default outcome.
 * Not an HTTP handler: no middy chain, just the logger and one use case.
 * A run with failures throws after the others are done, so Lambda's async
 * retries try again (the use case is idempotent) and, past those, the
 * invocation lands in the job's failure queue where someone will see it.
 */
export async function handler(event: ScheduledEvent, context: Context): Promise<EscalationRun> {
  logger.addContext(context);
  // The clock, not event.time: a retried invocation keeps its original time, and alerts due since then count too.
  const now = new Date();
  const run = await escalateDueAlerts(now);
  logger.info('Escalation run finished', { scheduledAt: event.time, ranAt: now.toISOString(), ...run });
  if (run.failed > 0) throw new Error(`${run.failed} due alert(s) could not be escalated or given their default outcome; they stay due for the next attempt.`);
  return run;
}
