import type { Context, ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/logger';
import { closeDueCampaigns, type CampaignCloseRun } from '../../shared/use-cases/close-due-campaigns';

/**
 * The campaign closing job, invoked by an EventBridge schedule every hour:
 * open campaigns whose closing date has passed become `closed`. Not an HTTP
 * handler: no middy chain, just the logger and one use case. A run with
 * failures throws after the others are done, so Lambda's async retries try
 * again (the use case is idempotent) and, past those, the invocation lands
 * in the job's failure queue. Conflicts are not failures: the next run picks
 * them up.
 */
export async function handler(event: ScheduledEvent, context: Context): Promise<CampaignCloseRun> {
  logger.addContext(context);
  // The clock, not event.time: a retried invocation keeps its original time, and a day may have turned since.
  const now = new Date();
  const run = await closeDueCampaigns(now);
  logger.info('Campaign closing run finished', { scheduledAt: event.time, ranAt: now.toISOString(), ...run });
  if (run.failed > 0) throw new Error(`${run.failed} due campaign(s) could not be closed; they stay due for the next attempt.`);
  return run;
}
