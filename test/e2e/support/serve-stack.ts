/**
 * The whole local stack for the browser tests, in its own process: DynamoDB
 * Local in memory, a fresh table, the seed (without the walk-through campaign:
 * the tests drive the TITAN story through the UI themselves), the local
 * identity provider and the gateway serving `web/dist` on a free port.
 *
 * Prints one line `READY {"url":…}` when it is serving; SIGTERM or SIGINT
 * stops the server and Java. Run by `global-setup.ts`; by hand:
 * `npx tsx test/e2e/support/serve-stack.ts`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable, startDynamoDbLocal, type RunningDynamoDb } from '../../../local/dynamodb-local';
import { createLocalServer } from '../../../local/gateway/server';
import { createLocalTokens } from '../../../local/tokens';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const tempDir = mkdtempSync(join(tmpdir(), 'rocu-e2e-'));
let engine: RunningDynamoDb | undefined;
let server: Server | undefined;

async function stop(code: number): Promise<never> {
  server?.closeAllConnections();
  server?.close();
  await engine?.stop();
  rmSync(tempDir, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
// Started by the test setup: the parent going away (a killed test run) closes
// stdin, so stop Java rather than leave it behind.
if (process.env.E2E_WATCH_STDIN === '1') {
  process.stdin.on('end', () => void stop(0));
  process.stdin.resume();
}

try {
  const started = performance.now();
  engine = await startDynamoDbLocal();
  // Before anything reads shared/config: the handlers and the seed use these.
  process.env.DYNAMODB_ENDPOINT = engine.endpoint;
  process.env.TABLE_NAME = 'rocu-workforce-e2e';
  process.env.NOTIFY_MODE = 'outbox';
  process.env.OUTBOX_DIR = join(tempDir, 'outbox');
  delete process.env.EVENT_BUS_NAME;
  await ensureTable(engine.endpoint, process.env.TABLE_NAME);
  const { seedAll } = await import('../../../local/seed/seed');
  const { resolvePersonas } = await import('../../../local/seed/personas');
  await seedAll({ scenario: false });
  const personas = await resolvePersonas();
  const tokens = createLocalTokens({ keyDir: join(tempDir, 'keys') });
  server = createLocalServer({
    verify: tokens.verifyToken,
    issue: tokens.issueToken,
    personas,
    outboxDir: process.env.OUTBOX_DIR,
    ...(process.env.E2E_STATIC_DIR ? { staticDir: process.env.E2E_STATIC_DIR } : {}),
    quiet: process.env.E2E_LOG !== '1',
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`READY ${JSON.stringify({ url: `http://127.0.0.1:${port}`, ms: Math.round(performance.now() - started) })}`);
} catch (err) {
  console.error('The e2e stack did not start:', err);
  await stop(1);
}
