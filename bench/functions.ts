/**
 * The Lambda functions part of the benchmark, which `npm run bench` runs after
 * the routes and `npm run bench:functions` runs alone (no DynamoDB, no data
 * set): every function bundled as the stack bundles it and its cold start
 * timed, the functions by kind beside the old one-per-route bundles, and the
 * cold-start model. Alone it prints the section it would add to
 * BENCHMARKS.md and writes nothing.
 *
 *   npm run bench:functions [-- --cold-runs=5 --users=300 --requests-per-user=10 --active-hours=8 --idle-minutes=10]
 */
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BundleResult } from './bundles';
import type { ColdStartModelSettings } from './cold-start-model';

/** The cold-start model's inputs, from `--name=value` options (or BENCH_NAME variables). */
export function modelSettings(arg: (name: string, fallback: string) => string): ColdStartModelSettings {
  return {
    usersPerDay: Number(arg('users', '300')),
    requestsPerUser: Number(arg('requests-per-user', '10')),
    activeHours: Number(arg('active-hours', '8')),
    idleMinutes: Number(arg('idle-minutes', '10')),
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Bundle and time both shapes, then three per-route bundles with the SDK left to the runtime (for the SDK comparison). */
export async function measureFunctions(repoRoot: string, coldRuns: number): Promise<{ bundles: BundleResult[]; sdkExternal: BundleResult[] }> {
  const { functionModules, measureBundles } = await import('./bundles');
  const { perRoute, perKind } = functionModules(repoRoot);
  const line = (b: BundleResult) => {
    const slowest = b.routes?.reduce((a, x) => (x.coldCpuMedianMs > a.coldCpuMedianMs ? x : a));
    const routes = b.routes ? ` (${b.routes.length} routes; median route, slowest ${slowest!.key} ${fmt(slowest!.coldCpuMedianMs)} ms)` : '';
    console.log(`  ${b.handler.padEnd(44)} ${fmt(b.bytes / 1024, 0).padStart(5)} KB  cold start ${fmt(b.coldCpuMedianMs)} ms CPU, ${fmt(b.coldMedianMs)} ms wall${routes}`);
  };
  console.log(`Bundling the API functions by kind as the stack does and timing ${coldRuns} cold starts of each of their routes…`);
  const kinds = await measureBundles({ repoRoot, outDir: join(repoRoot, '.bench', 'bundles', 'by-kind'), coldRuns, only: perKind, onBundle: line });
  console.log(`The old shape in the same run: one bundle per route (and the jobs and the sign-in trigger), ${coldRuns} cold imports of each…`);
  const routes = await measureBundles({ repoRoot, outDir: join(repoRoot, '.bench', 'bundles', 'by-route'), coldRuns, only: perRoute, onBundle: line });
  console.log("Three with the whole AWS SDK left to the runtime (NodejsFunction's default), for comparison:");
  const sdkExternal = await measureBundles({
    repoRoot,
    outDir: join(repoRoot, '.bench', 'bundles-sdk-external'),
    coldRuns,
    externals: ['@aws-sdk/*'],
    only: ['campaigns/get-campaign', 'applications/apply-to-campaign', 'jobs/escalate-due-alerts'],
    onBundle: line,
  });
  return { bundles: [...kinds, ...routes], sdkExternal };
}

async function main(): Promise<void> {
  const arg = (name: string, fallback: string): string => {
    const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (!hit) return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
    return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
  };
  const coldRuns = Number(arg('cold-runs', '5'));
  const model = modelSettings(arg);
  for (const [k, v] of Object.entries({ coldRuns, ...model })) if (!(v > 0)) throw new Error(`--${k} must be a positive number`);
  // The entries are imported here to read their route keys; shared/config reads the environment when it loads.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.NOTIFY_MODE ||= 'memory';

  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const loadAtStart = loadavg()[0] ?? 0;
  const { bundles, sdkExternal } = await measureFunctions(repoRoot, coldRuns);
  const { coldStartModel } = await import('./cold-start-model');
  const { routeList } = await import('../shared/api/routes');
  const report = await import('./report');
  const m = coldStartModel(routeList, model);
  console.log(`\nLoad average (1 min) ${fmt(loadAtStart, 2)} at the start, ${fmt(loadavg()[0] ?? 0, 2)} at the end.\n`);
  console.log(report.renderFunctions(bundles, m, coldRuns));
  console.log(`\n${report.functionsSummaryLine(report.functionsSummary(bundles)!)}\n${report.coldStartModelLine(m)}`);
  console.log(`\nSDK left to the runtime: ${sdkExternal.map((b) => `${b.handler} ${fmt(b.bytes / 1024, 0)} KB ${fmt(b.coldCpuMedianMs)} ms CPU`).join('; ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
