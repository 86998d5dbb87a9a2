import { impactLevel, worstLevel, type Level } from './capability-level';

/**
 * One person leaving a team is one commitment (BRIEF.md "Capability
 * protection"). A commitment is kept on the officer record, so every write
 * that changes the officer sees it and the counters follow from the officer
 * alone (`counterDeltas`): an officer with any live commitment counts once in
 * `committedOut` of every team they are in, whatever the number of
 * commitments. Pure functions; the data layer writes the officer and the
 * counter Updates in one transaction conditioned on the officer's version.
 */
export interface OfficerCommitment {
  /** An accepted move (a campaign application) or a confirmed outbound secondment. */
  kind: 'move' | 'secondment';
  applicationId: string;
  /** What the officer leaves for (the campaign or placement title), for people's messages. */
  title: string;
  /** The unit the officer leaves (where they count) and the one they go to. */
  fromOrgId: string;
  toOrgId: string;
  /** The first day away. */
  startDate: string;
  /** The day they are back (a secondment's end date); null for a permanent move. */
  endDate: string | null;
}

/** Two commitments overlap when neither ends before the other starts (a move never ends). */
export function commitmentsOverlap(a: Pick<OfficerCommitment, 'startDate' | 'endDate'>, b: Pick<OfficerCommitment, 'startDate' | 'endDate'>): boolean {
  const aEndsBefore = a.endDate !== null && a.endDate < b.startDate;
  const bEndsBefore = b.endDate !== null && b.endDate < a.startDate;
  return !aEndsBefore && !bEndsBefore;
}

/** The live commitment a new one would overlap (the person cannot leave twice at once), if any. */
export function overlappingCommitment(
  existing: readonly OfficerCommitment[],
  candidate: Pick<OfficerCommitment, 'applicationId' | 'startDate' | 'endDate'>,
): OfficerCommitment | undefined {
  return existing.find((c) => c.applicationId !== candidate.applicationId && commitmentsOverlap(c, candidate));
}

/**
 * Why a new commitment is refused, naming the one it overlaps, in words an
 * officer or HR lead understands; `who` is "You are" or "<name> is".
 */
export function overlapRefusal(who: string, first: OfficerCommitment): string {
  const what = first.kind === 'move' ? `an accepted move to ${first.toOrgId} (“${first.title}”) from ${first.startDate}` : `a secondment to ${first.toOrgId} (“${first.title}”) from ${first.startDate} to ${first.endDate}`;
  return `${who} already committed elsewhere: ${what}, application ${first.applicationId}. One person can leave a team only once at a time; that commitment must end or be withdrawn first.`;
}

export function withCommitment(list: readonly OfficerCommitment[], c: OfficerCommitment): OfficerCommitment[] {
  return [...list.filter((x) => x.applicationId !== c.applicationId), c].sort((a, b) => a.startDate.localeCompare(b.startDate));
}

export function withoutCommitment(list: readonly OfficerCommitment[], applicationId: string): OfficerCommitment[] {
  return list.filter((x) => x.applicationId !== applicationId);
}

/** A team as the gates read it from its baseline. */
export interface TeamCounters {
  capabilityId: string;
  strength: number;
  projected: number;
  minimum: number;
}

/** One team a commitment would take below its minimum: what an offer-release alert or a home gate names. */
export interface TeamAtRisk {
  capabilityId: string;
  strength: number;
  projected: number;
  projectedAfter: number;
  minimum: number;
  level: Level;
}

/**
 * The teams one more commitment of this officer would take below their
 * minimum: every capability the officer holds in the unit they count in
 * (rule 3 and rule 7 for each team). An officer already committed elsewhere
 * (a commitment that ends before this one starts) is already counted out once,
 * so nothing moves and no team is at risk.
 */
export function teamsAtRisk(
  officer: { capabilities: readonly string[]; committed: boolean },
  teams: readonly TeamCounters[],
): TeamAtRisk[] {
  if (officer.committed) return [];
  const byCapability = new Map(teams.map((t) => [t.capabilityId, t]));
  const out: TeamAtRisk[] = [];
  for (const capabilityId of [...new Set(officer.capabilities)].sort()) {
    const t = byCapability.get(capabilityId);
    if (!t || t.minimum <= 0) continue;
    if (t.projected - 1 >= t.minimum) continue;
    out.push({
      capabilityId,
      strength: t.strength,
      projected: t.projected,
      projectedAfter: t.projected - 1,
      minimum: t.minimum,
      level: impactLevel({ projected: t.projected, exposure: 1, minimum: t.minimum }),
    });
  }
  return out;
}

/** The team an alert about several leads with: the campaign's (or placement's) own capability if at risk, else the worst. */
export function leadTeam(teams: readonly TeamAtRisk[], preferred: string): TeamAtRisk | undefined {
  const own = teams.find((t) => t.capabilityId === preferred);
  if (own) return own;
  const worst = worstLevel(teams.map((t) => t.level));
  return teams.find((t) => t.level === worst);
}
