/**
 * Each Lambda bundle as the stack builds it (infra/constructs/api-function.ts,
 * FUNCTION_BUNDLING, handed to esbuild the way NodejsFunction hands it), its
 * size and what is in it, and its cold initialisation: a fresh Node process
 * importing the bundle (module evaluation: the route table, schemas, SDK
 * clients made at load), timed inside the process, the median of N runs.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { FUNCTION_BUNDLING } from '../infra/constructs/api-function';

export interface BundleResult {
  handler: string;
  bytes: number;
  /** The biggest contributors (package or app folder), bytes in the output. */
  top: { name: string; bytes: number }[];
  /** Wall-clock time of the import, per run. */
  coldMs: number[];
  coldMedianMs: number;
  /**
   * CPU time (user + system) the import used, per run: what the wall-clock
   * time would be on an idle core (loading a bundle waits on nothing but the
   * disk), so it is what a contended machine can still measure fairly.
   */
  coldCpuMs: number[];
  coldCpuMedianMs: number;
}

function handlers(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return handlers(path, root);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path).replace(/\.ts$/, '')] : [];
  });
}

/** The esbuild options NodejsFunction derives from FUNCTION_BUNDLING (it runs the esbuild CLI with these flags). */
export function esbuildOptions(externals: readonly string[] = FUNCTION_BUNDLING.externalModules): BuildOptions {
  const b = FUNCTION_BUNDLING;
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: b.target,
    mainFields: b.mainFields,
    banner: { js: b.banner },
    minify: b.minify,
    keepNames: b.keepNames,
    sourcemap: b.sourceMap,
    external: [...externals],
    metafile: true,
    logLevel: 'error',
  };
}

function contributors(meta: Metafile): { name: string; bytes: number }[] {
  const output = Object.values(meta.outputs)[0];
  const sums = new Map<string, number>();
  for (const [file, input] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const name = pkg ?? file.split('/').slice(0, 2).join('/');
    sums.set(name, (sums.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

function runOnce(file: string): Promise<{ wall: number; cpu: number }> {
  const code =
    `const t = performance.now(); const c = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); ` +
    `const u = process.cpuUsage(c); process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
      // What the stack sets; nothing is called, so the table need not exist.
      env: { PATH: process.env.PATH, TABLE_NAME: 'rocu-workforce', AWS_REGION: 'eu-west-2', POWERTOOLS_SERVICE_NAME: 'rocu-workforce', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { wall: number; cpu: number }) : reject(new Error(`importing ${file} failed: ${err.slice(-2000)}`))));
  });
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/**
 * Bundle `only` (or every module under functions/) into `outDir` with the
 * given externals, and time `coldRuns` fresh imports of each.
 */
export async function measureBundles(options: {
  repoRoot: string;
  outDir: string;
  coldRuns: number;
  externals?: readonly string[];
  only?: readonly string[];
  onBundle?: (r: BundleResult) => void;
}): Promise<BundleResult[]> {
  const functionsDir = join(options.repoRoot, 'functions');
  const list = options.only ?? handlers(functionsDir).sort();
  rmSync(options.outDir, { recursive: true, force: true });
  const results: BundleResult[] = [];
  for (const handler of list) {
    // Inside the repository, so a module left external resolves from node_modules as it would from the runtime's.
    const outfile = join(options.outDir, handler, 'index.mjs');
    mkdirSync(join(options.outDir, handler), { recursive: true });
    const out = await build({ ...esbuildOptions(options.externals), entryPoints: [join(functionsDir, `${handler}.ts`)], outfile });
    const coldMs: number[] = [];
    const coldCpuMs: number[] = [];
    for (let i = 0; i < options.coldRuns; i++) {
      const run = await runOnce(outfile);
      coldMs.push(run.wall);
      coldCpuMs.push(run.cpu);
    }
    const result = {
      handler,
      bytes: statSync(outfile).size,
      top: contributors(out.metafile!).slice(0, 4),
      coldMs,
      coldMedianMs: median(coldMs),
      coldCpuMs,
      coldCpuMedianMs: median(coldCpuMs),
    };
    results.push(result);
    options.onBundle?.(result);
  }
  return results;
}
