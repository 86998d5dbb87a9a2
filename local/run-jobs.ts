/**
 * `npm run jobs`: run the scheduled jobs once, as EventBridge would, against
 * DynamoDB Local (DYNAMODB_ENDPOINT, default the one `npm start` runs on port
 * 8000; TABLE_NAME). Events and emails go to the same outbox as `npm start`.
 * `--now=2026-12-31T09:00:00Z` runs them as if it were that time, to see an
 * alert escalate without waiting ten working days (or the ROCC's five pass
 * and the default outcome apply), an accepted move take effect on its start
 * date, a secondment start and end, a campaign close after its closing date,
 * a posting end or a leaving date arrive, or a forecast warning come due.
 */
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run jobs [-- --now=2026-12-31T09:00:00Z]';

function parseNow(args: string[]): Date {
  let now = new Date();
  for (const arg of args) {
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const match = /^--now=(.+)$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}. ${USAGE}`);
    now = new Date(match[1]!);
    if (Number.isNaN(now.getTime())) throw new Error(`--now=${match[1]} is not an ISO timestamp such as 2026-12-31T09:00:00Z.`);
  }
  return now;
}

async function main(): Promise<void> {
  const now = parseNow(process.argv.slice(2));
  // Before anything reads config: always a local engine (never AWS), and the local outbox rather than a bus.
  process.env.DYNAMODB_ENDPOINT ||= `http://127.0.0.1:${process.env.DYNAMODB_PORT || 8000}`;
  process.env.NOTIFY_MODE = 'outbox';
  process.env.OUTBOX_DIR ||= join(resolve(process.env.DATA_DIR || join(REPO_ROOT, '.local')), 'outbox');
  delete process.env.EVENT_BUS_NAME;

  const { config } = await import('../shared/config');
  const { escalateDueAlerts } = await import('../shared/use-cases/escalate-due-alerts');
  const { applyDueMoves } = await import('../shared/use-cases/apply-due-moves');
  const { advanceDueSecondments } = await import('../shared/use-cases/advance-due-secondments');
  const { closeDueCampaigns } = await import('../shared/use-cases/close-due-campaigns');
  const { runWorkforceDay } = await import('../shared/use-cases/workforce-day');
  const { drainOutbox } = await import('../shared/use-cases/deliver-outbox');
  const { DYNAMODB_ENDPOINT, TABLE_NAME } = config();
  console.log(`Jobs at ${now.toISOString()} against table ${TABLE_NAME} at ${DYNAMODB_ENDPOINT}; outbox ${process.env.OUTBOX_DIR}`);

  const run = await escalateDueAlerts(now);
  console.log(
    `Escalate due alerts: ${run.examined} due, ${run.escalated} escalated to the ROCC, ${run.defaulted} given the default outcome (no ROCC decision in time), ${run.skipped} skipped (answered or changed meanwhile), ${run.failed} failed${run.more ? '; more are due than one run takes, run again' : ''}.`,
  );
  for (const id of run.escalatedIds) console.log(`  escalated ${id}`);
  for (const id of run.defaultedIds) console.log(`  default outcome ${id}`);

  const moves = await applyDueMoves(now);
  console.log(
    `Apply due moves: ${moves.examined} due, ${moves.moved} took effect (officer moved to the campaign's owner), ${moves.skipped} skipped (no longer accepted, or the officer has left), ` +
      `${moves.conflicts} changed meanwhile (the next run retries), ${moves.failed} failed${moves.more ? '; more are due than one run takes, run again' : ''}.`,
  );
  for (const id of moves.movedIds) console.log(`  appointed ${id}`);

  const secondments = await advanceDueSecondments(now);
  console.log(
    `Advance due secondments: ${secondments.examined} due, ${secondments.started} started, ${secondments.completed} completed (committedOut released), ` +
      `${secondments.skipped} skipped (no longer confirmed or active), ${secondments.conflicts} changed meanwhile (the next run retries), ${secondments.failed} failed${secondments.more ? '; more are due than one run takes, run again' : ''}.`,
  );
  for (const id of secondments.startedIds) console.log(`  started ${id}`);
  for (const id of secondments.completedIds) console.log(`  completed ${id}`);

  const campaigns = await closeDueCampaigns(now);
  console.log(
    `Close due campaigns: ${campaigns.examined} due, ${campaigns.closed} closed (closing date passed), ${campaigns.skipped} skipped (no longer open), ` +
      `${campaigns.conflicts} changed meanwhile (the next run retries), ${campaigns.failed} failed${campaigns.more ? '; more are due than one run takes, run again' : ''}.`,
  );
  for (const id of campaigns.closedIds) console.log(`  closed ${id}`);

  const workforce = await runWorkforceDay(now);
  const { officers, warnings } = workforce;
  console.log(
    `Workforce day: ${officers.examined} officer(s) due, ${officers.postingsEnded} posting(s) ended (back in their home's teams), ${officers.left} left the service, ${officers.skipped} skipped, ` +
      `${officers.conflicts} changed meanwhile (the next run retries), ${officers.failed} failed${officers.more ? '; more are due than one run takes, run again' : ''}. ` +
      `Forecast warnings: ${warnings.examined} team(s) checked, ${warnings.raised} raised, ${warnings.resolved} resolved (recovered), ${warnings.failed} failed.`,
  );
  for (const id of officers.endedIds) console.log(`  posting ended ${id}`);
  for (const id of officers.leftIds) console.log(`  left ${id}`);

  const delivered = await drainOutbox(1000);
  console.log(`Notifier: ${delivered} event(s) delivered from the table's outbox to ${process.env.OUTBOX_DIR}.`);
  if (run.failed || moves.failed || secondments.failed || campaigns.failed || officers.failed || warnings.failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  // An AWS service error's stack is SDK internals; its name and message say what went wrong.
  console.error('Jobs failed:', err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exitCode = 1;
});
