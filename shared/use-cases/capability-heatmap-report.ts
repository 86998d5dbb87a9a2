import { listCapabilities, type Baseline } from '../data/capability.repository';
import { listOfficersArrivingAt, listOfficersServingIn } from '../data/officer.repository';
import { listOrganisations } from '../data/organisation.repository';
import { listAllBaselines } from '../data/report.repository';
import { LEVELS, worstLevel, type Level } from '../domain/capability-level';
import { forecastTeams, monthEnd } from '../domain/forecast';
import { todayIso } from '../domain/working-days';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { CapabilityHeatmap } from '../schemas/report.schema';

/** A ROCC who is nothing else sees their own regions unless they ask for one. */
function regionsShown(identity: Identity, region: string | undefined): string[] {
  if (region) return [region];
  const roccOnly = identity.roles.includes('rocc') && !identity.roles.includes('hr-lead') && !identity.roles.includes('rocu-head');
  return roccOnly ? [...identity.regions] : [];
}

type Cell = CapabilityHeatmap['rows'][number]['cells'][number];

/** Today's cells of one ROCU: its baselines' own counters. */
function cellsToday(baselines: readonly Baseline[]): Cell[] {
  return baselines.map((b) => ({
    capabilityId: b.capabilityId,
    strength: b.strength,
    minimum: b.minimum,
    establishment: b.establishment,
    committedOut: b.committedOut,
    projected: b.projected,
    level: b.level,
  }));
}

/**
 * One ROCU's cells at the end of the month `months` ahead: its forecast
 * (`forecastTeams`, the function behind `GET /v1/organisations/{orgId}/forecast`)
 * for the teams it has a baseline for, read at that month.
 */
async function cellsAhead(orgId: string, baselines: readonly Baseline[], months: number, asOf: string): Promise<Cell[]> {
  if (baselines.length === 0) return [];
  const [serving, arriving] = await Promise.all([listOfficersServingIn(orgId), listOfficersArrivingAt(orgId)]);
  const wanted = new Set(baselines.map((b) => b.capabilityId));
  const items = forecastTeams({
    orgId,
    asOf,
    months,
    teams: baselines.map((b) => ({ capabilityId: b.capabilityId, minimum: b.minimum, establishment: b.establishment, funding: b.funding })),
    officers: [...serving, ...arriving].map((o) => ({ ...o, commitments: o.commitments ?? [] })),
  });
  return items
    .filter((item) => wanted.has(item.capabilityId))
    .map((item) => {
      const m = item.months[months]!;
      return { capabilityId: item.capabilityId, strength: m.strength, minimum: item.minimum, establishment: m.establishment, committedOut: m.committedOut, projected: m.projected, level: m.level };
    });
}

/**
 * The capability heatmap (ROCU × capability), today or `months` ahead.
 * Primary course: every baseline (one Query of gsi2 `CAPBASE`, its counters
 * included), the organisations and the capability catalogue, in parallel;
 * one row per ROCU (not the NCA, not forces) with a cell per capability it
 * has a baseline for: strength, minimum, establishment, committed out,
 * projected and the level. A ROCC sees their own regions by default;
 * `region` and `capabilityId` narrow it. Ahead (`months` > 0), a second round
 * trip reads, for every ROCU shown with a baseline, the officers serving
 * there (gsi1) ∥ those arriving (gsi2), all in parallel, and each cell is
 * that ROCU's forecast at the end of the month: the cost grows with the
 * ROCUs' own officers, never with the forces' or the national workforce.
 */
export async function capabilityHeatmap(
  identity: Identity,
  query: { region?: string | undefined; capabilityId?: string | undefined; months?: number | undefined },
  now = new Date(),
): Promise<CapabilityHeatmap> {
  const months = query.months ?? 0;
  const asOf = todayIso(now);
  const [baselines, organisations, catalogue] = await Promise.all([listAllBaselines(query.capabilityId), listOrganisations(), listCapabilities()]);
  if (query.capabilityId && !catalogue.some((c) => c.id === query.capabilityId)) throw new NotFoundError(`No capability "${query.capabilityId}".`);

  const regions = regionsShown(identity, query.region);
  const rocus = organisations
    .filter((o) => o.type === 'rocu' && (regions.length === 0 || (o.region !== null && regions.includes(o.region))))
    .sort((a, b) => a.name.localeCompare(b.name));
  const byOrg = new Map<string, typeof baselines>();
  for (const b of baselines) byOrg.set(b.orgId, [...(byOrg.get(b.orgId) ?? []), b]);

  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  const shownCapabilities = new Set<string>();
  const cellsByOrg = await Promise.all(
    rocus.map(async (org) => {
      const own = (byOrg.get(org.id) ?? []).sort((a, b) => a.capabilityId.localeCompare(b.capabilityId));
      return months === 0 ? cellsToday(own) : cellsAhead(org.id, own, months, asOf);
    }),
  );
  const rows = rocus.map((org, i) => {
    const cells = cellsByOrg[i]!;
    for (const cell of cells) {
      counts[cell.level] += 1;
      shownCapabilities.add(cell.capabilityId);
    }
    return { orgId: org.id, orgName: org.name, region: org.region, cells, worstLevel: worstLevel(cells.map((c) => c.level)) };
  });
  return {
    capabilities: catalogue.filter((c) => shownCapabilities.has(c.id)).sort((a, b) => a.name.localeCompare(b.name)),
    rows,
    counts,
    regions,
    months,
    at: months === 0 ? asOf : monthEnd(asOf, months),
  };
}
