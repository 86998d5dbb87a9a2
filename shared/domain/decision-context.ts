import { impactLevel, type Level } from './capability-level';
import type { OfficerCommitment } from './commitments';
import { capKeepingMinimums, type ImpactRow } from './impact';

/**
 * The facts a person needs beside a decision that takes an officer (or a
 * campaign's worth of them) out of a team: who is already committed out and
 * until when, and what the decision would do to each team. Pure functions
 * over the counters and the officers' commitments.
 */

/** An officer of a team already committed to leave it: an accepted move or a confirmed secondment. */
export interface CommittedOfficer {
  officerId: string;
  name: string;
  kind: OfficerCommitment['kind'];
  title: string;
  toOrgId: string;
  startDate: string;
  /** The day a secondment ends; null for a permanent move. */
  endDate: string | null;
}

/** A team as it stands, and as it would stand after the decision. */
export interface TeamEffect {
  orgId: string;
  capabilityId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  /** strength − committed out: who is left once those already leaving have gone. */
  projected: number;
  /** `projected` once the decision takes effect. */
  after: number;
  level: Level;
  committed: CommittedOfficer[];
}

interface TeamCounters {
  orgId: string;
  capabilityId: string;
  strength: number;
  minimum: number;
  committedOut: number;
  projected: number;
}

interface OfficerWithCommitments {
  id: string;
  name: string;
  capabilities: readonly string[];
  commitments?: readonly OfficerCommitment[] | undefined;
}

/**
 * The officers of `capabilityId`'s team committed out of it, soonest first.
 * One person leaving counts once, so an officer with two commitments shows
 * the first, which is the one that takes them out.
 */
export function committedOutOf(officers: readonly OfficerWithCommitments[], capabilityId: string): CommittedOfficer[] {
  const out: CommittedOfficer[] = [];
  for (const o of officers) {
    if (!o.capabilities.includes(capabilityId)) continue;
    const first = [...(o.commitments ?? [])].sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
    if (!first) continue;
    out.push({ officerId: o.id, name: o.name, kind: first.kind, title: first.title, toOrgId: first.toOrgId, startDate: first.startDate, endDate: first.endDate });
  }
  return out.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.name.localeCompare(b.name));
}

/** A team with `exposure` more people out of it. */
export function teamEffect(team: TeamCounters, exposure: number, committed: CommittedOfficer[]): TeamEffect {
  return {
    orgId: team.orgId,
    capabilityId: team.capabilityId,
    strength: team.strength,
    minimum: team.minimum,
    committedOut: team.committedOut,
    projected: team.projected,
    after: team.projected - exposure,
    level: impactLevel({ projected: team.projected, exposure, minimum: team.minimum }),
    committed,
  };
}

/**
 * What one officer leaving does to every team they count in (each capability
 * they hold, rule 3 for each): one fewer, unless they are already committed
 * out (a person leaves once) or `leaves` is false (an offer into their own
 * organisation's allocation, a placement within their own unit).
 */
export function officerLeavingEffects(
  orgId: string,
  officer: OfficerWithCommitments,
  teams: readonly TeamCounters[],
  colleagues: readonly OfficerWithCommitments[],
  leaves: boolean,
): TeamEffect[] {
  const byCapability = new Map(teams.map((t) => [t.capabilityId, t]));
  const exposure = leaves && (officer.commitments ?? []).length === 0 ? 1 : 0;
  return [...new Set(officer.capabilities)].sort().map((capabilityId) => {
    const team = byCapability.get(capabilityId) ?? { orgId, capabilityId, strength: 0, minimum: 0, committedOut: 0, projected: 0 };
    return teamEffect(team, exposure, committedOutOf(colleagues, capabilityId));
  });
}

/** Whether any of these teams would fall below its minimum: an offer or an HR lead's approval then needs the ROCU head's release. */
export function belowMinimum(effects: readonly Pick<TeamEffect, 'after' | 'minimum' | 'projected'>[]): boolean {
  return effects.some((e) => e.minimum > 0 && e.after < e.minimum && e.after < e.projected);
}

/**
 * The largest per-source cap a campaign could set that keeps every one of a
 * ROCU's teams at or above its minimum; undefined when the campaign, as it
 * stands (caps included), already keeps them all there.
 */
export function largestSafeCap(rows: readonly Pick<ImpactRow, 'projected' | 'minimum' | 'worstCase'>[]): number | undefined {
  if (rows.length === 0 || rows.every((r) => r.worstCase >= r.minimum)) return undefined;
  return capKeepingMinimums(rows);
}

/**
 * Where an offer-release decision stands, from its application's status:
 * `would` while the offer is held or made and not yet accepted (the team
 * would lose the officer), `has` once accepted (the officer is counted out),
 * `none` when the offer is gone (withdrawn, rejected).
 */
export function offerEffectState(applicationStatus: string | undefined): 'would' | 'has' | 'none' {
  if (applicationStatus === 'awaiting-release' || applicationStatus === 'offered') return 'would';
  if (applicationStatus === 'accepted' || applicationStatus === 'appointed') return 'has';
  return 'none';
}
