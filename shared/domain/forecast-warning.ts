import { createHash } from 'node:crypto';
import type { ForecastEvent, ForecastItem } from './forecast';

/**
 * The early warning (BRIEF.md "The capability forecast"): a team whose
 * forecast first falls below its minimum within the window gets one
 * `forecast` alert per breach month; it resolves itself when the forecast
 * recovers (or the breach moves to another month, which is a new warning).
 * A team already below its minimum today is not a warning of what is coming:
 * the other alerts speak for it. Pure.
 */
export interface LiveWarning {
  capabilityId: string;
  alertId: string;
  month: string;
}

export interface WarningToRaise {
  capabilityId: string;
  alertId: string;
  month: string;
  monthsAhead: number;
  strength: number;
  projectedToday: number;
  projected: number;
  minimum: number;
  causes: string;
}

export interface WarningPlan {
  raise: WarningToRaise[];
  resolve: (LiveWarning & { reason: 'recovered' | 'superseded' })[];
}

/** One alert per unit, team and breach month: its id says which, so raising it twice is refused by the table. */
export function forecastAlertId(orgId: string, capabilityId: string, month: string): string {
  return `alt_fc${createHash('sha256').update(`${orgId}#${capabilityId}#${month}`).digest('hex').slice(0, 24)}`;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2027-03-31` → `31 March 2027`. */
export function longDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** `2027-03` → `March 2027`. */
export function longMonth(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

function phrase(kind: ForecastEvent['kind'], events: ForecastEvent[]): string {
  const n = events.length;
  switch (kind) {
    case 'posting-end':
      return `${count(n)} posting${n === 1 ? ' ends' : 's end'}`;
    case 'leaving':
      return `${count(n)} officer${n === 1 ? ' leaves' : 's leave'}`;
    case 'move-out':
      return `${count(n)} officer${n === 1 ? ' moves' : 's move'} out`;
    case 'funding-end': {
      const posts = events.reduce((a, e) => a - e.delta, 0);
      const sources = events.map((e) => e.source.replace(/^funding ends: /, '').replace(/ \(\d+ posts?\)$/, ''));
      return `funding for ${count(posts)} post${posts === 1 ? '' : 's'} ends (${sources.join('; ')})`;
    }
    default:
      return `${count(n)} ${kind}`;
  }
}

/**
 * The events that take the team below its minimum by the breach month, in
 * words, grouped by day and kind: those that lower the projection, and a
 * funding line ending by then (it lowers the establishment), e.g. “three
 * postings end on 31 March 2027; funding for four posts ends (Home Office
 * grant) on 31 March 2027”.
 */
export function breachCauses(item: ForecastItem, monthsAhead: number): string {
  const until = item.months[monthsAhead]!.at;
  const from = item.months[0]!.at;
  const relevant = item.events.filter((e) => e.date <= until && (e.kind === 'funding-end' ? e.date > from : e.delta < 0));
  const groups = new Map<string, ForecastEvent[]>();
  for (const e of relevant) groups.set(`${e.date}#${e.kind}`, [...(groups.get(`${e.date}#${e.kind}`) ?? []), e]);
  // By day; on one day the people first, then the funding.
  const parts = [...groups.entries()]
    .sort(([a], [b]) => a.slice(0, 10).localeCompare(b.slice(0, 10)) || Number(a.endsWith('funding-end')) - Number(b.endsWith('funding-end')) || a.localeCompare(b))
    .map(([key, events]) => `${phrase(events[0]!.kind, events)} on ${longDate(key.slice(0, 10))}`);
  return parts.length ? parts.join('; ') : 'commitments already made take the team below its minimum';
}

/**
 * What the daily job does for one unit: raise a warning for each team whose
 * first breach lies 1 to `windowMonths` months ahead and has no live warning
 * for that month; resolve a live warning whose team has recovered (no breach
 * in the window) or whose breach moved to another month.
 */
export function planWarnings(orgId: string, items: readonly ForecastItem[], live: readonly LiveWarning[], windowMonths: number): WarningPlan {
  const plan: WarningPlan = { raise: [], resolve: [] };
  const liveByTeam = new Map(live.map((w) => [w.capabilityId, w]));
  const seen = new Set<string>();
  for (const item of items) {
    seen.add(item.capabilityId);
    const b = item.firstBreach;
    const coming = b && b.monthsAhead >= 1 && b.monthsAhead <= windowMonths ? b : null;
    const current = liveByTeam.get(item.capabilityId);
    if (current && current.month !== coming?.month) plan.resolve.push({ ...current, reason: coming ? 'superseded' : 'recovered' });
    if (coming && current?.month !== coming.month) {
      const month = item.months[coming.monthsAhead]!;
      plan.raise.push({
        capabilityId: item.capabilityId,
        alertId: forecastAlertId(orgId, item.capabilityId, coming.month),
        month: coming.month,
        monthsAhead: coming.monthsAhead,
        strength: month.strength,
        projectedToday: item.months[0]!.projected,
        projected: coming.projected,
        minimum: coming.minimum,
        causes: breachCauses(item, coming.monthsAhead),
      });
    }
  }
  // A team no longer forecast at all (its last officer gone, its baseline removed) has recovered from nothing: resolve it.
  for (const w of live) if (!seen.has(w.capabilityId)) plan.resolve.push({ ...w, reason: 'recovered' });
  return plan;
}
