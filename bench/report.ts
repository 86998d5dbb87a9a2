/** The bench's results as a console summary and as BENCHMARKS.md. */
import type { BundleResult } from './bundles';
import type { ColdStartModel } from './cold-start-model';
import type { LoadResult } from './load';
import type { OutboxLatency } from './outbox-latency';

interface RouteRun {
  name: string;
  kind: 'read' | 'write';
  gateway?: LoadResult;
  floor?: LoadResult;
  floorTx?: LoadResult;
  inProcess?: LoadResult;
  calls: number;
  roundTrips: number;
  failure?: string;
}

interface ImpactRun {
  officers: number;
  calls: number;
  roundTrips: number;
  gateway: LoadResult;
  floor: LoadResult;
  failure?: string | undefined;
}

export interface ReportInput {
  settings: { scale: number; concurrency: number; durationSeconds: number; writes: number; coldRuns: number };
  machine: { cpu: string; cores: number; memoryGb: number; node: string; loadAtStart: number; loadAtEnd: number };
  plan: { officers: number; campaigns: number; applications: number; seedSeconds: number };
  countersOk: boolean;
  impact: [ImpactRun, ImpactRun];
  /** The forecast of one unit, at the same two loads, with the officers serving in it then. */
  forecast: [ImpactRun & { unitOfficers: number }, ImpactRun & { unitOfficers: number }];
  runs: RouteRun[];
  bundles: BundleResult[];
  sdkExternal: BundleResult[];
  coldStartModel: ColdStartModel;
  outboxLatency?: OutboxLatency;
  minutes: number;
}

const n0 = (n: number) => Math.round(n).toLocaleString('en-GB');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;
const cpu = (l: LoadResult | undefined) => (l?.cpuMsPerRequest === undefined ? '–' : f2(l.cpuMsPerRequest));
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');

const READ_TARGET = 1.5;
const WRITE_TARGET = 2;
const BUNDLE_TARGET = 500 * 1024;
const COLD_TARGET = 150;

/** The options of this run that differ from the defaults, as they would be typed. */
function command(settings: ReportInput['settings']): string {
  const defaults: Record<string, number> = { scale: 0.1, concurrency: 10, durationSeconds: 5, writes: 300, coldRuns: 5 };
  const names: Record<string, string> = { scale: 'scale', concurrency: 'concurrency', durationSeconds: 'duration', writes: 'writes', coldRuns: 'cold-runs' };
  const args = Object.entries(defaults)
    .filter(([k, v]) => (settings as Record<string, number>)[k] !== v)
    .map(([k]) => `--${names[k]}=${(settings as Record<string, number>)[k]}`);
  return args.length ? ` -- ${args.join(' ')}` : '';
}

export function renderReport(r: ReportInput): { markdown: string; summary: string } {
  const ok = r.runs.filter((x) => x.gateway && x.floor);
  const ratio = (x: RouteRun) => x.gateway!.p50 / (x.kind === 'write' ? x.floorTx!.p50 : x.floor!.p50);
  const reads = ok.filter((x) => x.kind === 'read');
  const writes = ok.filter((x) => x.kind === 'write');
  const readsMet = reads.filter((x) => ratio(x) <= READ_TARGET);
  const writesMet = writes.filter((x) => ratio(x) <= WRITE_TARGET);
  const [small, full] = r.impact;
  const impactFlat = small.roundTrips === full.roundTrips && small.calls === full.calls && full.gateway.p50 <= small.gateway.p50 * 1.5;
  const fn = functionsSummary(r.bundles);
  const failures = r.runs.filter((x) => x.failure);

  const routeRows = r.runs.map((x) => {
    if (!x.gateway || !x.floor) return `| ${x.name} | failed: ${x.failure ?? '?'} | | | | | | | | | |`;
    const floorP50 = x.kind === 'write' ? `${f1(x.floor.p50)} (tx ${f1(x.floorTx!.p50)})` : f1(x.floor.p50);
    const bad = x.gateway.non2xx + x.gateway.errors;
    return `| ${x.name} | ${f1(x.gateway.p50)} | ${f1(x.gateway.p99)} | ${n0(x.gateway.throughput)} | ${floorP50} | ${f1(x.floor.p99)} | ${n0(x.floor.throughput)} | **${f2(ratio(x))}×** | ${f1(x.calls)} / ${f1(x.roundTrips)} | ${cpu(x.gateway)} / ${cpu(x.kind === 'write' ? x.floorTx : x.floor)} |${bad ? ` ${bad} of ${n0(x.gateway.requests)}` : ' 0'} |`;
  });

  // The route's own code against the bare SDK making the same calls (for a write, its one transaction).
  const inProcessRows = ok
    .filter((x) => x.inProcess)
    .map((x) => {
      const base = x.kind === 'write' ? x.floorTx! : x.floor!;
      const p = x.inProcess!;
      const bad = p.non2xx + p.errors;
      return `| ${x.name} | ${f1(p.p50)} | ${f1(p.p99)} | ${n0(p.throughput)} | ${f1(base.p50)} | **${f2(p.p50 / base.p50)}×** | ${cpu(p)} / ${cpu(base)} | ${f2((p.cpuMsPerRequest ?? NaN) - (base.cpuMsPerRequest ?? NaN))} |${bad ? ` ${bad} of ${n0(p.requests)}` : ' 0'} |`;
    });

  const sdkRows = r.sdkExternal.map((b) => {
    const same = r.bundles.find((x) => x.handler === b.handler);
    return `| ${b.handler} | ${same ? `${kb(same.bytes)}, ${f1(same.coldCpuMedianMs)} ms CPU (${f1(same.coldMedianMs)} ms wall)` : '–'} | ${kb(b.bytes)}, ${f1(b.coldCpuMedianMs)} ms CPU (${f1(b.coldMedianMs)} ms wall) |`;
  });

  const markdown = `# Benchmarks

Made by \`npm run bench${command(r.settings)}\` (bench/run.ts); the whole run took ${f1(r.minutes)} minutes.
Nothing here is a test: \`npm test\` has no timed assertion.

## Machine

| | |
|---|---|
| CPU | ${r.machine.cpu}, ${r.machine.cores} cores |
| memory | ${f1(r.machine.memoryGb)} GB |
| Node.js | ${r.machine.node} (the Lambda runtime is Node.js 24) |
| DynamoDB | DynamoDB Local (Java, in memory), on the same machine |
| load average (1 min) | ${f2(r.machine.loadAtStart)} at the start, ${f2(r.machine.loadAtEnd)} at the end |

**These numbers are noisy.** The machine is a shared 2-core container${r.machine.loadAtStart >= 1 ? ': other work (test suites, builds) ran beside the bench,' : ' (idle when the run started),'}
and the bench itself runs
DynamoDB Local, the gateway with the handlers, autocannon and the floor's
workers on those same two cores. Compare routes and ratios within this run;
the absolute milliseconds say little about AWS, where DynamoDB answers in a
few milliseconds over the network and each Lambda has its own CPU.

## Data set

${n0(r.plan.officers)} officers (with their staff-number claims), ${n0(r.plan.campaigns)} campaigns (with their membership copies: 85% open, 10% drafts, 5% closed),
${n0(r.plan.applications)} applications (with their one-per-officer-per-campaign claims), the ${'reference'} organisations,
capabilities and baselines. Loaded in ${f1(r.plan.seedSeconds)} s with BatchWriteItem (25 items a request, 8 in flight) of items made
by the repositories' own item builders (\`officerItem\`, \`campaignItem\`, \`campaignMembershipItems\`, \`newApplicationActions\`,
\`baselineItem\`), not through the API: DynamoDB Local applies transactions one at a time (~40 ms each), so ${n0(r.plan.officers + r.plan.applications)}
transactions would take over an hour. Baseline counters (strength and holder counters) are summed from the officers loaded with
\`counterDeltas\`, exactly what the officer transactions would have added; read back after loading, they were **${r.countersOk ? 'consistent' : 'NOT consistent'}**
with the officers loaded. No audit entries or alerts are loaded (so \`GET /v1/alerts\` reads empty inboxes, and \`GET /v1/placements\` an empty list).
At \`--scale=1\`: 20,000 officers, 1,000 campaigns, 50,000 applications.

## Routes

Each route at a fixed concurrency of **${r.settings.concurrency}**: reads for ${r.settings.durationSeconds} s, writes for ${r.settings.writes} requests (each write a
different officer or a new draft). *Gateway*: autocannon over HTTP against the local gateway, which verifies the bearer token (ES256)
and runs the route's Lambda function (the one of its kind, dispatching to the route's handler) in process. *Floor*: the same DynamoDB calls the route made (recorded by a middleware on the service's
DynamoDB client, replayed with the bare SDK, parallel calls in parallel), from ${r.settings.concurrency} workers in the same process; for a write,
the route's transaction is replayed as a fresh TransactWriteItems of as many conditional Puts of the same size (the original's
conditions would now fail), and *tx* is that one transaction alone. *Ratio*: gateway p50 ÷ floor p50 for reads, ÷ the one
TransactWriteItems (tx) p50 for writes. *Calls / round trips*: DynamoDB calls per request and how many of them are sequential
(calls made in parallel count once), averaged over requests made one at a time. *Node CPU per request*: CPU time of the bench's
Node process divided by requests: for the gateway it includes autocannon's own client work and the handler, for the floor only
the SDK calls (DynamoDB Local's Java CPU is in neither). On a starved machine latency is mostly queueing for a core, so this
column is the steadier measure of what the service itself adds.

| route | p50 ms | p99 ms | req/s | floor p50 ms | floor p99 ms | floor req/s | ratio | calls / round trips | Node CPU ms per request, gateway / floor | non-2xx |
|---|---|---|---|---|---|---|---|---|---|---|
${routeRows.join('\n')}

## Route overhead in process

The same requests, at the same concurrency, given to the route's Lambda function in this process as the API Gateway event it would
receive (\`local/gateway/dispatch.ts\` builds it), with the token's claims where the JWT authorizer puts them: no HTTP, no
autocannon, no ES256 verification (API Gateway's work in AWS). Against the floor (the same DynamoDB calls with the bare SDK; for a
write, its one TransactWriteItems), this is what the service's own code adds to a request: the dispatcher, middy, validation,
policy, the use case, logging and metrics. *Node CPU added*: in-process CPU per request minus the floor's.

| route | p50 ms | p99 ms | req/s | floor p50 ms | ratio | Node CPU ms per request, in process / floor | Node CPU added ms | non-2xx |
|---|---|---|---|---|---|---|---|---|
${inProcessRows.join('\n')}

## Impact assessment: flat from ${n0(small.officers)} to ${n0(full.officers)} officers

\`GET /v1/campaigns/{id}/impact\` for the same campaign, measured (3 s at concurrency ${r.settings.concurrency}) after loading a tenth of the officers and again after loading all of them.

| officers loaded | calls / round trips | p50 ms | p99 ms | req/s | floor p50 ms |
|---|---|---|---|---|---|
| ${n0(small.officers)} | ${f1(small.calls)} / ${f1(small.roundTrips)} | ${f1(small.gateway.p50)} | ${f1(small.gateway.p99)} | ${n0(small.gateway.throughput)} | ${f1(small.floor.p50)} |
| ${n0(full.officers)} | ${f1(full.calls)} / ${f1(full.roundTrips)} | ${f1(full.gateway.p50)} | ${f1(full.gateway.p99)} | ${n0(full.gateway.throughput)} | ${f1(full.floor.p50)} |

The assessment reads the campaign, the organisation list and one baseline item per organisation holding the capability; eligible
holders are sums of the holder counters on those items. Officers are never read, so the work is the same at any number of officers.

## Notifications through the outbox

${
  r.outboxLatency
    ? `From a change's commit (its TransactWriteItems, with the event in it) to the event's line in the local outbox file, delivered
by the drain the local gateway runs after each request (delivery record, contacts, file append, outbox delete), one event at a time:
p50 **${f1(r.outboxLatency.p50)} ms**, p99 **${f1(r.outboxLatency.p99)} ms** over ${n0(r.outboxLatency.samples)} events; ${r.outboxLatency.deliveredOnce ? 'each delivered exactly once' : '**some not delivered exactly once**'}.
In AWS the table's stream stands between the commit and the notifier (its polling adds latency this run does not have).`
    : '(not measured in this run)'
}
## The capability forecast at ${n0(r.forecast[0].officers)} and ${n0(r.forecast[1].officers)} officers

\`GET /v1/organisations/titan/forecast?months=24\` (every team of TITAN, 25 months, events), measured like the impact assessment after each load.

| officers loaded | serving in TITAN | calls / round trips | p50 ms | p99 ms | req/s | floor p50 ms |
|---|---|---|---|---|---|---|
${r.forecast.map((f) => `| ${n0(f.officers)} | ${n0(f.unitOfficers)} | ${f1(f.calls)} / ${f1(f.roundTrips)} | ${f1(f.gateway.p50)} | ${f1(f.gateway.p99)} | ${n0(f.gateway.throughput)} | ${f1(f.floor.p50)} |`).join('\n')}

One round trip: the unit's baselines ∥ the officers serving in it (gsi1) ∥ the officers arriving (gsi2), each read to its end; the
calls grow only when a partition passes 1 MB. The work follows the unit's own officers, never the national workforce.

${r.bundles.length ? renderFunctions(r.bundles, r.coldStartModel, r.settings.coldRuns) : `## Lambda functions

(bundles not measured in this run: --no-bundles)

${renderColdStartModel(r.coldStartModel)}`}

${
  r.sdkExternal.length
    ? `**The AWS SDK: bundled or the runtime's?** Three of the per-route bundles above with every \`@aws-sdk/*\` package left to the runtime's copy
(NodejsFunction's default), imported from node_modules here as the runtime would from its own:

| function | as deployed (SDK bundled) | SDK left to the runtime |
|---|---|---|
${sdkRows.join('\n')}

Leaving the SDK out would shrink each bundle by about 200 KB, but the runtime's SDK is loaded file by file from disk at every cold
start (measured above), and it is whatever version Lambda last rolled out rather than the one in package-lock.json that the tests
ran against. The stack therefore keeps the SDK in the bundle and leaves out only the credential providers the default chain imports
when the environment has no credentials (\`LAZY_CREDENTIAL_PROVIDERS\`: INI files, SSO, process, web identity, HTTP and instance
metadata): in Lambda the environment always holds the execution role's credentials, so that code never runs there (and if it did,
the runtime has it). That and importing zod as a namespace (\`import * as z from 'zod'\`; the named \`{ z }\` import kept zod's whole
namespace, 64 locales included, about 350 KB a bundle) took the bundles from ~940 KB to the sizes above.`
    : ''
}

## Targets

| target | result |
|---|---|
| reads within ${READ_TARGET}× the floor | ${met(reads.length > 0 && readsMet.length === reads.length)}: ${readsMet.length} of ${reads.length} read routes within it (${reads.map((x) => `${x.name.replace(/^GET /, '')} ${f2(ratio(x))}×`).join(', ')}) |
| writes within ${WRITE_TARGET}× one TransactWriteItems | ${met(writes.length > 0 && writesMet.length === writes.length)}: ${writesMet.length} of ${writes.length} (${writes.map((x) => `${x.name} ${f2(ratio(x))}×`).join(', ')}) |
| impact assessment flat from ${n0(small.officers)} to ${n0(full.officers)} officers | ${met(impactFlat)}: ${f1(small.calls)} → ${f1(full.calls)} DynamoDB calls, p50 ${f1(small.gateway.p50)} → ${f1(full.gateway.p50)} ms |
| code a cold start loads under 500 KB | ${fn ? `${met(fn.loadedUnder === fn.kinds.length)}: ${fn.loadedUnder} of ${fn.kinds.length} API functions (largest ${fn.mostLoaded.name} ${kb(fn.mostLoaded.bytes)}); per route, ${fn.perRouteUnder} of ${fn.perRoute.length} bundles` : 'not measured'} |
| cold initialisation under ${COLD_TARGET} ms CPU | ${fn ? `${met(fn.coldUnder === fn.kinds.length)}: ${fn.coldUnder} of ${fn.kinds.length} API functions on their slowest route (${fn.kinds.map((k) => `${k.handler.replace(/^api\//, '')} ${f1(slowestRoute(k).coldCpuMedianMs)} ms`).join(', ')}); per route, median ${f1(fn.perRouteMedianCpu)} ms` : 'not measured'} |
${failures.length ? `\nRoutes that failed in this run: ${failures.map((x) => `${x.name} (${x.failure})`).join('; ')}.\n` : ''}
__NOTES__
`;

  const summary = [
    'route'.padEnd(44) + 'p50'.padStart(9) + 'p99'.padStart(9) + 'req/s'.padStart(8) + 'floor'.padStart(9) + 'ratio'.padStart(8) + '  calls/RT',
    ...r.runs.map((x) =>
      x.gateway && x.floor
        ? x.name.padEnd(44) +
          f1(x.gateway.p50).padStart(9) +
          f1(x.gateway.p99).padStart(9) +
          n0(x.gateway.throughput).padStart(8) +
          f1(x.kind === 'write' ? x.floorTx!.p50 : x.floor.p50).padStart(9) +
          `${f2(ratio(x))}×`.padStart(8) +
          `  ${f1(x.calls)}/${f1(x.roundTrips)}`
        : `${x.name.padEnd(44)} FAILED`,
    ),
    `in process (no HTTP, no token check) ÷ floor p50: ${ok
      .filter((x) => x.inProcess)
      .map((x) => `${x.name} ${f2(x.inProcess!.p50 / (x.kind === 'write' ? x.floorTx! : x.floor!).p50)}× (${cpu(x.inProcess)} ms CPU)`)
      .join('; ')}`,
    `impact: ${n0(small.officers)} officers ${f1(small.calls)} calls p50 ${f1(small.gateway.p50)} ms; ${n0(full.officers)} officers ${f1(full.calls)} calls p50 ${f1(full.gateway.p50)} ms`,
    `forecast (titan): ${r.forecast.map((f) => `${n0(f.officers)} officers (${n0(f.unitOfficers)} in TITAN) ${f1(f.calls)} calls/${f1(f.roundTrips)} RT p50 ${f1(f.gateway.p50)} ms`).join('; ')}`,
    fn ? functionsSummaryLine(fn) : '',
    coldStartModelLine(r.coldStartModel),
    r.outboxLatency ? `outbox: commit → file p50 ${f1(r.outboxLatency.p50)} ms, p99 ${f1(r.outboxLatency.p99)} ms (${r.outboxLatency.samples} events${r.outboxLatency.deliveredOnce ? ', each once' : ', NOT each once'})` : '',
  ].join('\n');
  return { markdown, summary };
}

function slowestRoute(b: BundleResult) {
  return (b.routes ?? []).reduce((a, x) => (x.coldCpuMedianMs > a.coldCpuMedianMs ? x : a), b.routes![0]!);
}

/** The two shapes' figures side by side: the API functions by kind, and every per-route bundle of the old shape. */
export function functionsSummary(bundles: readonly BundleResult[]) {
  const kinds = bundles.filter((b) => b.routes?.length);
  const perRoute = bundles.filter((b) => !b.handler.startsWith('api/'));
  if (!kinds.length && !perRoute.length) return undefined;
  const maxLoaded = (b: BundleResult) => Math.max(...b.routes!.map((x) => x.loadedBytes));
  const mostLoaded = kinds.reduce((a, b) => (maxLoaded(b) > a.bytes ? { name: b.handler, bytes: maxLoaded(b) } : a), { name: '', bytes: 0 });
  // The medians are of the routes' own bundles: the jobs and the sign-in trigger are functions of their own in both shapes.
  const routeBundles = perRoute.filter((b) => !/^(jobs\/|identity\/pre-token)/.test(b.handler));
  const sortedCpu = routeBundles.map((b) => b.coldCpuMedianMs).sort((a, b) => a - b);
  const sortedWall = routeBundles.map((b) => b.coldMedianMs).sort((a, b) => a - b);
  return {
    kinds,
    perRoute,
    routeBundles,
    mostLoaded,
    loadedUnder: kinds.filter((b) => maxLoaded(b) < BUNDLE_TARGET).length,
    coldUnder: kinds.filter((b) => slowestRoute(b).coldCpuMedianMs < COLD_TARGET).length,
    perRouteUnder: perRoute.filter((b) => b.bytes < BUNDLE_TARGET).length,
    perRouteMedianCpu: sortedCpu[Math.floor(sortedCpu.length / 2)] ?? NaN,
    perRouteMedianWall: sortedWall[Math.floor(sortedWall.length / 2)] ?? NaN,
    perRouteSlowest: perRoute.reduce<BundleResult | undefined>((a, b) => (!a || b.coldCpuMedianMs > a.coldCpuMedianMs ? b : a), undefined),
  };
}

export function functionsSummaryLine(fn: NonNullable<ReturnType<typeof functionsSummary>>): string {
  const kinds = fn.kinds.map((k) => `${k.handler} ${kb(k.bytes)}, cold start ${f1(k.coldCpuMedianMs)} ms CPU median route, ${f1(slowestRoute(k).coldCpuMedianMs)} slowest`).join('; ');
  return `functions by kind: ${kinds}\nper route (${fn.routeBundles.length} route bundles): cold init median ${f1(fn.perRouteMedianCpu)} ms CPU (${f1(fn.perRouteMedianWall)} ms wall), slowest ${fn.perRouteSlowest?.handler} ${f1(fn.perRouteSlowest?.coldCpuMedianMs ?? NaN)} ms CPU`;
}

export function coldStartModelLine(m: ColdStartModel): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `cold-start model (${m.settings.usersPerDay} users × ${m.settings.requestsPerUser} requests a day, ${m.settings.idleMinutes} min idle): ${pct(m.perRoute.coldShare)} of requests cold with a function per route, ${pct(m.perKind.coldShare)} with a function per kind`;
}

/** The Lambda functions section: both shapes from the same run, then the cold-start model. */
export function renderFunctions(bundles: readonly BundleResult[], model: ColdStartModel, coldRuns: number): string {
  const fn = functionsSummary(bundles)!;
  const parts = (b: BundleResult) => b.top.map((t) => `${t.name} ${kb(t.bytes)}`).join(', ');
  const kindRows = fn.kinds.map((b) => {
    const routes = b.routes!;
    const slow = slowestRoute(b);
    const loaded = routes.map((x) => x.loadedBytes).sort((a, c) => a - c);
    return `| ${b.handler} | ${routes.length} | ${kb(b.bytes)} in ${b.files} files | ${kb(b.entryBytes)} | ${kb(loaded[Math.floor(loaded.length / 2)]!)} / ${kb(loaded[loaded.length - 1]!)} | **${f1(b.coldCpuMedianMs)}** / ${f1(slow.coldCpuMedianMs)} (\`${slow.key}\`) | ${f1(b.coldMedianMs)} | ${parts(b)} |`;
  });
  const routeRows = fn.perRoute.map((b) => `| ${b.handler} | ${kb(b.bytes)} | ${f1(b.coldCpuMedianMs)} | ${f1(b.coldMedianMs)} | ${parts(b)} |`);
  return `## Lambda functions: one per kind, beside one per route

Both shapes bundled in this run with the stack's own esbuild call (\`functionBuildOptions\` in
\`infra/constructs/api-function.ts\`: ESM, minified, code splitting). *Cold start*: a fresh Node process imports the bundle with the
environment the stack sets (module evaluation: the configuration, the SDK clients made at load), timed inside the process, median
of ${coldRuns} runs, as CPU time (user + system) and wall-clock time. For an API function that is the import plus loading the first
request's route module (its \`preload\`; the route's schemas, use case and repositories), timed for every route it serves: the
table gives the median route and the slowest. Loading a bundle waits on nothing but the local disk, so on an idle core CPU and
wall-clock time are the same; on this contended machine the wall-clock time is mostly waiting for a core, and the CPU time is the
fair measure (the target is judged on it). It leaves out what Lambda adds (downloading the code, starting the runtime) and what a
first request adds (the first DynamoDB connection).

**Deployed: one function per kind.** *Asset*: everything Lambda downloads (the entry and a chunk per route, plus shared chunks).
*Import alone*: the entry and the chunks it imports statically. *A cold start loads*: that plus the route's chunk and its imports.

| function | routes | asset | import alone | a cold start loads (median route / largest) | cold start CPU ms (median route / slowest route) | wall ms (median route) | biggest parts |
|---|---|---|---|---|---|---|---|
${kindRows.join('\n')}

**The old shape, measured in the same run: one bundle per route** (the same handler modules bundled on their own), and the scheduled
jobs and the sign-in trigger, which are functions of their own in both shapes. Median of the ${fn.routeBundles.length} route bundles:
${f1(fn.perRouteMedianCpu)} ms CPU (${f1(fn.perRouteMedianWall)} ms wall); ${fn.perRoute.length - fn.perRouteUnder} of ${fn.perRoute.length} bundles over 500 KB.

| function | size | cold init, CPU ms (median) | cold init, wall ms (median) | biggest parts |
|---|---|---|---|---|
${routeRows.join('\n')}

${renderColdStartModel(model)}`;
}

function renderColdStartModel(m: ColdStartModel): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const s = m.settings;
  const kindRows = m.kinds.map((k) => `| ${k.kind} | ${k.routes} | ${n0(k.requestsPerDay)} | ${pct(k.coldShare)} |`);
  return `### How many requests start cold

A model, not a measurement (\`bench/cold-start-model.ts\`): ${n0(s.usersPerDay)} users a day making ${s.requestsPerUser} requests each
(${n0(m.requestsPerDay)} requests) over ${s.activeHours} working hours, as a Poisson process; each route's share of them by a popularity
weight read off the route table (a GET three times a change; a route every officer or signed-in user may call five times one for
HR leads, ROCU heads, ROCCs or administrators only; public routes half); Lambda keeps an idle container ${s.idleMinutes} minutes, so a
request is cold when its function had none in that time: P(cold) = e^(−rate × idle time). Traffic this light needs one container
at a time, so concurrency is left out. Change the inputs with \`--users=\`, \`--requests-per-user=\`, \`--active-hours=\`, \`--idle-minutes=\`.

| shape | functions | requests on a cold container | cold starts a day |
|---|---|---|---|
| one function per route | ${m.perRoute.functions} | **${pct(m.perRoute.coldShare)}** | ${n0(m.perRoute.coldStartsPerDay)} |
| one function per kind | ${m.perKind.functions} | **${pct(m.perKind.coldShare)}** | ${n0(m.perKind.coldStartsPerDay)} |

| function | routes | requests a day | of them cold |
|---|---|---|---|
${kindRows.join('\n')}`;
}
