/**
 * Build the web UI (`web/dist`) when it is missing or older than its sources:
 * `npm start` runs this first (prestart), and so does the browser tests'
 * setup, so neither serves a stale UI. `npm run build:web` always builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = join(REPO_ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the build is out of date, or undefined when `web/dist` is newer than everything it is built from. */
export function webBuildStaleReason(): string | undefined {
  if (!existsSync(BUILT)) return 'web/dist is not built yet';
  const built = statSync(BUILT).mtimeMs;
  // The sources, the build config, and the installed packages (govuk-frontend, react…).
  const inputs = [join(WEB, 'src'), join(WEB, 'index.html'), join(WEB, 'vite.config.ts'), join(REPO_ROOT, 'package-lock.json')];
  const changed = inputs.find((p) => newestMtime(p) > built);
  return changed ? `${changed.slice(REPO_ROOT.length + 1)} changed since web/dist was built` : undefined;
}

/** `vite build` of the web UI; throws when it fails. */
export function buildWeb(): void {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const out = spawnSync(process.execPath, [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (out.status !== 0) throw new Error(`Building the web UI failed (vite build exited with ${out.status ?? out.signal}).`);
}

export function buildWebIfStale(log: (line: string) => void = console.log): boolean {
  const reason = webBuildStaleReason();
  if (!reason) return false;
  log(`Building the web UI (${reason})…`);
  buildWeb();
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWebIfStale();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
