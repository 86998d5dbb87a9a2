/**
 * `npm run bench`: the service under load on this machine, beside its floor.
 *
 * Starts its own DynamoDB Local (in memory, on a free port) and the local
 * gateway in this process, bulk-loads the table at scale (20,000 officers,
 * 1,000 campaigns, 50,000 applications at --scale=1), then for each route:
 * counts its DynamoDB round trips (one request at a time, through a middleware
 * on the service's client), drives the gateway with autocannon at a fixed
 * concurrency, and runs the floor (the same DynamoDB calls with the bare SDK,
 * same concurrency), and invokes the route's function in process with the
 * API Gateway event (no HTTP, no token verification) at that concurrency. Then bundles every Lambda function as the stack does (the
 * functions by kind, and beside them the old one-per-route bundles) and times
 * their cold starts, models the share of requests that start cold in each
 * shape, and times notifications through the outbox (commit to outbox file). Prints the results and writes BENCHMARKS.md. `npm run bench:functions`
 * runs the bundle part alone.
 *
 *   npm run bench                      # --scale=0.1: 2,000 officers, 100 campaigns, 5,000 applications
 *   npm run bench -- --scale=1         # the full data set
 *   options: --concurrency=10 --duration=5 (s per read route) --writes=300 (requests per write route)
 *            --cold-runs=5 --no-bundles --notify-samples=200 (outbox latency) --out=BENCHMARKS.md (--out= to write nothing)
 *            the cold-start model: --users=300 --requests-per-user=10 --active-hours=8 --idle-minutes=10
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTable, startDynamoDbLocal } from '../local/dynamodb-local';
import { addDays, todayIso } from '../shared/domain/working-days';
import type { BundleResult } from './bundles';
import { modelSettings } from './functions';
import type { BenchRequest, LoadResult } from './load';
import type { ProbeWindow, RecordedCall } from './probe';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : 'true';
}

const settings = {
  scale: Number(arg('scale', '0.1')),
  concurrency: Number(arg('concurrency', '10')),
  durationSeconds: Number(arg('duration', '5')),
  writes: Number(arg('writes', '300')),
  coldRuns: Number(arg('cold-runs', '5')),
  notifySamples: Number(arg('notify-samples', '200')),
  bundles: arg('no-bundles', 'false') !== 'true',
  out: arg('out', 'BENCHMARKS.md'),
  model: modelSettings(arg),
};
for (const [k, v] of Object.entries({ ...settings, ...settings.model })) {
  if (typeof v === 'number' && !(v > 0)) throw new Error(`--${k} must be a positive number`);
}

// Before anything reads config: the service's modules are imported only after this.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
process.env.TABLE_NAME = 'bench';
process.env.NOTIFY_MODE = 'outbox';
process.env.OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'bench-outbox-'));
delete process.env.EVENT_BUS_NAME;

interface RouteRun {
  name: string;
  kind: 'read' | 'write';
  gateway?: LoadResult;
  floor?: LoadResult;
  /** Writes: the transaction alone (the "one TransactWriteItems" of the target). */
  floorTx?: LoadResult;
  /** The route's function invoked in process with the API Gateway event: no HTTP, no token verification. */
  inProcess?: LoadResult;
  calls: number;
  roundTrips: number;
  failure?: string;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ms = (n: number | undefined) => (n === undefined ? '–' : `${fmt(n)} ms`);

async function main(): Promise<void> {
  const started = Date.now();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: totalmem() / 1024 ** 3,
    node: process.version,
    loadAtStart: loadavg()[0] ?? 0,
  };
  console.log(`Bench: scale ${settings.scale}, concurrency ${settings.concurrency}, ${settings.durationSeconds} s per read route, ${settings.writes} requests per write route`);
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${fmt(machine.memoryGb)} GB, Node ${machine.node}, load ${fmt(machine.loadAtStart, 2)}`);

  console.log('Starting DynamoDB Local (in memory)…');
  const dynamo = await startDynamoDbLocal({});
  const keyDir = mkdtempSync(join(tmpdir(), 'bench-keys-'));
  const cleanup = async () => {
    await dynamo.stop();
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(process.env.OUTBOX_DIR!, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint;
    await ensureTable(dynamo.endpoint, 'bench');

    const { DynamoProbe, floorClient, floorOf } = await import('./probe');
    const { loadDirect, loadGateway } = await import('./load');
    const { loadInProcess } = await import('./in-process');
    const seed = await import('./seed');
    const { createLocalServer } = await import('../local/gateway/server');
    const { createLocalTokens } = await import('../local/tokens');
    const { listBaselinesOfCapability } = await import('../shared/data/capability.repository');

    const probe = new DynamoProbe();
    probe.install();
    const tokens = createLocalTokens({ keyDir });
    const server = createLocalServer({ verify: tokens.verifyToken, issue: tokens.issueToken, quiet: true });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const floor = floorClient(dynamo.endpoint);

    // ------------------------------------------------------------ the data set
    const plan = seed.planFor(settings.scale, settings.writes);
    const data = seed.makeDataset(plan);
    const tenth = Math.round(data.officers.length / 10);
    console.log(
      `Seeding ${data.officers.length.toLocaleString('en-GB')} officers, ${data.campaigns.length.toLocaleString('en-GB')} campaigns, ` +
        `${data.applications.toLocaleString('en-GB')} applications (BatchWriteItem, 8 batches of 25 in flight):`,
    );
    const seedStarted = performance.now();
    await seed.seedReference();
    await seed.writeCampaigns(data.campaigns);
    await seed.writeOfficers('officers 1/2', data.officers.slice(0, tenth));
    await seed.writeBaselines(data.officers.slice(0, tenth));

    // ------------------------------------------------------------ tokens and routes
    const hr = await tokens.issueToken({ sub: 'bench-nca-hr', org: 'nca', roles: ['hr-lead'] });
    const head = await tokens.issueToken({ sub: 'bench-titan-head', org: 'titan', roles: ['rocu-head'] });
    const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
    const json = (t: string) => ({ ...bearer(t), 'content-type': 'application/json' });
    const applicantTokens = await Promise.all(
      data.applicants.slice(0, 50).map((o) => tokens.issueToken({ sub: `bench-${o.id}`, org: o.homeOrgId, roles: ['officer'], officerId: o.id })),
    );
    const applyTokens = await Promise.all(
      data.applyPool.map((o) => tokens.issueToken({ sub: `bench-${o.id}`, org: o.homeOrgId, roles: ['officer'], officerId: o.id })),
    );
    const ncaOpen = data.openCampaigns.filter((c) => c.ownerOrgId === 'nca');
    const impactCampaign = ncaOpen[0] ?? data.openCampaigns[0]!;
    const cycle = <T>(xs: readonly T[]) => {
      let i = 0;
      return () => xs[i++ % xs.length]!;
    };
    const get = (path: string, token: string): BenchRequest => ({ method: 'GET', path, headers: bearer(token) });

    const nextCampaign = cycle(ncaOpen.length ? ncaOpen : data.openCampaigns);
    const nextApplicant = cycle(applicantTokens);
    let applied = 0;
    let patched = 0;
    let drafted = 0;
    const routes: { name: string; kind: 'read' | 'write'; next: () => BenchRequest }[] = [
      { name: 'GET /v1/campaigns', kind: 'read', next: () => get('/v1/campaigns', hr) },
      { name: 'GET /v1/campaigns/{id}', kind: 'read', next: () => get(`/v1/campaigns/${nextCampaign().id}`, hr) },
      { name: 'GET /v1/campaigns/{id}/impact', kind: 'read', next: () => get(`/v1/campaigns/${impactCampaign.id}/impact`, hr) },
      { name: 'GET /v1/organisations/{orgId}/capabilities', kind: 'read', next: () => get('/v1/organisations/titan/capabilities', head) },
      { name: 'GET /v1/alerts', kind: 'read', next: () => get('/v1/alerts', head) },
      { name: 'GET /v1/me/applications', kind: 'read', next: () => get('/v1/me/applications', nextApplicant()) },
      { name: 'GET /v1/officers', kind: 'read', next: () => get('/v1/officers?orgId=nca', hr) },
      { name: 'GET /v1/placements', kind: 'read', next: () => get('/v1/placements', nextApplicant()) },
      { name: 'GET /v1/organisations/{orgId}/forecast', kind: 'read', next: () => get('/v1/organisations/titan/forecast?months=24', head) },
      {
        name: 'POST /v1/campaigns/{id}/applications',
        kind: 'write',
        next: () => {
          const i = applied++;
          if (i >= data.applyPool.length) throw new Error('the apply pool is used up: raise --writes');
          const campaign = data.openCampaigns[i % data.openCampaigns.length]!;
          return { method: 'POST', path: `/v1/campaigns/${campaign.id}/applications`, headers: json(applyTokens[i]!), body: JSON.stringify({ statement: 'Five years on cyber-dependent crime.' }) };
        },
      },
      {
        name: 'POST /v1/campaigns (draft)',
        kind: 'write',
        next: () => ({
          method: 'POST',
          path: '/v1/campaigns',
          headers: json(hr),
          body: JSON.stringify({
            title: `Bench draft ${drafted++}`,
            capabilityId: 'cyber',
            ownerOrgId: 'nca',
            regions: ['north-west'],
            posts: 4,
            opensOn: addDays(todayIso(), 30),
            closesOn: addDays(todayIso(), 58),
            roleProfile: { jobDescription: 'Investigate.', terms: 'NCA terms.', grade: 'G4', salaryBand: '£45,000', vetting: 'sc', minPipLevel: 2, locations: ['Manchester'] },
          }),
        }),
      },
      {
        name: 'PATCH /v1/officers/{id}',
        kind: 'write',
        next: () => {
          const i = patched++;
          const officer = data.patchPool[i];
          if (!officer) throw new Error('the PATCH pool is used up: raise --writes');
          // A PIP level change: the officer item and every holder counter it moves, in one transaction.
          const pipLevel = (officer.pipLevel % 4) + 1;
          return { method: 'PATCH', path: `/v1/officers/${officer.id}`, headers: json(hr), body: JSON.stringify({ pipLevel, version: 1 }) };
        },
      },
    ];

    /** One request at a time: its status, DynamoDB calls and round trips, and what it did (for the floor). */
    const probeRoute = async (next: () => BenchRequest, times: number): Promise<{ windows: ProbeWindow[]; failure?: string }> => {
      const windows: ProbeWindow[] = [];
      for (let i = 0; i < times; i++) {
        const req = next();
        let status = 0;
        let text = '';
        windows.push(
          await probe.measure(async () => {
            const res = await fetch(baseUrl + req.path, { method: req.method, headers: req.headers, ...(req.body ? { body: req.body } : {}) });
            status = res.status;
            text = await res.text();
          }),
        );
        if (status < 200 || status > 299) return { windows, failure: `${req.method} ${req.path} answered ${status}: ${text.slice(0, 300)}` };
      }
      return { windows };
    };
    const average = (windows: ProbeWindow[], key: 'calls' | 'waves') => windows.reduce((a, w) => a + w[key], 0) / Math.max(1, windows.length);
    const readLoad = { concurrency: settings.concurrency, durationSeconds: settings.durationSeconds };

    // ------------------------------------------------------------ impact at a tenth of the officers
    const measureAt = async (next: () => BenchRequest, officers: number) => {
      const run = await probeRoute(next, 5);
      const recorded: RecordedCall[] = run.windows.at(-1)?.recorded ?? [];
      const gateway = await loadGateway(baseUrl, next, { ...readLoad, durationSeconds: 3 });
      const direct = await loadDirect(floorOf(floor, recorded), { ...readLoad, durationSeconds: 3 });
      return { officers, calls: average(run.windows, 'calls'), roundTrips: average(run.windows, 'waves'), gateway, floor: direct, failure: run.failure };
    };
    const impactAt = (officers: number) => measureAt(routes[2]!.next, officers);
    // The forecast reads the unit's own officers: it grows with TITAN's, not with the national workforce.
    const forecastRoute = routes.find((r) => r.name === 'GET /v1/organisations/{orgId}/forecast')!;
    const titanServing = (loaded: readonly { homeOrgId: string; servingOrgId?: string | null }[]) => loaded.filter((o) => (o.servingOrgId ?? o.homeOrgId) === 'titan').length;
    const forecastAt = async (officers: number) => ({ ...(await measureAt(forecastRoute.next, officers)), unitOfficers: titanServing(data.officers.slice(0, officers)) });
    console.log(`Impact assessment with ${tenth.toLocaleString('en-GB')} officers loaded…`);
    const impactSmall = await impactAt(tenth);
    console.log(`Forecast of TITAN with ${tenth.toLocaleString('en-GB')} officers loaded…`);
    const forecastSmall = await forecastAt(tenth);

    await seed.writeOfficers('officers 2/2', data.officers.slice(tenth));
    const sums = await seed.writeBaselines(data.officers);
    await seed.writePipelineCounters(data.officers);
    await seed.writeApplications(data);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(`Seeded in ${fmt(seedSeconds)} s.`);

    // The counters must equal what was loaded (one capability read back through the repository).
    const baselines = await listBaselinesOfCapability('cyber');
    const mismatched = baselines.filter((b) => (sums.get(`${b.orgId}#cyber`)?.strength ?? 0) !== b.strength);
    const loadedStrength = baselines.reduce((a, b) => a + b.strength, 0);
    const expectedStrength = data.officers.filter((o) => o.capabilities.includes('cyber')).length;
    const countersOk = mismatched.length === 0 && loadedStrength === expectedStrength;
    console.log(`Counters: cyber strength ${loadedStrength} across ${baselines.length} baselines, ${expectedStrength} cyber officers loaded: ${countersOk ? 'consistent' : 'MISMATCH'}`);

    console.log(`Impact assessment with ${data.officers.length.toLocaleString('en-GB')} officers loaded…`);
    const impactFull = await impactAt(data.officers.length);
    console.log(`Forecast of TITAN with ${data.officers.length.toLocaleString('en-GB')} officers loaded…`);
    const forecastFull = await forecastAt(data.officers.length);

    // ------------------------------------------------------------ the routes
    const runs: RouteRun[] = [];
    for (const route of routes) {
      process.stdout.write(`  ${route.name}: `);
      const run = await probeRoute(route.next, 3);
      const result: RouteRun = { name: route.name, kind: route.kind, calls: average(run.windows, 'calls'), roundTrips: average(run.windows, 'waves') };
      if (run.failure) {
        result.failure = run.failure;
        console.log(`FAILED ${run.failure}`);
        runs.push(result);
        continue;
      }
      const recorded = run.windows.at(-1)!.recorded;
      const load = route.kind === 'read' ? readLoad : { concurrency: settings.concurrency, amount: settings.writes };
      result.gateway = await loadGateway(baseUrl, route.next, load);
      result.inProcess = await loadInProcess(route.next, load);
      result.floor = await loadDirect(floorOf(floor, recorded), load);
      if (route.kind === 'write') result.floorTx = await loadDirect(floorOf(floor, recorded, true), load);
      console.log(
        `p50 ${ms(result.gateway.p50)} p99 ${ms(result.gateway.p99)} ${fmt(result.gateway.throughput, 0)} req/s; floor p50 ${ms(result.floor.p50)}; ` +
          `${fmt(result.calls)} calls, ${fmt(result.roundTrips)} round trips` +
          (result.gateway.non2xx || result.gateway.errors ? `; ${result.gateway.non2xx} non-2xx, ${result.gateway.errors} errors` : ''),
      );
      runs.push(result);
    }
    // ------------------------------------------------------------ notifications through the outbox
    const { measureOutboxLatency } = await import('./outbox-latency');
    console.log(`Outbox latency over ${settings.notifySamples} events…`);
    const outboxLatency = await measureOutboxLatency(process.env.OUTBOX_DIR!, settings.notifySamples);

    server.close();
    server.closeAllConnections();
    floor.destroy();

    // ------------------------------------------------------------ bundles
    let bundles: BundleResult[] = [];
    let sdkExternal: BundleResult[] = [];
    if (settings.bundles) {
      const { measureFunctions } = await import('./functions');
      ({ bundles, sdkExternal } = await measureFunctions(REPO_ROOT, settings.coldRuns));
    }
    const { coldStartModel } = await import('./cold-start-model');
    const { routeList } = await import('../shared/api/routes');

    const report = (await import('./report')).renderReport({
      settings,
      machine: { ...machine, loadAtEnd: loadavg()[0] ?? 0 },
      plan: { officers: data.officers.length, campaigns: data.campaigns.length, applications: data.applications, seedSeconds },
      countersOk,
      impact: [impactSmall, impactFull],
      forecast: [forecastSmall, forecastFull],
      runs,
      bundles,
      sdkExternal,
      coldStartModel: coldStartModel(routeList, settings.model),
      outboxLatency,
      minutes: (Date.now() - started) / 60_000,
    });
    console.log(`\n${report.summary.replace('__NOTES__', '')}`);
    if (settings.out) {
      // The reading of the numbers (bench/notes.md) is kept beside the generated tables.
      const notesFile = join(REPO_ROOT, 'bench', 'notes.md');
      const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
      writeFileSync(resolve(REPO_ROOT, settings.out), report.markdown.replace('__NOTES__', notes));
      console.log(`Wrote ${settings.out}.`);
    }
  } finally {
    await cleanup();
  }
}

await main();
