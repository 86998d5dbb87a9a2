import type { CountedOfficer } from './officer-counters';
import { PIP_LEVELS, type PipLevel } from './reference';

/**
 * PIP records and the PIP pipeline (BRIEF.md "Secondments and PIP training"):
 * pure rules, no I/O. The officer's `pipLevel` is the one source of the level;
 * the record adds the status, the target while in development, the workplace
 * assessor, evidence and sign-offs.
 */

/** `none`: no accreditation and not in development (level 0). */
export const PIP_STATUSES = ['in-development', 'accredited', 'none'] as const;
export type PipStatus = (typeof PIP_STATUSES)[number];

/**
 * The status follows from the level and the development target. A target at
 * or below the level held (the HR lead raised the level by hand meanwhile) is
 * met: the officer is accredited, not in development.
 */
export function pipStatusOf(officer: { pipLevel: number; pipTargetLevel?: number | null }): PipStatus {
  if (officer.pipTargetLevel !== undefined && officer.pipTargetLevel !== null && officer.pipTargetLevel > officer.pipLevel) return 'in-development';
  return officer.pipLevel > 0 ? 'accredited' : 'none';
}

// ---------------------------------------------------------------- pipeline counters

/**
 * Each active officer counts in exactly one pipeline bucket of their home
 * organisation: in development towards their target level (`pl_dev_<target>`),
 * else accredited at their level (`pl_acc_<level>`), else `pl_none`. A bucket
 * per officer makes an organisation's buckets add up to its active officers.
 */
export function pipelineCounterName(o: { pipLevel: number; pipTargetLevel?: number | null }): string {
  const status = pipStatusOf(o);
  if (status === 'in-development') return `pl_dev_${o.pipTargetLevel}`;
  if (status === 'accredited') return `pl_acc_${o.pipLevel}`;
  return 'pl_none';
}

export const ALL_PIPELINE_COUNTERS: readonly string[] = [
  'pl_none',
  ...PIP_LEVELS.filter((l) => l > 0).flatMap((l) => [`pl_acc_${l}`, `pl_dev_${l}`]),
];

/**
 * An organisation's pipeline counters are spread over a few items (shards), the
 * officer's shard fixed by their id, so that many officers of one organisation
 * written at once (an import, the seed) do not all contend for one item.
 */
export const PIPELINE_SHARDS = 4;

export function pipelineShard(officerId: string): number {
  let h = 0;
  for (let i = 0; i < officerId.length; i++) h = (h * 31 + officerId.charCodeAt(i)) >>> 0;
  return h % PIPELINE_SHARDS;
}

/** One change to one shard item: `ADD <counter> :n` for each counter. */
export interface PipelineDelta {
  orgId: string;
  shard: number;
  counters: Record<string, number>;
}

function contribution(officerId: string, o: CountedOfficer | undefined): PipelineDelta | undefined {
  if (!o || o.status !== 'active') return undefined;
  return { orgId: o.homeOrgId, shard: pipelineShard(officerId), counters: { [pipelineCounterName(o)]: 1 } };
}

/**
 * The pipeline counter changes that turn `before` into `after` (either absent
 * for a new or removed officer): one bucket left, one entered, merged per
 * organisation; changes that cancel out are dropped, so an edit that touches
 * neither the level, the target, the home nor the status writes nothing.
 */
export function pipelineDeltas(officerId: string, before: CountedOfficer | undefined, after: CountedOfficer | undefined): PipelineDelta[] {
  const byOrg = new Map<string, PipelineDelta>();
  for (const [c, sign] of [
    [contribution(officerId, before), -1],
    [contribution(officerId, after), 1],
  ] as const) {
    if (!c) continue;
    const d = byOrg.get(c.orgId) ?? { orgId: c.orgId, shard: c.shard, counters: {} };
    for (const [name, n] of Object.entries(c.counters)) d.counters[name] = (d.counters[name] ?? 0) + sign * n;
    byOrg.set(c.orgId, d);
  }
  const out: PipelineDelta[] = [];
  for (const d of byOrg.values()) {
    for (const [name, n] of Object.entries(d.counters)) if (n === 0) delete d.counters[name];
    if (Object.keys(d.counters).length) out.push(d);
  }
  return out.sort((a, b) => a.orgId.localeCompare(b.orgId));
}

/** One organisation's pipeline: per level, accredited and in development; totals. */
export interface PipelineRow {
  levels: { level: PipLevel; accredited: number; inDevelopment: number }[];
  notAccredited: number;
  accredited: number;
  inDevelopment: number;
  officers: number;
}

/** Sum counter items (shards of one organisation, or of many for a total) into a row. */
export function pipelineRow(items: readonly Readonly<Record<string, unknown>>[]): PipelineRow {
  const n = (name: string) => items.reduce((sum, item) => sum + Number(item[name] ?? 0), 0);
  const levels = PIP_LEVELS.filter((l) => l > 0).map((level) => ({ level, accredited: n(`pl_acc_${level}`), inDevelopment: n(`pl_dev_${level}`) }));
  const accredited = levels.reduce((s, l) => s + l.accredited, 0);
  const inDevelopment = levels.reduce((s, l) => s + l.inDevelopment, 0);
  const notAccredited = n('pl_none');
  return { levels, notAccredited, accredited, inDevelopment, officers: accredited + inDevelopment + notAccredited };
}

// ---------------------------------------------------------------- sign-off

/** A secondment of the officer as the sign-off rule needs it. */
export interface DevelopmentSecondment {
  id: string;
  status: string;
  hostOrgId: string;
  /** The placement's PIP development target; null when it develops none. */
  pipDevelopmentLevel: number | null;
}

export type SignOffDecision =
  | { ok: true; secondment: DevelopmentSecondment }
  | { ok: false; reason: 'no-completed-development' | 'not-allowed' | 'above-target' | 'not-above-current'; message: string };

/**
 * May this caller sign off `level` for the officer? Only after a COMPLETED
 * secondment on a PIP-development placement; only the record's workplace
 * assessor or the HR lead of that secondment's host; the level no higher than
 * the placement's target and above what the officer already holds. Of the
 * secondments that qualify, the one with the highest target is used.
 */
export function decideSignOff(input: {
  level: number;
  currentLevel: number;
  secondments: readonly DevelopmentSecondment[];
  isAssessor: boolean;
  hrLeadOf: (orgId: string) => boolean;
}): SignOffDecision {
  const developing = input.secondments.filter((s) => s.status === 'completed' && s.pipDevelopmentLevel !== null && s.pipDevelopmentLevel > 0);
  if (developing.length === 0) {
    return { ok: false, reason: 'no-completed-development', message: 'The officer has no completed secondment on a PIP-development placement to sign off.' };
  }
  const mine = developing.filter((s) => input.isAssessor || input.hrLeadOf(s.hostOrgId));
  if (mine.length === 0) {
    return { ok: false, reason: 'not-allowed', message: 'Only the workplace assessor or the host’s HR lead signs off the PIP level.' };
  }
  const best = [...mine].sort((a, b) => (b.pipDevelopmentLevel ?? 0) - (a.pipDevelopmentLevel ?? 0))[0]!;
  if (input.level > (best.pipDevelopmentLevel ?? 0)) {
    return { ok: false, reason: 'above-target', message: `The placement develops PIP${best.pipDevelopmentLevel}; level ${input.level} is above it.` };
  }
  if (input.level <= input.currentLevel) {
    return { ok: false, reason: 'not-above-current', message: `The officer already holds PIP${input.currentLevel}.` };
  }
  return { ok: true, secondment: best };
}

/** Secondment statuses that give the host's HR lead a say in the officer's PIP record. */
export const HOSTING_STATUSES: readonly string[] = ['confirmed', 'active', 'completed'];

/** Can a development target be set? Above the current level, at most 4. */
export function validTarget(target: number, currentLevel: number): boolean {
  return target > currentLevel && target <= 4;
}
