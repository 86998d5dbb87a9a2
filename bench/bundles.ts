/**
 * Each Lambda bundle as the stack builds it (`functionBuildOptions` in
 * infra/constructs/api-function.ts, the same esbuild call), its size and what
 * is in it, and its cold initialisation: a fresh Node process importing the
 * bundle (module evaluation: config, the SDK clients made at load, and for a
 * per-route bundle its route's schemas), timed inside the process, the median
 * of N runs. For an API function serving many routes (functions/api/<kind>.ts)
 * a cold start is the import plus loading the first request's route module
 * (`preload`, without serving the request), timed for each of its routes.
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { functionBuildOptions } from '../infra/constructs/api-function';
import { routeKey } from '../shared/api/function-kinds';
import { routeList } from '../shared/api/routes';

export interface ColdStart {
  /** Wall-clock time of the import (and route load), per run. */
  coldMs: number[];
  coldMedianMs: number;
  /**
   * CPU time (user + system) the same work used, per run: what the wall-clock
   * time would be on an idle core (loading a bundle waits on nothing but the
   * disk), so it is what a contended machine can still measure fairly.
   */
  coldCpuMs: number[];
  coldCpuMedianMs: number;
}

export interface RouteColdStart extends ColdStart {
  /** The API Gateway route key. */
  key: string;
  /** The bytes a cold start for this route reads: the entry, its route's chunk and every chunk they import. */
  loadedBytes: number;
}

export interface BundleResult extends ColdStart {
  /** Module under functions/, without extension. */
  handler: string;
  /** Everything in the asset directory: what Lambda downloads. */
  bytes: number;
  files: number;
  /** The bytes the import alone reads (the entry and the chunks it imports statically). */
  entryBytes: number;
  /** The biggest contributors (package or app folder), bytes in the output. */
  top: { name: string; bytes: number }[];
  /** API functions: a cold start per route (import plus that route's module). The fields above are then the median route's. */
  routes?: RouteColdStart[];
}

function handlers(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return handlers(path, root);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path).replace(/\.ts$/, '')] : [];
  });
}

/** The modules of the per-route shape (every route's handler, the jobs, the pre-token trigger) and of the per-kind shape (functions/api/). */
export function functionModules(repoRoot: string): { perRoute: string[]; perKind: string[] } {
  const all = handlers(join(repoRoot, 'functions')).sort();
  return { perRoute: all.filter((h) => !h.startsWith('api/')), perKind: all.filter((h) => h.startsWith('api/')) };
}

function contributors(meta: Metafile): { name: string; bytes: number }[] {
  const sums = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const name = pkg ?? file.split('/').slice(0, 2).join('/');
      sums.set(name, (sums.get(name) ?? 0) + input.bytesInOutput);
    }
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The bytes of `outputs` and of every output they import statically (what Node reads before the import resolves). */
function closureBytes(meta: Metafile, outputs: readonly string[]): number {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  outputs.forEach(visit);
  return [...seen].reduce((n, f) => n + meta.outputs[f]!.bytes, 0);
}

/** What the stack sets on a function, and Lambda itself (so shared/config reads its Lambda schema); nothing is called. */
const LAMBDA_ENV = {
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  AWS_REGION: 'eu-west-2',
  TABLE_NAME: 'rocu-workforce',
  STAGE: 'bench',
  NOTIFY_MODE: 'aws',
  EVENT_BUS_NAME: 'rocu-workforce-bench',
  SENDER_EMAIL: 'no-reply@example.police.uk',
  APP_URL: 'https://workforce.example.police.uk',
  POWERTOOLS_SERVICE_NAME: 'rocu-workforce',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
};

function runOnce(file: string, routeKey?: string): Promise<{ wall: number; cpu: number }> {
  const load = routeKey ? `await m.preload(${JSON.stringify(routeKey)}); ` : '';
  const code =
    `const t = performance.now(); const c = process.cpuUsage(); const m = await import(${JSON.stringify(pathToFileURL(file).href)}); ${load}` +
    `const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      env: { PATH: process.env.PATH, ...LAMBDA_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { wall: number; cpu: number }) : reject(new Error(`importing ${file} failed: ${err.slice(-2000)}`))));
  });
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function coldStart(file: string, runs: number, routeKey?: string): Promise<ColdStart> {
  const coldMs: number[] = [];
  const coldCpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await runOnce(file, routeKey);
    coldMs.push(run.wall);
    coldCpuMs.push(run.cpu);
  }
  return { coldMs, coldMedianMs: median(coldMs), coldCpuMs, coldCpuMedianMs: median(coldCpuMs) };
}

/** An API function's route keys, from its own entry (the same list its dispatcher serves). */
async function routeKeysOf(repoRoot: string, handler: string): Promise<string[]> {
  const entry = (await import(pathToFileURL(join(repoRoot, 'functions', `${handler}.ts`)).href)) as { loaders?: Record<string, unknown> };
  return Object.keys(entry.loaders ?? {}).sort();
}

/**
 * Bundle `only` (or every module under functions/) into `outDir` with the
 * given externals, and time `coldRuns` fresh imports of each (for an API
 * function, of each of its routes).
 */
export async function measureBundles(options: {
  repoRoot: string;
  outDir: string;
  coldRuns: number;
  externals?: readonly string[];
  only?: readonly string[];
  onBundle?: (r: BundleResult) => void;
}): Promise<BundleResult[]> {
  const { perRoute, perKind } = functionModules(options.repoRoot);
  const list = options.only ?? [...perRoute, ...perKind];
  rmSync(options.outDir, { recursive: true, force: true });
  const results: BundleResult[] = [];
  for (const handler of list) {
    // Inside the repository, so a module left external resolves from node_modules as it would from the runtime's.
    const dir = join(options.outDir, handler);
    const entry = join(options.repoRoot, 'functions', `${handler}.ts`);
    // Paths in the metafile are then relative to the repository.
    const out = await build({ ...functionBuildOptions(entry, dir, options.externals), absWorkingDir: options.repoRoot });
    const meta = out.metafile!;
    const outputs = Object.keys(meta.outputs);
    const index = outputs.find((f) => meta.outputs[f]!.entryPoint === relative(options.repoRoot, entry))!;
    const file = join(options.repoRoot, index);
    const keys = handler.startsWith('api/') ? await routeKeysOf(options.repoRoot, handler) : [];
    const base = {
      handler,
      bytes: outputs.reduce((n, f) => n + meta.outputs[f]!.bytes, 0),
      files: outputs.length,
      entryBytes: closureBytes(meta, [index]),
      top: contributors(meta).slice(0, 4),
    };
    let result: BundleResult;
    if (keys.length === 0) {
      result = { ...base, ...(await coldStart(file, options.coldRuns)) };
    } else {
      const routes: RouteColdStart[] = [];
      for (const key of keys) {
        // The route's chunk: the output whose entry point is the route's handler module.
        const route = routeList.find((r) => routeKey(r) === key);
        const chunk = route ? outputs.find((f) => meta.outputs[f]!.entryPoint === `functions/${route.handler}.ts`) : undefined;
        routes.push({ key, loadedBytes: closureBytes(meta, chunk ? [index, chunk] : [index]), ...(await coldStart(file, options.coldRuns, key)) });
      }
      const mid = [...routes].sort((a, b) => a.coldCpuMedianMs - b.coldCpuMedianMs)[Math.floor(routes.length / 2)]!;
      result = { ...base, coldMs: mid.coldMs, coldMedianMs: mid.coldMedianMs, coldCpuMs: mid.coldCpuMs, coldCpuMedianMs: mid.coldCpuMedianMs, routes };
    }
    results.push(result);
    options.onBundle?.(result);
  }
  return results;
}
