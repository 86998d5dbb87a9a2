/**
 * A small model of how many API requests land on a cold container, for one
 * function per route (the old shape) and for one function per kind (read,
 * write, import). Arithmetic only: nothing is measured.
 *
 * - Requests arrive during working hours at a steady rate: users per day ×
 *   requests per user, spread over the active hours, as a Poisson process.
 * - Each route gets a share of them by a popularity weight read off the
 *   route table (`popularity`): a GET counts three times a change (people look
 *   far more often than they change things), and a route every signed-in user
 *   or every officer may call counts five times one only HR leads, ROCU heads,
 *   ROCCs or administrators call (there are hundreds of officers and a few
 *   dozen of the others); the public routes count half (a health check, the
 *   API description).
 * - Lambda keeps an idle container for a while (about ten minutes is the
 *   commonly observed figure; AWS promises nothing). A request is cold when
 *   its function had no request in that time, so for a function receiving
 *   λ requests a second, P(cold) = e^(−λ·idle). Traffic this light almost
 *   never needs a second container, so concurrency is left out.
 */
import { functionKind } from '../shared/api/function-kinds';
import type { RouteDef } from '../shared/http/route';

export interface ColdStartModelSettings {
  usersPerDay: number;
  requestsPerUser: number;
  activeHours: number;
  idleMinutes: number;
}

export interface ShapeResult {
  functions: number;
  /** Share of API requests served by a cold container. */
  coldShare: number;
  coldStartsPerDay: number;
}

export interface ColdStartModel {
  settings: ColdStartModelSettings;
  requestsPerDay: number;
  perRoute: ShapeResult;
  perKind: ShapeResult;
  /** The kinds' own figures. */
  kinds: { kind: string; routes: number; requestsPerDay: number; coldShare: number }[];
}

/** How often a route is called relative to the others, from what the route table says about it. */
export function popularity(route: RouteDef): number {
  const verb = route.method === 'GET' ? 3 : 1;
  if (route.auth.kind === 'public') return 0.5;
  const everyone = route.auth.kind === 'signed-in' || route.auth.roles.includes('officer');
  return verb * (everyone ? 5 : 1);
}

function shape(groups: Map<string, number>, totalRate: number, idleSeconds: number, activeSeconds: number): ShapeResult {
  let cold = 0;
  for (const rate of groups.values()) cold += rate * Math.exp(-rate * idleSeconds);
  return { functions: groups.size, coldShare: cold / totalRate, coldStartsPerDay: cold * activeSeconds };
}

export function coldStartModel(routes: readonly RouteDef[], settings: ColdStartModelSettings): ColdStartModel {
  const requestsPerDay = settings.usersPerDay * settings.requestsPerUser;
  const activeSeconds = settings.activeHours * 3600;
  const totalRate = requestsPerDay / activeSeconds;
  const idleSeconds = settings.idleMinutes * 60;
  const totalWeight = routes.reduce((n, r) => n + popularity(r), 0);
  const rateOf = (r: RouteDef) => (totalRate * popularity(r)) / totalWeight;

  const perRoute = new Map(routes.map((r) => [r.id, rateOf(r)]));
  const perKind = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const r of routes) {
    const kind = functionKind(r);
    perKind.set(kind, (perKind.get(kind) ?? 0) + rateOf(r));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return {
    settings,
    requestsPerDay,
    perRoute: shape(perRoute, totalRate, idleSeconds, activeSeconds),
    perKind: shape(perKind, totalRate, idleSeconds, activeSeconds),
    kinds: [...perKind].map(([kind, rate]) => ({
      kind,
      routes: counts.get(kind)!,
      requestsPerDay: rate * activeSeconds,
      coldShare: Math.exp(-rate * idleSeconds),
    })),
  };
}
