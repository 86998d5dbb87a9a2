import { listCapabilities } from '../data/capability.repository';
import { listOrganisations } from '../data/organisation.repository';
import { listAllBaselines } from '../data/report.repository';
import { LEVELS, worstLevel, type Level } from '../domain/capability-level';
import { NotFoundError } from '../errors';
import type { Identity } from '../http/identity';
import type { CapabilityHeatmap } from '../schemas/report.schema';

/** A ROCC who is nothing else sees their own regions unless they ask for one. */
function regionsShown(identity: Identity, region: string | undefined): string[] {
  if (region) return [region];
  const roccOnly = identity.roles.includes('rocc') && !identity.roles.includes('hr-lead') && !identity.roles.includes('rocu-head');
  return roccOnly ? [...identity.regions] : [];
}

/**
 * The capability heatmap (ROCU × capability). Primary course: every baseline
 * (one Query of gsi2 `CAPBASE`, its counters included), the organisations and
 * the capability catalogue, in parallel; one row per ROCU (not the NCA, not
 * forces) with a cell per capability it has a baseline for: strength,
 * minimum, establishment, committed out, projected and the level. A ROCC sees
 * their own regions by default; `region` and `capabilityId` narrow it.
 */
export async function capabilityHeatmap(identity: Identity, query: { region?: string; capabilityId?: string }): Promise<CapabilityHeatmap> {
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
  const rows = rocus.map((org) => {
    const cells = (byOrg.get(org.id) ?? [])
      .sort((a, b) => a.capabilityId.localeCompare(b.capabilityId))
      .map((b) => ({
        capabilityId: b.capabilityId,
        strength: b.strength,
        minimum: b.minimum,
        establishment: b.establishment,
        committedOut: b.committedOut,
        projected: b.projected,
        level: b.level,
      }));
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
  };
}
