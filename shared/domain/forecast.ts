import { standingLevel, type Level } from './capability-level';
import type { OfficerCommitment } from './commitments';
import { establishmentAt, isPosted, servingOrgOf, type FundingLine } from './posting';

/**
 * The capability forecast (BRIEF.md "The capability forecast"): each team of
 * one unit, month by month, from what the service already keeps — the
 * officers serving in the unit and those who will arrive, with their
 * commitments, posting ends and leaving dates, and the teams' funding lines.
 * Pure: no clock, no I/O.
 *
 * `months[0]` is the team today, as stored: every officer where they serve,
 * committed if they hold any commitment (exactly what `counterDeltas` counts,
 * so it equals the baseline's counters). `months[i]` (i ≥ 1) is the team at
 * the end of the i-th month after today's: every dated change on or before
 * that day has happened, as the jobs make it happen on its date (a move on
 * its start date, a posting's end and a leaving date on theirs, a
 * secondment's commitment released on its end date). A change already due
 * but not yet applied by its job (dated today or earlier) shows from month 1.
 * On one day a move goes first (the move job ends any posting), then a
 * leaving, then a posting's end; then secondments returning.
 */
export interface ForecastOfficer {
  id: string;
  name?: string;
  homeOrgId: string;
  servingOrgId?: string | null;
  servingUntil?: string | null;
  leavingOn?: string | null;
  status: 'active' | 'left';
  capabilities: readonly string[];
  commitments?: readonly OfficerCommitment[];
}

export interface ForecastTeam {
  capabilityId: string;
  minimum: number;
  /** The establishment set as one number (used when there are no funding lines). */
  establishment: number;
  funding?: readonly FundingLine[] | undefined;
}

export const FORECAST_EVENT_KINDS = ['move-out', 'move-in', 'secondment-out', 'secondment-return', 'posting-end', 'leaving', 'funding-end'] as const;
export type ForecastEventKind = (typeof FORECAST_EVENT_KINDS)[number];

export interface ForecastEvent {
  date: string;
  kind: ForecastEventKind;
  officerId?: string;
  officerName?: string;
  /** The change in `projected` (for `funding-end`: in `establishment`). */
  delta: number;
  strengthDelta: number;
  committedOutDelta: number;
  /** What causes it, in words (the campaign or placement and its application, the posting, the funding source). */
  source: string;
}

export interface ForecastMonth {
  /** `YYYY-MM`. */
  month: string;
  /** The day the figures are for: today for the first month, else the month's last day. */
  at: string;
  strength: number;
  committedOut: number;
  projected: number;
  establishment: number;
  level: Level;
}

export interface ForecastItem {
  capabilityId: string;
  minimum: number;
  months: ForecastMonth[];
  events: ForecastEvent[];
  /** The first month whose projection is below the minimum; null when none within the horizon. */
  firstBreach: { month: string; monthsAhead: number; projected: number; minimum: number } | null;
}

export interface ForecastInput {
  orgId: string;
  /** Today, `YYYY-MM-DD`. */
  asOf: string;
  /** Month ends after the current month (1–36). */
  months: number;
  teams: readonly ForecastTeam[];
  /** The officers serving in the unit and those arriving (duplicates are counted once). */
  officers: readonly ForecastOfficer[];
  capabilityId?: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of the month `offset` months after the month of `date` (UTC calendar; leap years included). */
export function monthEnd(date: string, offset: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + offset;
  const d = new Date(Date.UTC(y, m + 1, 0));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface OfficerState {
  orgId: string;
  posted: boolean;
  left: boolean;
  commitments: OfficerCommitment[];
}

type Change = { date: string; order: number; kind: 'move' | 'leaving' | 'posting-end' | 'secondment-return' | 'secondment-start'; commitment?: OfficerCommitment };

/** The dated changes ahead of an officer, in the order the jobs apply them. */
function changesOf(o: ForecastOfficer): Change[] {
  const out: Change[] = [];
  for (const c of o.commitments ?? []) {
    if (c.kind === 'move') out.push({ date: c.startDate, order: 0, kind: 'move', commitment: c });
    else {
      out.push({ date: c.startDate, order: 4, kind: 'secondment-start', commitment: c });
      if (c.endDate) out.push({ date: c.endDate, order: 3, kind: 'secondment-return', commitment: c });
    }
  }
  if (o.leavingOn) out.push({ date: o.leavingOn, order: 1, kind: 'leaving' });
  if (isPosted(o) && o.servingUntil) out.push({ date: o.servingUntil, order: 2, kind: 'posting-end' });
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
}

function apply(state: OfficerState, change: Change, homeOrgId: string): OfficerState {
  if (state.left) return state;
  switch (change.kind) {
    case 'move':
      if (!state.commitments.includes(change.commitment!)) return state;
      return { orgId: change.commitment!.toOrgId, posted: false, left: false, commitments: state.commitments.filter((c) => c !== change.commitment) };
    case 'leaving':
      return { ...state, left: true };
    case 'posting-end':
      return state.posted ? { ...state, orgId: homeOrgId, posted: false } : state;
    case 'secondment-return':
      return { ...state, commitments: state.commitments.filter((c) => c !== change.commitment) };
    default:
      return state;
  }
}

/** What an officer in `state` adds to the team of `capabilityId` in `orgId`. */
function counts(state: OfficerState, orgId: string): { strength: number; committedOut: number } {
  if (state.left || state.orgId !== orgId) return { strength: 0, committedOut: 0 };
  return { strength: 1, committedOut: state.commitments.length > 0 ? 1 : 0 };
}

function describe(change: Change, o: ForecastOfficer, before: OfficerState, orgId: string): { kind: ForecastEventKind; source: string } {
  const c = change.commitment;
  switch (change.kind) {
    case 'move':
      return before.orgId === orgId
        ? { kind: 'move-out', source: `moves to ${c!.toOrgId}: “${c!.title}” (application ${c!.applicationId})` }
        : { kind: 'move-in', source: `joins from ${before.orgId}: “${c!.title}” (application ${c!.applicationId})` };
    case 'leaving':
      return { kind: 'leaving', source: 'leaving date on the record' };
    case 'posting-end':
      return before.orgId === orgId
        ? { kind: 'posting-end', source: `posting from ${o.homeOrgId} ends` }
        : { kind: 'posting-end', source: `posting in ${before.orgId} ends: back home` };
    case 'secondment-return':
      return { kind: 'secondment-return', source: `back from a secondment to ${c!.toOrgId}: “${c!.title}” (application ${c!.applicationId})` };
    default:
      return { kind: 'secondment-out', source: `secondment to ${c!.toOrgId} starts: “${c!.title}” (application ${c!.applicationId}; counted out since it was confirmed)` };
  }
}

/**
 * The forecast of every team of the unit (or one, with `capabilityId`):
 * monthly figures, the dated events behind them and the first breach of the
 * minimum. Each officer's timeline is played through once, change by
 * change, so one person counts once whatever happens to them (a leaver who
 * is also committed drops out of strength and `committedOut` together).
 */
export function forecastTeams(input: ForecastInput): ForecastItem[] {
  const { orgId, asOf } = input;
  const horizon = Math.max(0, Math.floor(input.months));
  const dates = [asOf, ...Array.from({ length: horizon }, (_, i) => monthEnd(asOf, i + 1))];
  const horizonEnd = dates[dates.length - 1]!;
  const tomorrow = nextDay(asOf);

  const officers = [...new Map(input.officers.map((o) => [o.id, o])).values()];
  const capabilityIds = new Set(input.teams.map((t) => t.capabilityId));
  // Every team the unit's officers, present or arriving, make up, whether or not it has a baseline yet.
  for (const o of officers) if (o.status === 'active') for (const c of o.capabilities) capabilityIds.add(c);
  const wanted = [...capabilityIds].filter((c) => !input.capabilityId || c === input.capabilityId).sort();
  const teams = new Map(input.teams.map((t) => [t.capabilityId, t]));

  const items = new Map<string, ForecastItem>();
  const strength = new Map<string, number[]>();
  const committed = new Map<string, number[]>();
  for (const c of wanted) {
    items.set(c, { capabilityId: c, minimum: teams.get(c)?.minimum ?? 0, months: [], events: [], firstBreach: null });
    strength.set(c, dates.map(() => 0));
    committed.set(c, dates.map(() => 0));
  }

  for (const o of officers) {
    const held = [...new Set(o.capabilities)].filter((c) => items.has(c));
    if (held.length === 0) continue;
    let state: OfficerState = { orgId: servingOrgOf(o), posted: isPosted(o), left: o.status !== 'active', commitments: [...(o.commitments ?? [])] };
    const timeline: { from: string; state: OfficerState }[] = [{ from: asOf, state }];
    for (const change of changesOf(o)) {
      const effective = change.date < tomorrow ? tomorrow : change.date;
      if (effective > horizonEnd) break;
      const before = state;
      state = apply(state, change, o.homeOrgId);
      timeline.push({ from: effective, state });
      const [b, a] = [counts(before, orgId), counts(state, orgId)];
      const roster = change.kind === 'secondment-start' && b.strength === 1 && change.date > asOf;
      if (!roster && b.strength === a.strength && b.committedOut === a.committedOut) continue;
      const { kind, source } = describe(change, o, before, orgId);
      const event: ForecastEvent = {
        date: change.date,
        kind,
        officerId: o.id,
        ...(o.name ? { officerName: o.name } : {}),
        delta: a.strength - a.committedOut - (b.strength - b.committedOut),
        strengthDelta: a.strength - b.strength,
        committedOutDelta: a.committedOut - b.committedOut,
        source,
      };
      for (const c of held) items.get(c)!.events.push(event);
    }
    // The officer's state at each month end: the last change in effect by then.
    let k = 0;
    dates.forEach((date, i) => {
      while (k + 1 < timeline.length && timeline[k + 1]!.from <= date && i > 0) k++;
      const n = counts(timeline[k]!.state, orgId);
      for (const c of held) {
        strength.get(c)![i]! += n.strength;
        committed.get(c)![i]! += n.committedOut;
      }
    });
  }

  for (const [c, item] of items) {
    const team = teams.get(c);
    const lines = team?.funding;
    for (const l of lines ?? []) {
      if (l.until && l.until > asOf && l.until <= horizonEnd) {
        item.events.push({ date: l.until, kind: 'funding-end', delta: -l.posts, strengthDelta: 0, committedOutDelta: 0, source: `funding ends: ${l.source} (${l.posts} post${l.posts === 1 ? '' : 's'})` });
      }
    }
    item.events.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || (a.officerId ?? '').localeCompare(b.officerId ?? ''));
    item.months = dates.map((date, i) => {
      const s = strength.get(c)![i]!;
      const co = committed.get(c)![i]!;
      return {
        month: date.slice(0, 7),
        at: date,
        strength: s,
        committedOut: co,
        projected: s - co,
        establishment: lines ? establishmentAt(lines, date) : (team?.establishment ?? 0),
        level: standingLevel({ strength: s, committedOut: co, minimum: item.minimum }),
      };
    });
    const breach = item.minimum > 0 ? item.months.findIndex((m) => m.projected < item.minimum) : -1;
    item.firstBreach = breach < 0 ? null : { month: item.months[breach]!.month, monthsAhead: breach, projected: item.months[breach]!.projected, minimum: item.minimum };
  }
  return [...items.values()];
}
