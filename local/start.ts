/**
 * `npm start`: the whole service on one machine. DynamoDB Local (keeping its
 * data under DATA_DIR), the table, the seed, the local identity provider and
 * the gateway that runs the Lambda handlers, until Ctrl-C.
 */
import type { Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from './dynamodb-local';
import { createLocalServer } from './gateway/server';
import { createLocalTokens } from './tokens';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A startup problem with a message a person can act on; printed without a stack trace. */
class StartupError extends Error {}

interface Settings {
  port: number;
  host: string;
  dynamoDbPort: number;
  dynamoDbEndpoint: string | undefined;
  dataDir: string;
  tableName: string;
  /** Seconds between runs of the scheduled jobs; 0: never. */
  jobsIntervalSeconds: number;
}

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartupError(`${name}=${raw} is not a port number (1-65535).`);
  return port;
}

function readSettings(): Settings {
  const endpoint = process.env.DYNAMODB_ENDPOINT || undefined;
  if (endpoint !== undefined && !URL.canParse(endpoint)) {
    throw new StartupError(`DYNAMODB_ENDPOINT=${endpoint} is not a URL (e.g. http://127.0.0.1:8000).`);
  }
  return {
    port: portFrom('PORT', 3000),
    // Loopback only: anyone who can reach this server can mint an admin token.
    host: process.env.HOST || '127.0.0.1',
    dynamoDbPort: portFrom('DYNAMODB_PORT', 8000),
    dynamoDbEndpoint: endpoint,
    dataDir: resolve(process.env.DATA_DIR || join(REPO_ROOT, '.local')),
    tableName: process.env.TABLE_NAME || 'rocu-workforce',
    jobsIntervalSeconds: secondsFrom('JOBS_INTERVAL_SECONDS', 60),
  };
}

function secondsFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0) throw new StartupError(`${name}=${raw} is not a whole number of seconds (0 turns the jobs off).`);
  return seconds;
}

/**
 * The scheduled jobs, as EventBridge runs them in AWS (alert escalation every
 * 15 minutes; moves, the secondment lifecycle and campaign closing every hour;
 * postings ending, leavers and forecast warnings daily there; all more often here, so a demo does not wait). A run still going when the next is due is left to
 * finish; the jobs are safe to overlap, but there is no point.
 */
async function startJobTimer(intervalSeconds: number): Promise<() => void> {
  if (intervalSeconds === 0) return () => {};
  const { escalateDueAlerts } = await import('../shared/use-cases/escalate-due-alerts');
  const { applyDueMoves } = await import('../shared/use-cases/apply-due-moves');
  const { advanceDueSecondments } = await import('../shared/use-cases/advance-due-secondments');
  const { closeDueCampaigns } = await import('../shared/use-cases/close-due-campaigns');
  const { runWorkforceDay } = await import('../shared/use-cases/workforce-day');
  const { drainOutbox } = await import('../shared/use-cases/deliver-outbox');
  const jobs: { name: string; run: () => Promise<string | undefined> }[] = [
    {
      name: 'Escalation job',
      run: async () => {
        const run = await escalateDueAlerts();
        return run.escalated || run.defaulted || run.failed
          ? `${run.escalated} alert(s) escalated to the ROCC, ${run.defaulted} given the default outcome (no ROCC decision in time), ${run.skipped} skipped, ${run.failed} failed.`
          : undefined;
      },
    },
    {
      name: 'Move job',
      run: async () => {
        const run = await applyDueMoves();
        return run.moved || run.conflicts || run.failed
          ? `${run.moved} accepted move(s) took effect, ${run.skipped} skipped, ${run.conflicts} changed meanwhile (next run), ${run.failed} failed.`
          : undefined;
      },
    },
    {
      name: 'Secondment job',
      run: async () => {
        const run = await advanceDueSecondments();
        return run.started || run.completed || run.conflicts || run.failed
          ? `${run.started} secondment(s) started, ${run.completed} completed, ${run.skipped} skipped, ${run.conflicts} changed meanwhile (next run), ${run.failed} failed.`
          : undefined;
      },
    },
    {
      name: 'Campaign closing job',
      run: async () => {
        const run = await closeDueCampaigns();
        return run.closed || run.conflicts || run.failed
          ? `${run.closed} campaign(s) closed (closing date passed), ${run.skipped} skipped, ${run.conflicts} changed meanwhile (next run), ${run.failed} failed.`
          : undefined;
      },
    },
    {
      name: 'Workforce job',
      run: async () => {
        const { officers, warnings } = await runWorkforceDay();
        return officers.postingsEnded || officers.left || officers.conflicts || officers.failed || warnings.raised || warnings.resolved || warnings.failed
          ? `${officers.postingsEnded} posting(s) ended, ${officers.left} officer(s) left, ${officers.conflicts} changed meanwhile (next run), ${officers.failed} failed; ` +
              `forecast warnings: ${warnings.raised} raised, ${warnings.resolved} resolved, ${warnings.failed} failed.`
          : undefined;
      },
    },
  ];
  // What the jobs put in the outbox is delivered to the outbox files, as the stream notifier does in AWS.
  jobs.push({
    name: 'Notifier',
    run: async () => {
      const delivered = await drainOutbox();
      return delivered ? `${delivered} event(s) delivered from the outbox.` : undefined;
    },
  });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // One after the other: each job's failure is its own, and neither holds the other back.
      for (const job of jobs) {
        try {
          const line = await job.run();
          // Quiet when there is nothing to do: this runs every minute.
          if (line) console.log(`${job.name}: ${line}`);
        } catch (err) {
          console.error(`${job.name} failed:`, err instanceof Error ? `${err.name}: ${err.message}` : err);
        }
      }
    } finally {
      running = false;
    }
  };
  // Once now, so alerts that fell due and moves that started while the service was stopped are handled straight away.
  void tick();
  const timer = setInterval(() => void tick(), intervalSeconds * 1000);
  return () => clearInterval(timer);
}

/**
 * Checked on all interfaces, before Java starts: a port held by another
 * process is then a clear message in a second, and (for DynamoDB) never a
 * silent connection to someone else's engine.
 */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise, reject) => {
    const probe = createNetServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') resolvePromise(false);
      else reject(err);
    });
    probe.listen(port, () => probe.close(() => resolvePromise(true)));
  });
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE'
          ? new StartupError(`Port ${port} is already in use (another npm start?). Stop that process or set PORT.`)
          : err,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolvePromise();
    });
  });
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd()).join('\n');
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

async function main(): Promise<void> {
  let dynamoStarting: Promise<RunningDynamoDb> | undefined;
  let server: Server | undefined;
  let stopJobs: (() => void) | undefined;
  let stopping = false;

  const stopDynamoDb = async () => {
    const dynamo = await dynamoStarting?.catch(() => undefined);
    await dynamo?.stop();
  };

  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stopJobs?.();
    if (server) {
      server.close();
      server.closeAllConnections();
    }
    await stopDynamoDb();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Last resort on a crash: stop() sends Java its SIGTERM synchronously, before this process is gone.
  let running: RunningDynamoDb | undefined;
  process.once('exit', () => void running?.stop());
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const settings = readSettings();
    const { port, host, dataDir, tableName } = settings;

    if (!(await portIsFree(port))) {
      throw new StartupError(`Port ${port} is already in use (another npm start?). Stop that process or set PORT.`);
    }

    let endpoint: string;
    let engine: string;
    if (settings.dynamoDbEndpoint) {
      endpoint = settings.dynamoDbEndpoint;
      engine = `${endpoint} (given by DYNAMODB_ENDPOINT)`;
    } else {
      if (!(await portIsFree(settings.dynamoDbPort))) {
        throw new StartupError(
          `Port ${settings.dynamoDbPort} for DynamoDB Local is already in use. Set DYNAMODB_PORT to a free port, ` +
            `or DYNAMODB_ENDPOINT=http://127.0.0.1:${settings.dynamoDbPort} if that is a DynamoDB engine you want to use.`,
        );
      }
      const dbPath = join(dataDir, 'dynamodb');
      console.log(`Starting DynamoDB Local on port ${settings.dynamoDbPort} (data in ${shown(dbPath)})…`);
      dynamoStarting = startDynamoDbLocal({ port: settings.dynamoDbPort, dbPath });
      running = await dynamoStarting;
      endpoint = running.endpoint;
      engine = `${endpoint} (DynamoDB Local, data in ${shown(dbPath)})`;
    }

    // Before anything imports shared/config, which reads these when it loads.
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.TABLE_NAME = tableName;
    // Domain events and emails land in files here (GET /local/outbox) instead of EventBridge and SES:
    // a local run must never email the demo contacts for real.
    const outboxDir = join(dataDir, 'outbox');
    process.env.NOTIFY_MODE = 'outbox';
    process.env.OUTBOX_DIR = outboxDir;
    delete process.env.EVENT_BUS_NAME;
    const tableState = await ensureTable(endpoint, tableName);

    // Imported only now, so nothing in the seed's module graph can read config before the env is set.
    const { seedAll } = await import('./seed/seed');
    const { resolvePersonas } = await import('./seed/personas');
    // The first seed writes a few thousand items and takes a while on disk: show that it is moving.
    const { seeded, ms } = await seedAll({
      onProgress: ({ stage, done, total }) => {
        if (done === total) console.log(`  seeded ${stage}: ${total}`);
      },
    });
    console.log(seeded ? `Seed loaded in ${(ms / 1000).toFixed(1)} s.` : 'Seed already there (kept from the last run).');
    // Officer ids are made by the data layer while seeding, so they are known only now.
    const personas = await resolvePersonas();
    const unresolved = personas.filter((p) => p.staffNumber && !p.officerId).map((p) => p.id);
    if (unresolved.length) console.warn(`Warning: no officer record for persona(s) ${unresolved.join(', ')}; their tokens carry no officerId.`);

    const tokens = createLocalTokens({ keyDir: join(dataDir, 'keys') });
    // Makes (or loads) the signing key now, so a key problem stops startup rather than the first sign-in.
    await tokens.verifyToken('');

    server = createLocalServer({ verify: tokens.verifyToken, issue: tokens.issueToken, personas, outboxDir });
    await listen(server, port, host);
    stopJobs = await startJobTimer(settings.jobsIntervalSeconds);

    const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    const url = `http://${shownHost}:${port}`;
    const example = personas[0]?.id ?? '<persona id>';
    console.log(
      [
        '',
        `ROCU workforce, local run: ${url}`,
        `  API docs   ${url}/v1/openapi.json`,
        `  Web UI     ${url}/ (from web/dist when built)`,
        `  DynamoDB   ${engine}`,
        `  Table      ${tableName} (${tableState === 'created' ? 'created' : 'kept'}; seed ${seeded ? 'loaded' : 'already there, left as it is'})`,
        `  Keys       ${shown(tokens.keyDir)}`,
        `  Outbox     ${shown(outboxDir)} (events and emails the service would send: ${url}/local/outbox)`,
        `  Jobs       ${settings.jobsIntervalSeconds ? `alert escalation, moves taking effect and secondments starting and ending, every ${settings.jobsIntervalSeconds} s (JOBS_INTERVAL_SECONDS)` : 'off (JOBS_INTERVAL_SECONDS=0); npm run jobs runs them once'}`,
        '',
        'Personas (POST /local/token with {"sub":"<id>"} signs in as one):',
        table([['id', 'name', 'org', 'roles'], ...personas.map((p) => [p.id, p.name, p.org, p.roles.join(',')])]),
        '',
        'Get a token and call the API:',
        `  TOKEN=$(curl -s -X POST ${url}/local/token -H 'content-type: application/json' -d '{"sub":"${example}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')`,
        `  curl -s -H "authorization: Bearer $TOKEN" ${url}/v1/organisations`,
        '',
        'Ctrl-C stops the server and DynamoDB Local.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    if (err instanceof StartupError) console.error(`Cannot start: ${err.message}`);
    // An AWS service error's stack is SDK internals; its name and message say what went wrong.
    else if (err instanceof Error && '$metadata' in err) console.error(`Cannot start: ${err.name}: ${err.message}`);
    else console.error('Cannot start:', err);
    server?.close();
    await stopDynamoDb();
    process.exit(1);
  }
}

await main();
