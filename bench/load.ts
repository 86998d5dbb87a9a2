/**
 * Load at a fixed concurrency: the gateway over HTTP with autocannon, and the
 * floor (bare SDK calls) with the same number of workers in this process.
 */
import autocannon from 'autocannon';

export interface BenchRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  p50: number;
  p99: number;
  /** Requests per second. */
  throughput: number;
  non2xx: number;
  errors: number;
  /** CPU time of this Node process per request (the gateway, its handlers and autocannon; or the floor's SDK calls). */
  cpuMsPerRequest?: number;
}

export interface LoadOptions {
  concurrency: number;
  /** Run for this long (reads)... */
  durationSeconds?: number;
  /** ...or exactly this many requests (writes: each one uses up an officer). */
  amount?: number;
}

/** Drive the gateway: every request comes from `next()`, so writes can use a different officer each time. */
export async function loadGateway(baseUrl: string, next: () => BenchRequest, options: LoadOptions): Promise<LoadResult> {
  // autocannon builds each connection's first request up front and every next one as it goes (a few built last are never sent).
  const first = next();
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: baseUrl,
    connections: options.concurrency,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 5 }),
    timeout: 30,
    requests: [
      {
        method: first.method,
        path: first.path,
        setupRequest: (req: Record<string, unknown>) => {
          const r = next();
          return { ...req, method: r.method, path: r.path, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) };
        },
      },
    ],
  });
  const seconds = result.duration || 1;
  const used = process.cpuUsage(cpu);
  return {
    cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, result.requests.total),
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    throughput: result.requests.total / seconds,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** The floor: `fn` run by `concurrency` workers for the same time or number of calls. */
export async function loadDirect(fn: () => Promise<void>, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const begin = performance.now();
  const cpu = process.cpuUsage();
  const deadline = begin + (options.durationSeconds ?? 5) * 1000;
  const more = () => (options.amount ? started < options.amount : performance.now() < deadline);
  const worker = async () => {
    while (more()) {
      started++;
      const t = performance.now();
      try {
        await fn();
        latencies.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  latencies.sort((a, b) => a - b);
  const used = process.cpuUsage(cpu);
  return {
    cpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, latencies.length + errors),
    requests: latencies.length + errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: (latencies.length + errors) / seconds,
    non2xx: 0,
    errors,
  };
}
