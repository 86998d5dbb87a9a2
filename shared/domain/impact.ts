import { impactLevel, isBlocking, worstLevel, type Level } from './capability-level';
import { allocationPosts } from './campaign-rules';
import { coHeldCapabilities, eligibleCoHolders, eligibleHolders } from './officer-counters';
import type { VettingLevel } from './reference';

export interface ImpactCampaign {
  ownerOrgId: string;
  capabilityId: string;
  posts: number;
  /** A joint campaign's posts per organisation: an officer filling their own organisation's posts is no loss to it. */
  allocations: readonly { orgId: string; posts: number }[];
  maxAppointmentsPerSource: number | null;
  /** Caps imposed on single sources by a ROCC upholding an objection. */
  sourceCaps: Readonly<Record<string, number>>;
  roleProfile: { vetting: VettingLevel; minPipLevel: number };
}

export interface ImpactBaseline {
  orgId: string;
  capabilityId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  holders: Readonly<Record<string, number>>;
  coHolders?: Readonly<Record<string, number>>;
}

export interface ImpactRow {
  orgId: string;
  /** The team: the campaign's capability, or another capability its eligible holders there also hold. */
  capabilityId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  projected: number;
  /** Eligible holders the campaign could take from this team (for another capability: holders of both). */
  eligibleHolders: number;
  /** The per-source cap that applies to this ROCU, if any. */
  cap: number | null;
  /** Posts the campaign could fill with this ROCU's officers (all but its own allocation). */
  posts: number;
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

/** Posts that would take an officer out of `orgId`: every post but those of its own allocation (rule 8). */
export function postsAwayFrom(campaign: Pick<ImpactCampaign, 'ownerOrgId' | 'posts' | 'allocations'>, orgId: string): number {
  const own = allocationPosts(campaign, orgId) ?? 0;
  return Math.max(0, campaign.posts - own);
}

function row(
  orgId: string,
  capabilityId: string,
  team: Pick<ImpactBaseline, 'strength' | 'minimum' | 'committedOut'>,
  eligible: number,
  posts: number,
  cap: number | null,
): ImpactRow {
  const projected = team.strength - team.committedOut;
  const exposure = Math.max(0, Math.min(posts, cap ?? Number.POSITIVE_INFINITY, eligible, projected));
  return {
    orgId,
    capabilityId,
    strength: team.strength,
    minimum: team.minimum,
    committedOut: team.committedOut,
    projected,
    eligibleHolders: eligible,
    cap,
    posts,
    exposure,
    worstCase: projected - exposure,
    level: impactLevel({ projected, exposure, minimum: team.minimum }),
  };
}

/**
 * Campaign impact assessment (BRIEF.md rule 1): for each ROCU, exposure =
 * min(posts that could take its officers, per-source cap, eligible holders of
 * the capability there), worst case = projected − exposure, and its level.
 * The same campaign puts at risk each other team `c'` of the ROCU through
 * officers who hold both capabilities (one person counts in every team they
 * are in): a row per such team, its exposure bounded by the eligible holders
 * of both (the co-holder counters on the campaign capability's baseline).
 * Computed from the counters on baseline items, never from officers, so its
 * cost does not grow with them. An officer filling their own organisation's
 * allocation is no loss to it; a campaign without allocations takes nobody
 * from its owner.
 */
export function assessImpact(
  campaign: ImpactCampaign,
  rocuIds: readonly string[],
  baselines: readonly ImpactBaseline[],
  coHeldBaselines: readonly ImpactBaseline[] = [],
): ImpactAssessment {
  const byOrg = new Map(baselines.filter((b) => b.capabilityId === campaign.capabilityId).map((b) => [b.orgId, b]));
  const others = new Map(coHeldBaselines.map((b) => [`${b.orgId}#${b.capabilityId}`, b]));
  const profile = { vetting: campaign.roleProfile.vetting, pipLevel: campaign.roleProfile.minPipLevel };
  const rows: ImpactRow[] = [];
  for (const orgId of [...rocuIds].sort()) {
    const posts = postsAwayFrom(campaign, orgId);
    if (posts === 0) continue;
    const b = byOrg.get(orgId) ?? { orgId, capabilityId: campaign.capabilityId, strength: 0, minimum: 0, committedOut: 0, holders: {} };
    const cap = effectiveCap(campaign, orgId);
    rows.push(row(orgId, campaign.capabilityId, b, eligibleHolders(b.holders, profile), posts, cap));
    for (const other of coHeldCapabilities(b.coHolders ?? {})) {
      const both = eligibleCoHolders(b.coHolders ?? {}, other, profile);
      if (both === 0) continue;
      const team = others.get(`${orgId}#${other}`) ?? { strength: 0, minimum: 0, committedOut: 0 };
      rows.push(row(orgId, other, team, both, posts, cap));
    }
  }
  return { rows, worstLevel: worstLevel(rows.map((r) => r.level)) };
}

/** The teams of other capabilities a campaign's assessment needs: each (ROCU, c') with holders of both. */
export function coHeldTeams(campaign: Pick<ImpactCampaign, 'capabilityId' | 'roleProfile'>, rocuIds: readonly string[], baselines: readonly ImpactBaseline[]): { orgId: string; capabilityId: string }[] {
  const rocus = new Set(rocuIds);
  const profile = { vetting: campaign.roleProfile.vetting, pipLevel: campaign.roleProfile.minPipLevel };
  const out: { orgId: string; capabilityId: string }[] = [];
  for (const b of baselines) {
    if (b.capabilityId !== campaign.capabilityId || !rocus.has(b.orgId)) continue;
    for (const other of coHeldCapabilities(b.coHolders ?? {})) {
      if (eligibleCoHolders(b.coHolders ?? {}, other, profile) > 0) out.push({ orgId: b.orgId, capabilityId: other });
    }
  }
  return out;
}

export function blockingRows(assessment: ImpactAssessment): ImpactRow[] {
  return assessment.rows.filter((r) => isBlocking(r.level));
}

/** The largest per-source cap that keeps a ROCU's team at or above its minimum (what a ROCC's "uphold" imposes). */
export function capKeepingMinimum(row: Pick<ImpactRow, 'projected' | 'minimum'>): number {
  return Math.max(0, row.projected - row.minimum);
}

/** The largest per-source cap that keeps every one of a ROCU's teams at or above its minimum. */
export function capKeepingMinimums(teams: readonly Pick<ImpactRow, 'projected' | 'minimum'>[]): number {
  return Math.min(...teams.map(capKeepingMinimum));
}
