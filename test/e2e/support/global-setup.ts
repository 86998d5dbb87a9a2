import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildWebIfStale } from '../../../scripts/build-web-if-stale';
import { browserProblem } from './browser-path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The local stack serving the API and the built web UI; empty when the browser tests are skipped. */
    e2eBaseUrl: string;
    /** Why the browser tests are skipped (no Chromium outside CI); empty when they run. */
    e2eSkipReason: string;
  }
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
let stack: ChildProcess | undefined;

/** Start `serve-stack.ts` and wait for its READY line (DynamoDB Local, the seed, the gateway). */
function startStack(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'e2e', 'support', 'serve-stack.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, E2E_WATCH_STDIN: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`The e2e stack did not start within 180 s:\n${output}`));
    }, 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^READY (.+)$/m.exec(output);
      if (ready) {
        clearTimeout(timer);
        const { url, ms } = JSON.parse(ready[1]!) as { url: string; ms: number };
        console.log(`e2e stack ready at ${url} (DynamoDB Local and seed in ${(ms / 1000).toFixed(1)} s)`);
        resolvePromise({ child, url });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.E2E_LOG === '1') process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The e2e stack exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/**
 * Once per e2e run: check for Chromium (a missing browser fails the run in CI
 * and skips the browser tests elsewhere), build the web UI if it is stale,
 * and start one local stack that every test file shares.
 */
export async function setup(project: TestProject): Promise<void> {
  project.provide('e2eBaseUrl', '');
  project.provide('e2eSkipReason', '');
  const problem = browserProblem();
  if (problem) {
    if (process.env.CI === 'true') throw new Error(`${problem}. The browser tests need it in CI: .ci/run installs it with apt-get install -y chromium.`);
    const reason = `${problem}; the browser tests are skipped. Install it with: apt-get install -y chromium`;
    console.warn(reason);
    project.provide('e2eSkipReason', reason);
    return;
  }
  buildWebIfStale();
  // A stack that is already running (`npx tsx test/e2e/support/serve-stack.ts`), to iterate on tests quickly.
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL);
    return;
  }
  const started = await startStack();
  stack = started.child;
  project.provide('e2eBaseUrl', started.url);
}

export async function teardown(): Promise<void> {
  const child = stack;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
