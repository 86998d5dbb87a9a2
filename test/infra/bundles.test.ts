import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { functionBuildOptions } from '../../infra/constructs/api-function';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The SDK clients that deliver domain events: only the outbox notifier may carry them. */
const PUBLISHING_CLIENTS = ['@aws-sdk/client-sesv2', '@aws-sdk/client-eventbridge'];

/** A function's bundle as the stack builds it, every chunk included (a route's module is a chunk of its own), not written to disk. */
async function bundleOf(handler: string): Promise<Metafile> {
  const out = await build({ ...functionBuildOptions(join(ROOT, 'functions', `${handler}.ts`), join(ROOT, 'cdk.out', 'bundle-test', handler)), absWorkingDir: ROOT, write: false });
  return out.metafile!;
}

function publishingClientsIn(meta: Metafile): string[] {
  const packages = Object.keys(meta.inputs).map((file) => /node_modules\/(@[^/]+\/[^/]+)/.exec(file)?.[1]);
  return PUBLISHING_CLIENTS.filter((client) => packages.includes(client));
}

describe('function bundles', () => {
  it.each(['api/read', 'api/write', 'api/import', 'jobs/escalate-due-alerts', 'jobs/apply-due-moves', 'jobs/advance-due-secondments', 'jobs/close-due-campaigns'])(
    'the %s function carries neither the SES nor the EventBridge client: its events go to the outbox',
    async (handler) => {
      expect(publishingClientsIn(await bundleOf(handler))).toEqual([]);
    },
    60_000,
  );

  it('the outbox notifier carries both: it alone delivers', async () => {
    expect(publishingClientsIn(await bundleOf('jobs/notify-from-outbox'))).toEqual(PUBLISHING_CLIENTS);
  }, 60_000);
});
