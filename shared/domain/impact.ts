import { impactLevel, isBlocking, worstLevel, type Level } from './capability-level';
import { eligibleHolders } from './officer-counters';
import type { VettingLevel } from './reference';

export interface ImpactCampaign {
  ownerOrgId: string;
  posts: number;
  maxAppointmentsPerSource: number | null;
  /** Caps imposed on single sources by a ROCC upholding an objection. */
  sourceCaps: Readonly<Record<string, number>>;
  roleProfile: { vetting: VettingLevel; minPipLevel: number };
}

export interface ImpactBaseline {
  orgId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  holders: Readonly<Record<string, number>>;
}

export interface ImpactRow {
  orgId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  projected: number;
  eligibleHolders: number;
  /** The per-source cap that applies to this ROCU, if any. */
  cap: number | null;
  exposure: number;
  worstCase: number;
  level: Level;
}

export interface ImpactAssessment {
  rows: ImpactRow[];
  worstLevel: Level;
}

/** The cap on offers to officers from one source: the campaign's, or a tighter one imposed for that source. */
export function effectiveCap(campaign: Pick<ImpactCampaign, 'maxAppointmentsPerSource' | 'sourceCaps'>, orgId: string): number | null {
  const caps = [campaign.maxAppointmentsPerSource, campaign.sourceCaps[orgId]].filter((c): c is number => c !== null && c !== undefined);
  return caps.length ? Math.min(...caps) : null;
}

/**
 * Campaign impact assessment (BRIEF.md rule 1): for each ROCU, exposure =
 * min(posts, per-source cap, eligible holders of the capability there), worst
 * case = projected − exposure, and its level. Computed from the counters on
 * each baseline item, never from officers, so its cost does not grow with them.
 * The owner's own officers moving within the owner are not a loss to it.
 */
export function assessImpact(campaign: ImpactCampaign, rocuIds: readonly string[], baselines: readonly ImpactBaseline[]): ImpactAssessment {
  const byOrg = new Map(baselines.map((b) => [b.orgId, b]));
  const rows: ImpactRow[] = [];
  for (const orgId of [...rocuIds].sort()) {
    if (orgId === campaign.ownerOrgId) continue;
    const b = byOrg.get(orgId) ?? { orgId, strength: 0, minimum: 0, committedOut: 0, holders: {} };
    const projected = b.strength - b.committedOut;
    const eligible = eligibleHolders(b.holders, { vetting: campaign.roleProfile.vetting, pipLevel: campaign.roleProfile.minPipLevel });
    const cap = effectiveCap(campaign, orgId);
    const exposure = Math.max(0, Math.min(campaign.posts, cap ?? Number.POSITIVE_INFINITY, eligible, projected));
    rows.push({
      orgId,
      strength: b.strength,
      minimum: b.minimum,
      committedOut: b.committedOut,
      projected,
      eligibleHolders: eligible,
      cap,
      exposure,
      worstCase: projected - exposure,
      level: impactLevel({ projected, exposure, minimum: b.minimum }),
    });
  }
  return { rows, worstLevel: worstLevel(rows.map((r) => r.level)) };
}

export function blockingRows(assessment: ImpactAssessment): ImpactRow[] {
  return assessment.rows.filter((r) => isBlocking(r.level));
}

/** The largest per-source cap that keeps a ROCU at or above its minimum (what a ROCC's "uphold" imposes). */
export function capKeepingMinimum(row: Pick<ImpactRow, 'projected' | 'minimum'>): number {
  return Math.max(0, row.projected - row.minimum);
}
