import { listOrganisations } from '../data/organisation.repository';
import { listPipelineCounters } from '../data/report.repository';
import { pipelineRow } from '../domain/pip-rules';
import type { Identity } from '../http/identity';
import type { PipPipeline } from '../schemas/report.schema';

/**
 * The PIP pipeline: per organisation, active officers by PIP level and status
 * (accredited, in development towards a level, none), with totals. Primary
 * course: every organisation's maintained counters (one Query of gsi2
 * `PIPELINE`, a few shard items per organisation) and the organisations, in
 * parallel; nothing reads an officer. Scope: an HR lead or ROCU head sees
 * their own organisation's row, a ROCC the organisations of their regions;
 * everyone sees the national totals (numbers only, no names).
 */
export async function pipPipelineReport(identity: Identity): Promise<PipPipeline> {
  const [counters, organisations] = await Promise.all([listPipelineCounters(), listOrganisations()]);
  const byOrg = new Map<string, Record<string, unknown>[]>();
  for (const item of counters) {
    const orgId = item.orgId as string;
    byOrg.set(orgId, [...(byOrg.get(orgId) ?? []), item]);
  }
  const rocc = identity.roles.includes('rocc');
  const ownOrg = identity.roles.includes('hr-lead') || identity.roles.includes('rocu-head');
  const visible = organisations.filter(
    (o) =>
      (ownOrg && o.id === identity.org) ||
      // A ROCC's regions: their ROCUs always, forces and others once they have officers counted.
      (rocc && o.region !== null && identity.regions.includes(o.region) && (o.type === 'rocu' || byOrg.has(o.id))),
  );
  const typeOrder = { rocu: 0, force: 1, agency: 2 } as const;
  return {
    organisations: visible
      .sort((a, b) => typeOrder[a.type] - typeOrder[b.type] || a.name.localeCompare(b.name))
      .map((o) => ({ orgId: o.id, orgName: o.name, type: o.type, region: o.region, ...pipelineRow(byOrg.get(o.id) ?? []) })),
    totals: pipelineRow(counters),
    scope: rocc ? 'own-regions' : 'own-organisation',
  };
}
