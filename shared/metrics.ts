import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics as CloudWatch embedded metric format (EMF): one JSON line
 * on stdout per event, which CloudWatch Logs turns into a metric in the
 * `RocuWorkforce` namespace. No API call, no extra latency.
 *
 * Emitted only inside Lambda (or with `METRICS=on`), so local runs and tests
 * stay quiet. Use cases call `businessMetric` after their transaction has
 * committed, so a metric never counts a change that did not happen.
 */
export type BusinessMetric =
  /** A capability alert raised; dimension `level` (warning, critical, …) and `kind`. */
  | 'AlertRaised'
  /** An offer made; dimension `outcome`: `offered`, or `awaiting-release` (gated by the minimum). */
  | 'OfferMade'
  /** A secondment place confirmed by the host. */
  | 'PlaceConfirmed'
  /** A course booking; dimension `status`: `booked` or `waitlisted`. */
  | 'CourseBooked';

export const METRICS_NAMESPACE = 'RocuWorkforce';

let metrics: Metrics | undefined;
let requests: Metrics | undefined;

function enabled(): boolean {
  return process.env.METRICS === 'on' || (process.env.AWS_LAMBDA_FUNCTION_NAME !== undefined && process.env.METRICS !== 'off');
}

export function businessMetric(name: BusinessMetric, dimensions: Record<string, string> = {}, value = 1): void {
  if (!enabled()) return;
  metrics ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'rocu-workforce' });
  try {
    // A single metric is flushed at once, with only its own dimensions.
    const single = metrics.singleMetric();
    for (const [k, v] of Object.entries(dimensions)) single.addDimension(k, v);
    single.addMetric(name, MetricUnit.Count, value);
  } catch {
    // A metric must never fail the request it describes.
  }
}

/**
 * Per-route request metrics, since one function serves many routes (a
 * function's own Lambda metrics cannot tell routes apart): `RequestDuration`
 * (milliseconds; its sample count is the number of requests) and, only for a
 * 5xx answer, `ServerError`, both with the dimension `route` (the route id).
 * Emitting `ServerError` only when it happens keeps the custom metrics to one
 * per route called.
 */
export function routeMetrics(routeId: string, durationMs: number, status: number): void {
  if (!enabled()) return;
  requests ??= new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'rocu-workforce' });
  try {
    requests.addDimension('route', routeId);
    requests.addMetric('RequestDuration', MetricUnit.Milliseconds, durationMs);
    if (status >= 500) requests.addMetric('ServerError', MetricUnit.Count, 1);
    requests.publishStoredMetrics();
  } catch {
    // A metric must never fail the request it describes.
  }
}
