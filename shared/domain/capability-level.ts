/**
 * Capability protection levels (BRIEF.md, "Capability protection"): pure functions,
 * no I/O, used by baselines, the impact assessment, the offer gate and the heatmap.
 */

export const LEVELS = ['ok', 'warning', 'critical', 'loss'] as const;
export type Level = (typeof LEVELS)[number];

const LEVEL_RANK: Record<Level, number> = { ok: 0, warning: 1, critical: 2, loss: 3 };

/** The warning band above the minimum: 20% of it, at least one officer. */
export function warningMargin(minimum: number): number {
  return Math.max(1, minimum * 0.2);
}

export function projectedStrength(strength: number, committedOut: number): number {
  return strength - committedOut;
}

/**
 * The level of an action that takes `exposure` officers from a team whose
 * projection is `projected`. Taking nobody is always `ok`; taking a team that
 * has people to zero is a `loss`, whatever its minimum.
 */
export function impactLevel(input: { projected: number; exposure: number; minimum: number }): Level {
  const { projected, exposure, minimum } = input;
  if (exposure <= 0) return 'ok';
  const after = projected - exposure;
  if (projected > 0 && after <= 0) return 'loss';
  if (after < minimum) return 'critical';
  if (after < minimum + warningMargin(minimum)) return 'warning';
  return 'ok';
}

/**
 * The level of a team as it stands (baselines, heatmap): what the commitments
 * already made do to it. A team with nobody committed out is judged on its
 * strength alone, so an under-strength team still shows as critical.
 */
export function standingLevel(input: { strength: number; committedOut: number; minimum: number }): Level {
  const { strength, committedOut, minimum } = input;
  const projected = projectedStrength(strength, committedOut);
  if (strength > 0 && projected <= 0) return 'loss';
  if (projected < minimum) return 'critical';
  if (minimum > 0 && projected < minimum + warningMargin(minimum)) return 'warning';
  return 'ok';
}

export function worstLevel(levels: Iterable<Level>): Level {
  let worst: Level = 'ok';
  for (const level of levels) if (LEVEL_RANK[level] > LEVEL_RANK[worst]) worst = level;
  return worst;
}

export function isBlocking(level: Level): boolean {
  return level === 'critical' || level === 'loss';
}
