import { servingOrgOf } from './posting';
import { PIP_LEVELS, VETTING_LEVELS, meetsVetting, type PipLevel, type VettingLevel } from './reference';

/**
 * What an officer contributes to the capability counters of the unit they
 * count in: the one they serve in (a posting's unit, else home). `strength` counts active holders; the `holders` counters split
 * them by vetting and PIP level, so "eligible holders" for any role profile is
 * a sum over a few counters on one item, never a read of officers one by one.
 * The co-holder counters on the baseline of capability `c` split the same
 * holders by each other capability `c'` they also hold, so the impact of a
 * campaign for `c` on the team of `c'` is bounded from one item too.
 * `committedOut` is 1 on every team of an officer with any live commitment:
 * one person leaving is one commitment, counted once per team.
 */
export interface CountedOfficer {
  homeOrgId: string;
  /** The unit a fixed-term posting has the officer serve in: they count there, not at home, until it ends. */
  servingOrgId?: string | null;
  capabilities: readonly string[];
  vetting: VettingLevel;
  pipLevel: PipLevel;
  status: 'active' | 'left';
  /** Has a live commitment elsewhere (an accepted move, a confirmed secondment): counts in `committedOut`. */
  committed?: boolean;
  /** The PIP level the officer is developing towards, if any (the PIP pipeline counters; see pip-rules.ts). */
  pipTargetLevel?: PipLevel | null;
}

/** The counter attribute for holders at one vetting level and PIP level. */
export function holderCounterName(vetting: VettingLevel, pipLevel: PipLevel): string {
  return `h_${vetting}_${pipLevel}`;
}

/** The counter attribute, on one capability's baseline, for holders who also hold `otherCapabilityId`. */
function coHolderCounterName(otherCapabilityId: string, vetting: VettingLevel, pipLevel: PipLevel): string {
  return `co_${otherCapabilityId}_${vetting}_${pipLevel}`;
}

export const CO_HOLDER_PREFIX = 'co_';

/** The other capability a co-holder counter names, with its vetting and PIP level. */
export function parseCoHolderCounter(name: string): { capabilityId: string; vetting: VettingLevel; pipLevel: PipLevel } | undefined {
  const m = /^co_(.+)_([a-z0-9]+)_([0-4])$/.exec(name);
  if (!m || !(VETTING_LEVELS as readonly string[]).includes(m[2]!)) return undefined;
  return { capabilityId: m[1]!, vetting: m[2] as VettingLevel, pipLevel: Number(m[3]) as PipLevel };
}

export const ALL_HOLDER_COUNTERS: readonly string[] = VETTING_LEVELS.flatMap((v) =>
  PIP_LEVELS.map((p) => holderCounterName(v, p)),
);

/** One change to apply to a baseline item: `ADD strength :n, committedOut :n, h_x_y :n, co_c_x_y :n`. */
export interface CounterDelta {
  orgId: string;
  capabilityId: string;
  strength: number;
  committedOut: number;
  holders: Record<string, number>;
  coHolders: Record<string, number>;
}

function contributions(officer: CountedOfficer | undefined): Map<string, CounterDelta> {
  const out = new Map<string, CounterDelta>();
  if (!officer || officer.status !== 'active') return out;
  const held = [...new Set(officer.capabilities)];
  const orgId = servingOrgOf(officer);
  for (const capabilityId of held) {
    const coHolders: Record<string, number> = {};
    for (const other of held) if (other !== capabilityId) coHolders[coHolderCounterName(other, officer.vetting, officer.pipLevel)] = 1;
    out.set(`${orgId}#${capabilityId}`, {
      orgId,
      capabilityId,
      strength: 1,
      committedOut: officer.committed ? 1 : 0,
      holders: { [holderCounterName(officer.vetting, officer.pipLevel)]: 1 },
      coHolders,
    });
  }
  return out;
}

function dropZeros(counters: Record<string, number>): void {
  for (const [name, n] of Object.entries(counters)) if (n === 0) delete counters[name];
}

/**
 * The counter changes that turn `before` into `after` (either may be absent for
 * a new or removed officer): the one function every write that changes an
 * officer (create, edit, import, a commitment made or ended, a move taking
 * effect, a sign-off) plans its baseline Updates with. Changes that cancel out
 * are dropped, so an edit that touches no counted field writes no baseline.
 */
export function counterDeltas(before: CountedOfficer | undefined, after: CountedOfficer | undefined): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  const apply = (source: Map<string, CounterDelta>, sign: 1 | -1) => {
    for (const [key, c] of source) {
      const d = merged.get(key) ?? { orgId: c.orgId, capabilityId: c.capabilityId, strength: 0, committedOut: 0, holders: {}, coHolders: {} };
      d.strength += sign * c.strength;
      d.committedOut += sign * c.committedOut;
      for (const [name, n] of Object.entries(c.holders)) d.holders[name] = (d.holders[name] ?? 0) + sign * n;
      for (const [name, n] of Object.entries(c.coHolders)) d.coHolders[name] = (d.coHolders[name] ?? 0) + sign * n;
      merged.set(key, d);
    }
  };
  apply(contributions(before), -1);
  apply(contributions(after), 1);

  const result: CounterDelta[] = [];
  for (const d of merged.values()) {
    dropZeros(d.holders);
    dropZeros(d.coHolders);
    if (d.strength !== 0 || d.committedOut !== 0 || Object.keys(d.holders).length > 0 || Object.keys(d.coHolders).length > 0) result.push(d);
  }
  return result.sort((a, b) => `${a.orgId}#${a.capabilityId}`.localeCompare(`${b.orgId}#${b.capabilityId}`));
}

/** The sum of the counters, named by `name`, of every vetting and PIP level that meets a role profile's minimums. */
function sumMeeting(
  counters: Readonly<Record<string, number | undefined>>,
  name: (vetting: VettingLevel, pipLevel: PipLevel) => string,
  minimum: { vetting: VettingLevel; pipLevel: number },
): number {
  let total = 0;
  for (const v of VETTING_LEVELS) {
    if (!meetsVetting(v, minimum.vetting)) continue;
    for (const p of PIP_LEVELS) if (p >= minimum.pipLevel) total += counters[name(v, p)] ?? 0;
  }
  return total;
}

/** Holders whose vetting and PIP level meet a role profile's minimums. */
export function eligibleHolders(
  counters: Readonly<Record<string, number | undefined>>,
  minimum: { vetting: VettingLevel; pipLevel: number },
): number {
  return sumMeeting(counters, holderCounterName, minimum);
}

/** Holders of the baseline's capability who also hold `otherCapabilityId` and meet a role profile's minimums. */
export function eligibleCoHolders(
  coHolders: Readonly<Record<string, number | undefined>>,
  otherCapabilityId: string,
  minimum: { vetting: VettingLevel; pipLevel: number },
): number {
  return sumMeeting(coHolders, (v, p) => coHolderCounterName(otherCapabilityId, v, p), minimum);
}

/** The other capabilities a baseline's co-holder counters name (with any holder left). */
export function coHeldCapabilities(coHolders: Readonly<Record<string, number | undefined>>): string[] {
  const out = new Set<string>();
  for (const [name, n] of Object.entries(coHolders)) {
    const parsed = parseCoHolderCounter(name);
    if (parsed && (n ?? 0) > 0) out.add(parsed.capabilityId);
  }
  return [...out].sort();
}
