import { SYSTEM_ACTOR } from '../data/audit.repository';
import { queryCampaignsDueToClose } from '../data/campaign-due.repository';
import { getCampaign, saveCampaign } from '../data/campaign.repository';
import { ready } from '../domain/campaign-readiness';
import { dueToClose, longDate } from '../domain/campaign-rules';
import { todayIso } from '../domain/working-days';
import { ConflictError, PreconditionFailedError } from '../errors';
import { logger } from '../logger';
import { workThroughDue } from './work-through-due';

export interface CampaignCloseOptions {
  /** Campaigns read from the due index per Query. */
  pageSize?: number;
  /** Most campaigns one run looks at; the rest wait for the next run. */
  maxCampaigns?: number;
  /** Campaigns closed at once. */
  concurrency?: number;
}

export interface CampaignCloseRun {
  /** Campaigns the due index listed and this run looked at. */
  examined: number;
  closed: number;
  /** Gone, no longer open (closed or cancelled by the owner) or not due after all. */
  skipped: number;
  /** The campaign changed between this run's read and its write; the next run looks again. */
  conflicts: number;
  /** Unexpected errors; the next run tries them again. */
  failed: number;
  /** The run stopped at `maxCampaigns` with more due. */
  more: boolean;
  closedIds: string[];
}

type Outcome = { kind: 'closed' } | { kind: 'skipped'; reason: string } | { kind: 'conflict' };

/**
 * Close one campaign if it is still open past its closing date: re-read it
 * (strongly) and write `closed` conditioned on the version read, so the
 * owner's HR lead closing or cancelling it meanwhile (or a ROCC's decision
 * changing it) wins, and this run counts a conflict. The write drops the
 * campaign's due marker with its status.
 */
async function closeOne(campaignId: string, now: Date): Promise<Outcome> {
  const campaign = await getCampaign(campaignId, true);
  if (!campaign) return { kind: 'skipped', reason: 'gone' };
  if (!dueToClose(campaign, todayIso(now))) return { kind: 'skipped', reason: `not due (${campaign.status}, closes on ${campaign.closesOn})` };
  try {
    await saveCampaign(
      campaign,
      { ...campaign, status: 'closed' },
      { version: campaign.version, via: 'body' },
      { action: 'campaign.closed', actor: SYSTEM_ACTOR, note: `The closing date, ${longDate(ready(campaign).closesOn)}, has passed.`, at: now.toISOString() },
    );
  } catch (err) {
    if (err instanceof ConflictError || err instanceof PreconditionFailedError) return { kind: 'conflict' };
    throw err;
  }
  return { kind: 'closed' };
}

/**
 * The closing job (BRIEF.md "Recruitment campaigns": a job closes a
 * campaign at its closing date). Primary course: read the due index of open
 * campaigns whose closing date is before today (UTC), page by page; for each,
 * re-read it and write `open → closed` with an audit entry by the service.
 * Applying is refused from the day after `closesOn` whether or not this has
 * run (the date is in the application's own condition), so the job only
 * moves the status on; offers go on in a closed campaign.
 *
 * Idempotent and safe to run alongside itself: each write is conditioned on
 * the version read, so a campaign is closed once.
 */
export async function closeDueCampaigns(now = new Date(), options: CampaignCloseOptions = {}): Promise<CampaignCloseRun> {
  const run: CampaignCloseRun = { examined: 0, closed: 0, skipped: 0, conflicts: 0, failed: 0, more: false, closedIds: [] };
  const today = todayIso(now);
  const { examined, more } = await workThroughDue({
    page: (limit, start) => queryCampaignsDueToClose(today, { limit, ...(start ? { start } : {}) }),
    each: async (id) => {
      const outcome = await closeOne(id, now);
      if (outcome.kind === 'closed') {
        run.closed++;
        run.closedIds.push(id);
      } else if (outcome.kind === 'conflict') {
        run.conflicts++;
        logger.info('Due campaign changed meanwhile; the next run tries again', { campaignId: id });
      } else {
        run.skipped++;
        logger.info('Due campaign skipped', { campaignId: id, reason: outcome.reason });
      }
    },
    onError: (id, err) => {
      run.failed++;
      logger.error('Could not close a due campaign', { campaignId: id, errorName: (err as Error)?.name, errorMessage: (err as Error)?.message });
    },
    pageSize: options.pageSize ?? 25,
    max: options.maxCampaigns ?? 100,
    concurrency: options.concurrency ?? 4,
  });
  run.examined = examined;
  run.more = more;
  return run;
}
