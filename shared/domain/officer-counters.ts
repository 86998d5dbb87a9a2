import { PIP_LEVELS, VETTING_LEVELS, meetsVetting, type PipLevel, type VettingLevel } from './reference';

/**
 * What an officer contributes to the capability counters of their home unit.
 * `strength` counts active holders; the `holders` counters split them by vetting
 * and PIP level so that "eligible holders" for any role profile is a sum over a
 * few counters on one item, never a read of officers one by one.
 */
export interface CountedOfficer {
  homeOrgId: string;
  capabilities: readonly string[];
  vetting: VettingLevel;
  pipLevel: PipLevel;
  status: 'active' | 'left';
  /** The PIP level the officer is developing towards, if any (the PIP pipeline counters; see pip-rules.ts). */
  pipTargetLevel?: PipLevel | null;
}

/** The counter attribute for holders at one vetting level and PIP level. */
export function holderCounterName(vetting: VettingLevel, pipLevel: PipLevel): string {
  return `h_${vetting}_${pipLevel}`;
}

export const ALL_HOLDER_COUNTERS: readonly string[] = VETTING_LEVELS.flatMap((v) =>
  PIP_LEVELS.map((p) => holderCounterName(v, p)),
);

/** One change to apply to a baseline item: `ADD strength :n, h_x_y :n`. */
export interface CounterDelta {
  orgId: string;
  capabilityId: string;
  strength: number;
  holders: Record<string, number>;
}

function contributions(officer: CountedOfficer | undefined): Map<string, CounterDelta> {
  const out = new Map<string, CounterDelta>();
  if (!officer || officer.status !== 'active') return out;
  for (const capabilityId of new Set(officer.capabilities)) {
    out.set(`${officer.homeOrgId}#${capabilityId}`, {
      orgId: officer.homeOrgId,
      capabilityId,
      strength: 1,
      holders: { [holderCounterName(officer.vetting, officer.pipLevel)]: 1 },
    });
  }
  return out;
}

/**
 * The counter changes that turn `before` into `after` (either may be absent for
 * a new or removed officer). Changes that cancel out are dropped, so an edit
 * that touches no counted field writes no baseline at all.
 */
export function counterDeltas(before: CountedOfficer | undefined, after: CountedOfficer | undefined): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  const apply = (source: Map<string, CounterDelta>, sign: 1 | -1) => {
    for (const [key, c] of source) {
      const d = merged.get(key) ?? { orgId: c.orgId, capabilityId: c.capabilityId, strength: 0, holders: {} };
      d.strength += sign * c.strength;
      for (const [name, n] of Object.entries(c.holders)) d.holders[name] = (d.holders[name] ?? 0) + sign * n;
      merged.set(key, d);
    }
  };
  apply(contributions(before), -1);
  apply(contributions(after), 1);

  const result: CounterDelta[] = [];
  for (const d of merged.values()) {
    for (const [name, n] of Object.entries(d.holders)) if (n === 0) delete d.holders[name];
    if (d.strength !== 0 || Object.keys(d.holders).length > 0) result.push(d);
  }
  return result.sort((a, b) => `${a.orgId}#${a.capabilityId}`.localeCompare(`${b.orgId}#${b.capabilityId}`));
}

/** Holders whose vetting and PIP level meet a role profile's minimums. */
export function eligibleHolders(
  counters: Readonly<Record<string, number | undefined>>,
  minimum: { vetting: VettingLevel; pipLevel: number },
): number {
  let total = 0;
  for (const v of VETTING_LEVELS) {
    if (!meetsVetting(v, minimum.vetting)) continue;
    for (const p of PIP_LEVELS) {
      if (p < minimum.pipLevel) continue;
      total += counters[holderCounterName(v, p)] ?? 0;
    }
  }
  return total;
}
