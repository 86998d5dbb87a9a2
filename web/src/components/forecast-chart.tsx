import { monthName } from '../csv';
import type { ForecastTeam } from '../types';

const W = 720;
const H = 320;
const LEFT = 44;
const RIGHT = 150;
const TOP = 34;
const BOTTOM = 78;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;
const LABEL_GAP = 17;

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2027-03` → `Mar 2027`. */
const shortMonth = (month: string) => `${SHORT[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;

/**
 * The lines: each has its own dash pattern and a label in words at its end,
 * so none is told apart by colour alone (WCAG 1.4.1); every colour has at
 * least 3:1 contrast on white (1.4.11).
 */
export const FORECAST_LINES = {
  strength: { text: 'Strength', stroke: '#1d70b8', dash: undefined, width: 6 },
  projected: { text: 'Projected', stroke: '#0b0c0c', dash: '9 5', width: 3 },
  minimum: { text: 'Minimum', stroke: '#d4351c', dash: '2 4', width: 3 },
} as const;

/** Spread the end labels apart so none overlaps another, keeping their order top to bottom. */
function spread(ys: number[]): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + LABEL_GAP);
  const overflow = order.length ? order[order.length - 1]!.y - (TOP + PLOT_H) : 0;
  if (overflow > 0) for (const o of order) o.y -= overflow;
  const out: number[] = [];
  for (const o of order) out[o.i] = o.y;
  return out;
}

function niceStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100]) if (max / step <= 6) return step;
  return Math.ceil(max / 6);
}

/** The words a screen reader hears for the chart, and the page shows beside it: the first breach and why. */
export function breachSentence(team: ForecastTeam, teamName: string): string {
  const last = team.months[team.months.length - 1];
  const b = team.firstBreach;
  if (team.minimum === 0) return `The ${teamName} team has no minimum set, so it cannot fall below one.`;
  if (!b) return `The ${teamName} team’s projected strength stays at or above its minimum of ${team.minimum} until ${last ? monthName(last.month) : 'the end of the forecast'}.`;
  if (b.monthsAhead === 0) return `The ${teamName} team is below its minimum today: projected ${b.projected} against a minimum of ${b.minimum}.`;
  return `The ${teamName} team first falls below its minimum of ${b.minimum} at the end of ${monthName(b.month)}, ${b.monthsAhead === 1 ? 'next month' : `in ${b.monthsAhead} months`}: projected ${b.projected}.`;
}

/**
 * One team's forecast as a step chart: strength and projected strength at the
 * end of each month (each held until the next), against the minimum, with
 * the months below the minimum hatched and the first of them marked in words.
 */
export function ForecastChart({ team, teamName }: { team: ForecastTeam; teamName: string }) {
  const n = team.months.length;
  const id = `forecast-${team.capabilityId}`;
  const top = Math.max(4, team.minimum + 1, ...team.months.map((m) => Math.max(m.strength, m.projected) + 1));
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step;
  const x = (i: number) => LEFT + (PLOT_W * i) / n;
  const y = (v: number) => TOP + PLOT_H - (PLOT_H * Math.max(0, v)) / yMax;
  const f = (v: number) => v.toFixed(1);
  /** Each month's figure holds until the next month's: across, then up or down. */
  const stepPath = (values: number[]) => {
    let d = `M${f(x(0))} ${f(y(values[0] ?? 0))}`;
    for (let i = 1; i < values.length; i++) d += ` H${f(x(i))} V${f(y(values[i]!))}`;
    return `${d} H${f(x(n))}`;
  };
  const strength = team.months.map((m) => m.strength);
  const projected = team.months.map((m) => m.projected);
  const first = team.months[0];
  const last = team.months[n - 1];
  const below = team.minimum > 0 ? team.months.map((m, i) => (m.projected < team.minimum ? i : -1)).filter((i) => i >= 0) : [];
  const breach = team.firstBreach;
  const ends = spread([y(last?.strength ?? 0), y(last?.projected ?? 0), y(team.minimum)]);
  const ticks = Array.from({ length: yMax / step + 1 }, (_, k) => k * step);
  const desc =
    `A step chart of the ${teamName} team from today to the end of ${last ? monthName(last.month) : ''}. ` +
    `Strength is ${first?.strength ?? 0} today and ${last?.strength ?? 0} at the end; projected strength (once those committed to leave have gone) is ${first?.projected ?? 0} today and ${last?.projected ?? 0} at the end; the minimum is ${team.minimum}. ` +
    `${breachSentence(team, teamName)} The table after the chart gives every month’s figures.`;

  return (
    <svg className="app-chart app-forecast" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${W} ${H}`} data-testid={`forecast-chart-${team.capabilityId}`}>
      <title id={`${id}-title`}>
        {teamName}: strength and projected strength against the minimum, month by month
      </title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#fbe4e0" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#d4351c" strokeWidth="2" />
        </pattern>
      </defs>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={LEFT + PLOT_W} y1={y(t)} y2={y(t)} stroke="#b1b4b6" strokeWidth="1" />
          <text x={LEFT - 8} y={y(t) + 4} textAnchor="end" className="app-chart__axis">
            {t}
          </text>
        </g>
      ))}
      {below.map((i) => (
        <rect key={i} x={x(i)} y={TOP} width={x(i + 1) - x(i)} height={PLOT_H} fill={`url(#${id}-hatch)`} data-below-minimum={team.months[i]!.month} />
      ))}
      {breach ? (
        <g data-testid={`forecast-breach-${team.capabilityId}`}>
          <line x1={x(breach.monthsAhead)} x2={x(breach.monthsAhead)} y1={TOP - 6} y2={TOP + PLOT_H} stroke="#0b0c0c" strokeWidth="2" />
          <text x={x(breach.monthsAhead) + (breach.monthsAhead > n / 2 ? -6 : 6)} y={TOP - 12} textAnchor={breach.monthsAhead > n / 2 ? 'end' : 'start'} className="app-chart__label app-forecast__breach">
            Below minimum from {breach.monthsAhead === 0 ? 'today' : `end of ${shortMonth(breach.month)}`}
          </text>
        </g>
      ) : null}
      <line x1={LEFT} x2={LEFT + PLOT_W} y1={y(team.minimum)} y2={y(team.minimum)} stroke={FORECAST_LINES.minimum.stroke} strokeWidth={FORECAST_LINES.minimum.width} strokeDasharray={FORECAST_LINES.minimum.dash} />
      <path d={stepPath(strength)} fill="none" stroke={FORECAST_LINES.strength.stroke} strokeWidth={FORECAST_LINES.strength.width} data-line="strength" />
      <path d={stepPath(projected)} fill="none" stroke={FORECAST_LINES.projected.stroke} strokeWidth={FORECAST_LINES.projected.width} strokeDasharray={FORECAST_LINES.projected.dash} data-line="projected" />
      <text x={LEFT + PLOT_W + 8} y={ends[0]! + 5} className="app-chart__label" fill={FORECAST_LINES.strength.stroke}>
        Strength {last?.strength}
      </text>
      <text x={LEFT + PLOT_W + 8} y={ends[1]! + 5} className="app-chart__label">
        Projected {last?.projected}
      </text>
      <text x={LEFT + PLOT_W + 8} y={ends[2]! + 5} className="app-chart__label" fill={FORECAST_LINES.minimum.stroke}>
        Minimum {team.minimum}
      </text>
      <line x1={LEFT} x2={LEFT + PLOT_W} y1={TOP + PLOT_H} y2={TOP + PLOT_H} stroke="#0b0c0c" strokeWidth="1" />
      {team.months.map((m, i) =>
        i === 0 || i % 3 === 0 ? (
          <g key={m.month}>
            <line x1={x(i)} x2={x(i)} y1={TOP + PLOT_H} y2={TOP + PLOT_H + 5} stroke="#0b0c0c" />
            <text x={x(i)} y={TOP + PLOT_H + 20} textAnchor="middle" className="app-chart__axis">
              {i === 0 ? 'Today' : shortMonth(m.month)}
            </text>
          </g>
        ) : null,
      )}
      <g transform={`translate(${LEFT}, ${H - 22})`} className="app-chart__axis">
        {(['strength', 'projected', 'minimum'] as const).map((key, k) => (
          <g key={key} transform={`translate(${k * 150}, 0)`}>
            <line x1="0" x2="34" y1="-4" y2="-4" stroke={FORECAST_LINES[key].stroke} strokeWidth="3" strokeDasharray={FORECAST_LINES[key].dash} />
            <text x="40" y="0">
              {FORECAST_LINES[key].text}
            </text>
          </g>
        ))}
        <g transform="translate(450, 0)">
          <rect x="0" y="-12" width="34" height="14" fill={`url(#${id}-hatch)`} stroke="#d4351c" />
          <text x="40" y="0">
            Below minimum
          </text>
        </g>
      </g>
    </svg>
  );
}
